import { expect, it } from 'vitest';
import { signedInApp } from '../../api/test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import type { ActionToExecute, ExecutionResult, Executor } from '../delivery/executor.ts';
import { createExecutorRegistry } from '../delivery/executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { TasksExecutor } from '../delivery/tasks-executor.ts';
import { runWorkerPass } from '../delivery/worker.ts';

/** Sends two, then reports LinkedIn's limit on every later call. */
class LimitAfterTwo implements Executor {
  readonly name = 'webhook' as const;
  calls: ActionToExecute[] = [];
  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    this.calls.push(action);
    return this.calls.length <= 2 ? { status: 'sent', at: action.dueAt } : { status: 'limit_reached', message: 'LinkedIn: weekly invitation limit' };
  }
}

describeEachBackend('a seat is paused for the rest of its day when a limit is reported', (getStore) => {
  it('limit_reached from an executor: nothing more is claimed or planned that day; the next day goes on', async () => {
    const store = getStore();
    const { campaignId, seatId } = await seedRunningCampaign(store, { tag: 'pause', n: 10, launchAt: '2025-06-03T00:00:00.000Z' });
    const ex = new LimitAfterTwo();
    const registry = createExecutorRegistry([new TasksExecutor(), ex]);
    const pass = (now: string) => runWorkerPass(store, { registry, override: 'webhook', now: () => now, seed: 1, learnIgnored: null });
    await pass('2025-06-03T00:01:00.000Z');
    const r = await pass('2025-06-03T23:58:00.000Z');
    expect(r.results).toEqual({ sent: 2, limit_reached: 1 });
    const actions = await store.db.selectFrom('outreach_actions').select(['status', 'last_error', 'attempts', 'plan_date', 'idempotency_key']).where('campaign_id', '=', campaignId).execute();
    expect(actions.filter((a) => a.status === 'sent')).toHaveLength(2);
    // the one that reported the limit reached the executor: it waits for the next day with its key, never expires (issue #14)
    const kept = actions.filter((a) => a.status === 'pending' || a.status === 'running');
    expect(kept).toEqual([expect.objectContaining({ status: 'pending', plan_date: '2025-06-04', idempotency_key: ex.calls[2].idempotencyKey })]);
    expect(actions.filter((a) => a.status === 'expired').length).toBe(actions.length - 3);
    expect(actions.filter((a) => a.status === 'expired').every((a) => Number(a.attempts) === 0)).toBe(true);
    expect((await store.db.selectFrom('outreach_seat_state').select('paused_on').where('seat_id', '=', seatId).executeTakeFirstOrThrow()).paused_on).toBe('2025-06-03');
    // later the same day: the seat stays quiet
    const again = await pass('2025-06-03T23:59:00.000Z');
    expect([again.planned, again.executed, ex.calls.length]).toEqual([0, 0, 3]);
    // the next day the expired ones are planned afresh, and the kept one goes out under its first key
    const next = await pass('2025-06-04T00:01:00.000Z');
    expect(next.planned).toBeGreaterThan(0);
    expect(ex.calls.slice(3).map((c) => c.idempotencyKey)).toContain(ex.calls[2].idempotencyKey);
    expect(ex.calls.filter((c) => c.candidateId === ex.calls[2].candidateId).map((c) => c.idempotencyKey)).toEqual([ex.calls[2].idempotencyKey, ex.calls[2].idempotencyKey]);
  });

  it('POST /api/outreach/seats/{id}/pause (a recruiter reports the limit) expires the rest of the day', async () => {
    const store = getStore();
    const { campaignId, seatId } = await seedRunningCampaign(store, { tag: 'pause-api', n: 5, launchAt: '2025-06-03T00:00:00.000Z' });
    const registry = createExecutorRegistry([new TasksExecutor()]);
    await runWorkerPass(store, { registry, now: () => '2025-06-03T00:01:00.000Z', seed: 1, learnIgnored: null });
    // (the first test's seat is planned by this pass too: count this campaign's actions only)
    expect(await store.db.selectFrom('outreach_actions').select('id').where('campaign_id', '=', campaignId).execute()).toHaveLength(5);
    const app = (await signedInApp({ store, webRoot: '/nonexistent' }));
    const res = await app.request(`/api/outreach/seats/${seatId}/pause`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'LinkedIn warning shown' }) });
    expect(res.status).toBe(200);
    const statuses = await store.db.selectFrom('outreach_actions').select('status').where('campaign_id', '=', campaignId).execute();
    // the route pauses on the real clock (the seat works in UTC): today, which is after the planned day, so every planned action expires
    expect(((await res.json()) as { pausedOn: string }).pausedOn).toBe(new Date().toISOString().slice(0, 10));
    expect(statuses.map((s) => s.status)).toEqual(Array(5).fill('expired'));
    expect((await app.request('/api/outreach/seats/nope/pause', { method: 'POST' })).status).toBe(404);
  });
});
