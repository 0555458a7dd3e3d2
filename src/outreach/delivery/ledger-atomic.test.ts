import { expect, it } from 'vitest';
import { seatCreditState } from '../../credits/seat-credits.ts';
import type { Store } from '../../db/open-database.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { claimNextAction, completeTask, recordActionResult } from './action-store.ts';
import { applyOutcome } from '../enrollment/apply-outcome-store.ts';
import { createExecutorRegistry } from './executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { planAllSeats, runWorkerPass } from './worker.ts';
import { TasksExecutor } from './tasks-executor.ts';

const ws = 'default';
const boom = async () => {
  throw new Error('injected crash after the ledger write');
};

async function creditEvents(store: Store, seatId: string, type: string) {
  return store.db.selectFrom('credit_events').select('payload').where('seat_id', '=', seatId).where('type', '=', type).execute();
}

/** One candidate in a running campaign whose only step is an InMail, on a paid seat. */
function seedInMailCampaign(store: Store, tag: string) {
  return seedRunningCampaign(store, {
    tag,
    n: 1,
    plan: 'recruiter-lite',
    launchAt: '2025-06-03T00:00:00.000Z',
    sequence: [{ key: 'inmail', channel: 'inmail', anchor: 'enrolled', delayDays: 0 }],
  });
}

describeEachBackend('credit ledger writes are atomic with the outreach transaction', (getStore) => {
  it('a failure after the InMail ledger write rolls back the spend and the sent action together', async () => {
    const store = getStore();
    const { seatId } = await seedInMailCampaign(store, 'atomic-send');
    const before = (await seatCreditState(store, ws, seatId, '2025-06-03')).state.balance;
    await planAllSeats(store, '2025-06-03T00:01:00.000Z', { learnIgnored: null });
    const now = '2025-06-03T23:58:00.000Z';
    const claimed = await claimNextAction(store, { workerId: 'w1', now, route: () => 'webhook' });
    expect(claimed?.row.channel).toBe('inmail');
    const sent = { status: 'sent' as const, externalId: 'x', at: now };
    await expect(recordActionResult(store, claimed!.row.id, 'w1', sent, now, { inTransaction: boom })).rejects.toThrow(/injected crash/);
    // neither happened: the action is still running (its lease will run out) and no credit was spent
    const row = await store.db.selectFrom('outreach_actions').select(['status']).where('id', '=', claimed!.row.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('running');
    expect(await creditEvents(store, seatId, 'inmail')).toHaveLength(0);
    expect((await seatCreditState(store, ws, seatId, '2025-06-03')).state.balance).toBe(before);

    // recorded again (the retry after the crash): both happen, once
    expect(await recordActionResult(store, claimed!.row.id, 'w1', sent, now)).toBe('recorded');
    expect(await recordActionResult(store, claimed!.row.id, 'w1', sent, now)).toBe('stale');
    expect((await store.db.selectFrom('outreach_actions').select(['status']).where('id', '=', claimed!.row.id).executeTakeFirstOrThrow()).status).toBe('sent');
    expect(await creditEvents(store, seatId, 'inmail')).toHaveLength(1);
    expect((await seatCreditState(store, ws, seatId, '2025-06-03')).state.balance).toBe(before - 1);
  });

  it('a failure after the refund rolls back the reply, its outcome and the refund together; a done task and its spend likewise', async () => {
    const store = getStore();
    const { campaignId, seatId, candidateIds } = await seedInMailCampaign(store, 'atomic-reply');
    const before = (await seatCreditState(store, ws, seatId, '2025-06-03')).state.balance;
    const registry = createExecutorRegistry([new TasksExecutor()]);
    await runWorkerPass(store, { registry, now: () => '2025-06-03T00:01:00.000Z', learnIgnored: null });
    await runWorkerPass(store, { registry, now: () => '2025-06-03T23:58:00.000Z', learnIgnored: null });
    const [task] = await store.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(task.status).toBe('awaiting_person');

    await expect(completeTask(store, ws, task.id, 'done', '2025-06-03T23:59:00.000Z', '', { inTransaction: boom })).rejects.toThrow(/injected crash/);
    expect((await store.db.selectFrom('outreach_actions').select('status').where('id', '=', task.id).executeTakeFirstOrThrow()).status).toBe('awaiting_person');
    expect(await creditEvents(store, seatId, 'inmail')).toHaveLength(0);
    await completeTask(store, ws, task.id, 'done', '2025-06-03T23:59:00.000Z');
    expect(await creditEvents(store, seatId, 'inmail')).toHaveLength(1);

    const reply = { candidateId: candidateIds[0], campaignId, kind: 'replied' as const, replyKind: 'positive' as const, channel: 'inmail' as const, at: '2025-06-05T10:00:00.000Z', source: 'api' as const };
    await expect(applyOutcome(store, ws, reply, { learn: null, inTransaction: boom })).rejects.toThrow(/injected crash/);
    expect(await creditEvents(store, seatId, 'reply')).toHaveLength(0);
    expect(await store.db.selectFrom('outreach_outcomes').select('id').where('candidate_id', '=', candidateIds[0]).execute()).toHaveLength(0);
    const enrollment = await store.db.selectFrom('outreach_enrollments').select(['state', 'replied_at']).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
    expect(enrollment).toEqual({ state: 'inmailed', replied_at: null });
    expect((await seatCreditState(store, ws, seatId, '2025-06-05')).state.balance).toBe(before - 1);

    const applied = await applyOutcome(store, ws, reply, { learn: null });
    expect(applied.refunds).toEqual([{ seatId, refunded: true }]);
    expect(await creditEvents(store, seatId, 'reply')).toHaveLength(1);
    expect((await store.db.selectFrom('outreach_outcomes').select('refunded').where('id', '=', applied.outcomeId).executeTakeFirstOrThrow()).refunded).toBe(1);
    expect((await seatCreditState(store, ws, seatId, '2025-06-05')).state.balance).toBe(before);
  });
});
