import type { Store } from '../db/open-database.ts';
import { loadRankingModel, saveRole } from '../ranking/ranking-store.ts';
import { roleProfileSchema, type RoleProfile } from '../ranking/role-profile.ts';
import { resolveCampaignSource } from '../outreach/campaigns/campaign-source-store.ts';
import { createCampaign, setCampaignStatus } from '../outreach/campaigns/campaign-store.ts';

/**
 * The demo workspace's role and campaign (added by loadDemoWorkspace).
 *
 * The role is saved in ranking's role store, so `rank`, `search --role` and
 * the UI can use it too. Its query matches the backend, full-stack,
 * platform and engineering-manager profiles of the demo data that work with
 * Node.js or Go; the criteria rank them (titles, skills, seniority).
 *
 * The campaign: up to 500 demo candidates matching the role's query, on the
 * demo seats, the default sequence, running in tasks mode so the task queue
 * fills through the seats' working hours. Enrollment priorities come from
 * ranking for the role, so the best fits who are reachable reach priority 70
 * and the InMail step of the default sequence can fire. Created once.
 */
export const demoCampaignName = 'Demo outreach: Senior Backend Engineer';

export const demoRoleId = 'demo-senior-backend';

export const demoRole: RoleProfile = roleProfileSchema.parse({
  id: demoRoleId,
  name: 'Senior Backend Engineer (Node.js / Go)',
  query: '(node.js OR nodejs OR typescript OR golang OR go OR grpc OR kubernetes) AND (engineer OR developer)',
  titles: ['Backend Engineer', 'Software Engineer', 'Platform Engineer'],
  mustHaveSkills: [],
  niceToHaveSkills: ['Node.js', 'Go', 'TypeScript', 'PostgreSQL', 'Kubernetes', 'gRPC', 'Docker'],
  seniority: { min: 'senior', max: 'staff' },
  yearsOfExperience: { min: 5 },
});

/** Saves the demo role in the workspace (kept as it is when it already exists). */
export async function ensureDemoRole(store: Store, workspaceId: string): Promise<RoleProfile> {
  const existing = await store.db.selectFrom('ranking_roles').select('id').where('workspace_id', '=', workspaceId).where('id', '=', demoRoleId).executeTakeFirst();
  if (existing) return demoRole;
  return saveRole(store, workspaceId, demoRole);
}

/** `asOf` ('YYYY-MM-DD'): the demo data's date, at which priorities are scored (default: now). */
export async function ensureDemoCampaign(store: Store, workspaceId: string, seatIds: string[], opts: { asOf?: string } = {}): Promise<string | null> {
  if (seatIds.length === 0) return null;
  const existing = await store.db.selectFrom('outreach_campaigns').select('id').where('workspace_id', '=', workspaceId).where('name', '=', demoCampaignName).executeTakeFirst();
  if (existing) return existing.id;
  const role = await ensureDemoRole(store, workspaceId);
  const source = { kind: 'query' as const, query: role.query, limit: 500 };
  const ids = await resolveCampaignSource(store, workspaceId, source);
  if (ids.length === 0) return null;
  const c = await createCampaign(
    store,
    workspaceId,
    {
      name: demoCampaignName,
      roleId: demoRoleId,
      seatIds,
      source,
      messageRole: { title: 'Senior Backend Engineer', company: 'Acme Cloud', skills: ['Node.js', 'Go', 'PostgreSQL', 'Kubernetes'], location: 'Remote (Europe)', pitch: 'A small platform team rebuilding payments infrastructure.' },
    },
    { candidateIds: ids, savedRole: role, model: await loadRankingModel(store, workspaceId), ...(opts.asOf ? { scoreAt: `${opts.asOf}T12:00:00.000Z` } : {}) },
  );
  await setCampaignStatus(store, workspaceId, c.id, 'running');
  return c.id;
}
