import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../demo/demo-workspace.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { getRole } from '../../ranking/ranking-store.ts';
import type { Store } from '../../db/open-database.ts';
import { createCampaign, getCampaign } from '../campaigns/campaign-store.ts';
import { highPriorityThreshold } from '../campaigns/default-sequence.ts';
import { demoCampaignName, demoRole, demoRoleId } from '../../demo/demo-campaign.ts';
import { addDays } from '../planning/seat-calendar.ts';
import { loadSimulationInput } from '../simulation/simulate-campaign-input-store.ts';
import { simulateCampaign, type SimulationTraceEvent } from '../simulation/simulate-campaign.ts';

/**
 * Priorities come from ranking with or without a role (docs/outreach.md,
 * "Priorities"), so the default sequence's InMail step (priority >= 70)
 * can fire, including in the demo campaign.
 */
const ws = 'default';
const asOf = '2025-05-30';
const start = '2025-06-02'; // a Monday

async function priorities(store: Store, campaignId: string): Promise<Map<number, number>> {
  const rows = await store.db.selectFrom('outreach_enrollments').select(['candidate_id', 'priority']).where('campaign_id', '=', campaignId).execute();
  return new Map(rows.map((r) => [Number(r.candidate_id), r.priority]));
}

/** Simulates two weeks and checks every InMail went to a high-priority candidate not accepted by day 7, returning how many there were. */
async function inmailsPlanned(store: Store, campaignId: string, prio: Map<number, number>, workspaceId = ws): Promise<number> {
  const trace: SimulationTraceEvent[] = [];
  const input = await loadSimulationInput(store, workspaceId, campaignId, { days: 14, seed: 3, startDate: start });
  simulateCampaign({ ...input, trace: (e) => trace.push(e) });
  const campaign = trace.filter((e) => e.plan === 'campaign');
  const inmails = campaign.filter((e) => e.type === 'action' && e.channel === 'inmail');
  for (const a of inmails) {
    expect(prio.get(a.candidateId)!).toBeGreaterThanOrEqual(highPriorityThreshold);
    expect(a.date >= addDays(start, 6)).toBe(true);
    // not accepted when the day was planned (an acceptance can still arrive during the day, before the InMail goes out)
    const accepted = campaign.filter((e) => e.type === 'outcome' && e.candidateId === a.candidateId && e.kind === 'accepted' && e.date < a.date);
    expect(accepted).toEqual([]);
  }
  return inmails.length;
}

describeEachBackend('enrollment priorities from ranking', (getStore) => {
  it('a role-less campaign over demo candidates gets a spread of priorities, and InMails go to its high-priority, not-accepted candidates after day 7', { timeout: 120_000 }, async () => {
    const store = getStore();
    const demo = await loadDemoWorkspace(store, ws, { count: 200, asOf });
    const ids = (await store.db.selectFrom('candidates').select('id').where('workspace_id', '=', ws).orderBy('id').execute()).map((r) => Number(r.id));
    const london = demo.seats.filter((s) => s.plan !== null).map((s) => s.id);
    const c = await createCampaign(store, ws, { name: 'No role', seatIds: london, source: { kind: 'ids', ids } }, { candidateIds: ids, now: `${asOf}T12:00:00.000Z` });
    expect(c.roleId).toBeNull();
    const prio = await priorities(store, c.id);
    const values = [...prio.values()];
    const deciles = new Set(values.map((p) => Math.min(9, Math.floor(p / 10))));
    expect(deciles.size).toBeGreaterThanOrEqual(5);
    expect(Math.min(...values)).toBeLessThan(40);
    const high = values.filter((p) => p >= highPriorityThreshold).length;
    expect(high).toBeGreaterThan(0);
    expect(high).toBeLessThan(values.length / 2);
    expect(await inmailsPlanned(store, c.id, prio)).toBeGreaterThan(0);
  });
});

describeEachBackend('the demo campaign ranks by the demo role', (getStore) => {
  it('the demo workspace saves a demo role and its demo campaign ranks by it, so the InMail escalation fires', { timeout: 120_000 }, async () => {
    const store = getStore();
    await loadDemoWorkspace(store, ws, { count: 500, asOf });
    expect((await getRole(store, ws, demoRoleId)).name).toBe(demoRole.name);
    const row = await store.db.selectFrom('outreach_campaigns').select('id').where('workspace_id', '=', ws).where('name', '=', demoCampaignName).executeTakeFirstOrThrow();
    const c = await getCampaign(store, ws, row.id);
    expect(c.roleId).toBe(demoRoleId);
    expect(c.source).toMatchObject({ kind: 'query', query: demoRole.query });
    // the role's query matches a good share of the demo data
    expect(c.enrollments).toBeGreaterThan(100);
    const prio = await priorities(store, c.id);
    const high = [...prio.values()].filter((p) => p >= highPriorityThreshold).length;
    expect(high).toBeGreaterThan(10);
    expect(high).toBeLessThan(prio.size);
    expect(await inmailsPlanned(store, c.id, prio, ws)).toBeGreaterThan(0);
  });
});

describe('demo role', () => {
  it('is a valid saved-role profile with an id', () => {
    expect(demoRole.id).toBe(demoRoleId);
    expect(demoRole.query.length).toBeGreaterThan(0);
  });
});
