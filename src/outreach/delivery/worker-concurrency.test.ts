import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { openDatabase, type Store } from '../../db/open-database.ts';
import { describeEachBackend, testPostgresUrl } from '../../db/test-backends.ts';
import type { ActionToExecute, ExecutionResult, Executor } from './executor.ts';
import { createExecutorRegistry } from './executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { runWorkerPass } from './worker.ts';

/**
 * Four workers, each with its own connection pool, race over 30 due
 * connection requests of one seat whose weekly cap is 10 (the actions were
 * written directly, past the planner, so only the claim-time re-check stands
 * between them and the cap). The cap must hold and no action may run twice.
 */
class CountingExecutor implements Executor {
  readonly name = 'tasks' as const;
  readonly executions = new Map<string, number>();
  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    this.executions.set(action.idempotencyKey, (this.executions.get(action.idempotencyKey) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, Math.random() * 8));
    return { status: 'sent', at: '2025-06-03T12:00:00.000Z' };
  }
}

/**
 * PostgreSQL: a second pool, so the claims really race on row locks.
 * SQLite: one writer by design; in one process a second connection would
 * block the event loop on the file lock, so both workers share the
 * connection and interleave between statements (separate processes are
 * covered by the crash test).
 */
async function secondStore(store: Store, backend: 'sqlite' | 'postgres'): Promise<Store> {
  if (backend === 'sqlite') return { ...store, close: async () => undefined };
  const schema = /\(schema (\w+)\)/.exec(store.location)![1];
  return openDatabase(testPostgresUrl, { schema, migrate: false, poolSize: 4 });
}

describeEachBackend('two workers never exceed a seat cap', (getStore, backend) => {
  it('sends exactly the cap and never one action twice', { timeout: 60_000 }, async () => {
    const store = getStore();
    const { campaignId, seatId } = await seedRunningCampaign(store, { tag: 'race', n: 30, weeklyInviteCap: 10, launchAt: '2025-06-03T00:00:00.000Z' });
    const enrollments = await store.db.selectFrom('outreach_enrollments').select(['id', 'candidate_id']).where('campaign_id', '=', campaignId).execute();
    const now = '2025-06-03T12:00:00.000Z';
    await store.db
      .insertInto('outreach_actions')
      .values(
        enrollments.map((e, i) => ({
          id: `act_${randomUUID()}`,
          workspace_id: 'default',
          campaign_id: campaignId,
          enrollment_id: e.id,
          candidate_id: Number(e.candidate_id),
          seat_id: seatId,
          step_index: 0,
          step_key: 'invite',
          channel: 'connection_request',
          with_note: 0,
          charged: 0,
          priority: 50,
          plan_date: '2025-06-03',
          due_at: `2025-06-03T11:${String(i).padStart(2, '0')}:00.000Z`,
          status: 'pending',
          idempotency_key: `${e.id}:invite:2025-06-03`,
          executor: null,
          attempts: 0,
          claimed_by: null,
          lease_until: null,
          subject: null,
          body: '',
          profile_url: null,
          email: null,
          variant: null,
          executed_at: null,
          external_id: null,
          last_error: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const others = await Promise.all([1, 2, 3].map(() => secondStore(store, backend)));
    const executor = new CountingExecutor();
    const registry = createExecutorRegistry([executor]);
    try {
      // four workers; each claim transaction is held open a little so claims overlap
      const passes = await Promise.all(
        [store, ...others].map((s, i) => runWorkerPass(s, { registry, override: 'tasks', now: () => now, workerId: `w${i}`, insideClaim: () => new Promise((r) => setTimeout(r, 15)) })),
      );
      const statuses = await store.db.selectFrom('outreach_actions').select(['status', 'last_error']).where('seat_id', '=', seatId).execute();
      const sent = statuses.filter((s) => s.status === 'sent');
      expect(sent).toHaveLength(10);
      expect(statuses.filter((s) => s.status === 'expired').every((s) => s.last_error?.startsWith('cap_reached'))).toBe(true);
      expect(passes.reduce((n, p) => n + p.executed, 0)).toBe(10);
      expect(statuses.filter((s) => s.status === 'pending')).toEqual([]);
      expect(Math.max(...executor.executions.values())).toBe(1);
      expect(executor.executions.size).toBe(10);
    } finally {
      for (const o of others) await o.close();
    }
  });
});
