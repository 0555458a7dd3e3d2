import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { countExamples, loadExamples } from '../../ranking/ranking-store.ts';
import { applyOutcome } from './apply-outcome-store.ts';
import { createExecutorRegistry } from '../delivery/executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import type { Executor } from '../delivery/executor.ts';
import { runWorkerPass } from '../delivery/worker.ts';

/** A sequence that ends without any reply is reported to ranking as `ignored` (docs/outreach.md, "Outcomes"). */
describeEachBackend('ignored outcomes for learning', (getStore) => {
  it('reports ignored once for each enrollment that finished unanswered, and never for one that replied', { timeout: 60_000 }, async () => {
    const store = getStore();
    const seeded = await seedRunningCampaign(store, { tag: 'ign', n: 3, launchAt: '2025-06-02T00:00:00.000Z', sequence: [{ key: 'email', channel: 'email', anchor: 'enrolled', delayDays: 0 }] });
    const sends: Executor = { name: 'webhook', execute: async (a) => ({ status: 'sent', at: a.dueAt }) } as Executor;
    const registry = createExecutorRegistry([sends]);
    const pass = (now: string) => runWorkerPass(store, { registry, override: 'webhook', now: () => now });
    await pass('2025-06-02T00:05:00.000Z'); // plans the emails
    const done = await pass('2025-06-02T23:59:30.000Z'); // sends them
    expect(done.results.sent).toBe(3);
    // the first candidate answers; the others never do
    await applyOutcome(store, 'default', { candidateId: seeded.candidateIds[0], kind: 'replied', replyKind: 'positive', channel: 'email', source: 'cli', at: '2025-06-03T10:00:00.000Z' }, { now: '2025-06-03T10:00:00.000Z', learn: null });
    // next day: nothing is left in the sequence, the two unanswered enrollments finish
    await pass('2025-06-04T00:05:00.000Z');
    await pass('2025-06-05T00:05:00.000Z');
    const examples = await loadExamples(store, 'default');
    expect(examples.filter((e) => e.kind === 'outcome').map((e) => e.label)).toEqual(['ignored', 'ignored']);
    expect((await countExamples(store, 'default')).outcome).toBe(2);
    const finished = await store.db.selectFrom('outreach_enrollments').select(['candidate_id', 'state']).where('campaign_id', '=', seeded.campaignId).orderBy('candidate_id').execute();
    expect(finished.map((f) => f.state)).toEqual(['replied', 'finished', 'finished']);
    const ids = (await store.db.selectFrom('ranking_examples').select('candidate_id').where('workspace_id', '=', 'default').execute()).map((r) => Number(r.candidate_id)).sort((a, b) => a - b);
    expect(ids).toEqual(seeded.candidateIds.slice(1).sort((a, b) => a - b));
  });
});
