import { afterAll, expect, it } from 'vitest';
import type { Store } from '../../db/open-database.ts';
import { describeEachBackend, testBackends } from '../../db/test-backends.ts';
import { defaultSequence } from '../campaigns/default-sequence.ts';
import { fastForward } from './worker-fast-forward.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { loadSimulationInput } from './simulate-campaign-input-store.ts';
import { simulateCampaign, type SimulationReport } from './simulate-campaign.ts';

/**
 * Issue #7: "deterministic with a seed". The same campaign definition,
 * audience and seed give the same results on two fresh databases, although
 * each database gives the campaign a different random id (`cmp_<hex>`).
 */
const launchAt = '2026-03-02T00:00:00.000Z';

// A/B variants on the note, one of them much shorter: which half of the audience gets which variant changes the answers
const sequence = defaultSequence.map((s) =>
  s.key === 'invite'
    ? { ...s, variants: [{ key: 'A', template: 'connection-note' }, { key: 'B', template: '---\nstep: connection_note\n---\nHi {{ candidate.first_name }}, open to connecting?', weight: 2 }] }
    : s,
);

async function seeded(store: Store): Promise<string> {
  const { campaignId } = await seedRunningCampaign(store, { tag: 'same', n: 60, weeklyInviteCap: 40, launchAt, plan: 'recruiter-lite', sequence });
  return campaignId;
}

async function simulate(store: Store, campaignId: string, seed: string): Promise<Omit<SimulationReport, 'campaign'> & { campaign: { name: string } }> {
  const report = simulateCampaign(await loadSimulationInput(store, 'default', campaignId, { days: 30, seed, startDate: '2026-03-02' }));
  // the id is the database's name for the campaign, not part of the result
  return { ...report, campaign: { name: report.campaign.name } };
}

async function outcomesOf(store: Store): Promise<Array<{ candidate_id: number; kind: string; reply_kind: string | null; channel: string | null; at: string }>> {
  const rows = await store.db.selectFrom('outreach_outcomes').select(['candidate_id', 'kind', 'reply_kind', 'channel', 'at']).orderBy('at').orderBy('candidate_id').orderBy('kind').execute();
  return rows.map((r) => ({ ...r, candidate_id: Number(r.candidate_id) }));
}

describeEachBackend('same seed, two fresh databases', (getStore, backendName) => {
  const backend = testBackends.find((b) => b.name === backendName)!;
  let second: { store: Store; cleanup(): Promise<void> } | undefined;
  afterAll(async () => {
    await second?.cleanup();
  });

  it('campaign simulate gives the same report, and another seed a different one', { timeout: 60_000 }, async () => {
    second = await backend.open();
    const a = await seeded(getStore());
    const b = await seeded(second.store);
    expect(a).not.toBe(b);
    const ra = await simulate(getStore(), a, '7');
    expect(ra.totals.invitations).toBeGreaterThan(0);
    expect(await simulate(second.store, b, '7')).toEqual(ra);
    expect(await simulate(second.store, b, '8')).not.toEqual(ra);
  });

  it('the worker on a virtual clock with the sandbox gets the same answers (fast-forward)', { timeout: 120_000 }, async () => {
    const run = (store: Store, seed: string) => fastForward(store, { days: 12, stepMinutes: 240, executor: 'sandbox', seed, start: launchAt });
    const ra = await run(getStore(), '7');
    const rb = await run(second!.store, '7');
    expect(rb).toEqual(ra);
    const oa = await outcomesOf(getStore());
    expect(oa.length).toBeGreaterThan(5);
    expect(await outcomesOf(second!.store)).toEqual(oa);
  });
});
