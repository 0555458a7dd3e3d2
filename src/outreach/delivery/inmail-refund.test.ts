import { expect, it } from 'vitest';
import { seatCreditState } from '../../credits/seat-credits.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { completeTask } from './action-store.ts';
import { applyOutcome } from '../enrollment/apply-outcome-store.ts';
import { createExecutorRegistry } from './executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { TasksExecutor } from './tasks-executor.ts';
import { runWorkerPass } from './worker.ts';

describeEachBackend('InMail through the credit ledger', (getStore) => {
  it('spends a credit when the InMail task is done and refunds it on the reply', async () => {
    const store = getStore();
    const { campaignId, seatId, candidateIds } = await seedRunningCampaign(store, {
      tag: 'refund',
      n: 2,
      plan: 'recruiter-lite',
      launchAt: '2025-06-03T00:00:00.000Z',
      sequence: [{ key: 'inmail', channel: 'inmail', anchor: 'enrolled', delayDays: 0 }],
    });
    const before = (await seatCreditState(store, 'default', seatId, '2025-06-03')).state.balance;
    expect(before).toBeGreaterThan(2);
    const registry = createExecutorRegistry([new TasksExecutor()]);
    await runWorkerPass(store, { registry, now: () => '2025-06-03T00:01:00.000Z' });
    await runWorkerPass(store, { registry, now: () => '2025-06-03T23:58:00.000Z' });
    const tasks = await store.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(tasks.map((t) => [t.channel, t.status])).toEqual([
      ['inmail', 'awaiting_person'],
      ['inmail', 'awaiting_person'],
    ]);
    for (const t of tasks) await completeTask(store, 'default', t.id, 'done', '2025-06-03T23:59:00.000Z');
    const spent = await seatCreditState(store, 'default', seatId, '2025-06-03');
    expect(spent.state.balance).toBe(before - 2);
    expect(spent.state.open.size).toBe(2);

    const first = candidateIds[0];
    const r = await applyOutcome(store, 'default', { candidateId: first, kind: 'replied', replyKind: 'negative', at: '2025-06-05T10:00:00.000Z', source: 'api' }, { learn: null });
    expect(r.refunds).toEqual([{ seatId, refunded: true }]);
    expect(r.changes[0]).toMatchObject({ from: 'inmailed', to: 'replied' });
    const after = await seatCreditState(store, 'default', seatId, '2025-06-05');
    expect(after.state.balance).toBe(before - 1);
    expect(after.state.open.size).toBe(1);
    // a reply through a connection message does not close or refund the other InMail
    const viaMessage = await applyOutcome(store, 'default', { candidateId: candidateIds[1], kind: 'replied', replyKind: 'positive', channel: 'message', at: '2025-06-06T10:00:00.000Z', source: 'cli' }, { learn: null });
    expect(viaMessage.refunds).toEqual([]);
  });
});
