import type { Store } from '../db/open-database.ts';
import { createCampaign, setCampaignStatus } from './campaign-store.ts';

/**
 * The demo workspace's campaign (added by loadDemoWorkspace): up to 500 demo
 * candidates on the demo seats, the default sequence, running in tasks mode
 * so the task queue fills through the seats' working hours. Created once.
 */
export const demoCampaignName = 'Demo outreach: Senior Backend Engineer';

export async function ensureDemoCampaign(store: Store, workspaceId: string, seatIds: string[]): Promise<string | null> {
  if (seatIds.length === 0) return null;
  const existing = await store.db.selectFrom('outreach_campaigns').select('id').where('workspace_id', '=', workspaceId).where('name', '=', demoCampaignName).executeTakeFirst();
  if (existing) return existing.id;
  const ids = (await store.db.selectFrom('candidates').select('id').where('workspace_id', '=', workspaceId).orderBy('id').limit(500).execute()).map((r) => Number(r.id));
  if (ids.length === 0) return null;
  const c = await createCampaign(
    store,
    workspaceId,
    {
      name: demoCampaignName,
      seatIds,
      source: { kind: 'ids', ids },
      messageRole: { title: 'Senior Backend Engineer', company: 'Acme Cloud', skills: ['Go', 'PostgreSQL', 'Kubernetes'], location: 'Remote (Europe)', pitch: 'A small platform team rebuilding payments infrastructure.' },
    },
    { candidateIds: ids },
  );
  await setCampaignStatus(store, workspaceId, c.id, 'running');
  return c.id;
}
