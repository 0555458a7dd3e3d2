import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { completeTask } from '../delivery/action-store.ts';
import { addCandidatesToCampaign } from '../campaigns/add-campaign-candidates-store.ts';
import { applyOutcome } from './apply-outcome-store.ts';
import { createCampaign } from '../campaigns/campaign-store.ts';
import { candidateOutreachHistory } from './candidate-outreach-history-store.ts';
import { createExecutorRegistry } from '../delivery/executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { TasksExecutor } from '../delivery/tasks-executor.ts';
import { runWorkerPass } from '../delivery/worker.ts';

const ws = 'default';
const registry = createExecutorRegistry([new TasksExecutor()]);

describeEachBackend("a candidate's outreach history", (getStore) => {
  it('shows every campaign, the transitions with cause, the text sent and the outcomes', async () => {
    const store = getStore();
    const { campaignId, seatId, candidateIds } = await seedRunningCampaign(store, { tag: 'hist', n: 2, launchAt: '2025-06-02T08:00:00.000Z' });
    const who = candidateIds[0];
    const other = await createCampaign(store, ws, { name: 'Second role', seatIds: [seatId], source: { kind: 'ids', ids: [candidateIds[1]] } }, { candidateIds: [candidateIds[1]], now: '2025-06-04T08:00:00.000Z' });
    await addCandidatesToCampaign(store, ws, other.id, [who], { now: '2025-06-05T08:00:00.000Z' });

    await runWorkerPass(store, { registry, now: () => '2025-06-03T23:00:00.000Z', seed: 1 });
    await runWorkerPass(store, { registry, now: () => '2025-06-03T23:59:30.000Z', seed: 1 });
    const task = await store.db.selectFrom('outreach_actions').selectAll().where('candidate_id', '=', who).executeTakeFirstOrThrow();
    await completeTask(store, ws, task.id, 'done', '2025-06-03T23:59:40.000Z');
    await applyOutcome(store, ws, { candidateId: who, campaignId, kind: 'replied', replyKind: 'positive', at: '2025-06-04T10:00:00.000Z', source: 'api' }, { learn: null });

    const h = await candidateOutreachHistory(store, ws, who);
    expect(h.enrollments.map((e) => [e.campaignName, e.state])).toEqual([
      ['Second role', 'queued'],
      ['hist', 'replied'],
    ]);
    const first = h.enrollments[1];
    expect(first.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['queued>invited', 'invited>replied']);
    expect(first.transitions.every((t) => t.cause.length > 0 && t.at.length > 0)).toBe(true);
    expect(first.actions).toHaveLength(1);
    expect(first.actions[0]).toMatchObject({ channel: 'connection_request', status: 'sent', executor: 'tasks', executedAt: '2025-06-03T23:59:40.000Z' });
    expect(first.actions[0].body).toBe(task.body);
    expect(h.outcomes).toEqual([expect.objectContaining({ kind: 'replied', replyKind: 'positive', campaignId, source: 'api' })]);

    // someone never contacted has an empty history; an unknown id is not found
    const quiet = await candidateOutreachHistory(store, ws, candidateIds[1]);
    expect(quiet.outcomes).toEqual([]);
    await expect(candidateOutreachHistory(store, ws, 123_456_789)).rejects.toMatchObject({ code: 'not_found' });
  });
});
