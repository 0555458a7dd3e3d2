import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isAppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import type { WorkingHours } from '../../seats/seat.ts';
import { maxAttempts, pauseSeatForToday } from './action-store.ts';
import { setCampaignStatus } from '../campaigns/campaign-store.ts';
import type { ActionToExecute, ExecutionResult, Executor } from './executor.ts';
import { createExecutorRegistry } from './executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { localDateOf, localDayBounds } from '../planning/seat-calendar.ts';
import { TasksExecutor } from './tasks-executor.ts';
import { runWorkerPass } from './worker.ts';

/**
 * Issue #14 item 1 as a property: whatever the schedule of executor
 * failures (acted then timed out, down, limit reported, refused), day
 * changes, seat pauses and campaign pauses/resumes, per (enrollment, step) at
 * most one idempotency key ever reaches an executor, so a receiver that
 * drops keys it has seen acts on each step at most once; and once the
 * failures stop, nothing is lost: every step ends, and one the receiver
 * acted on is recorded sent (unless it ran out of attempts).
 */
type Answer = 'ok' | 'act_timeout' | 'down' | 'limit' | 'refuse';

/** The other side, with the dedupe by key integrators are told to do; its answers follow a script, then 'ok'. */
class ScriptedReceiver implements Executor {
  readonly name = 'webhook' as const;
  /** every key that reached the executor, with the action it carried */
  readonly reached = new Map<string, ActionToExecute>();
  readonly acted = new Set<string>();
  constructor(private script: Answer[]) {}
  stopFailing(): void {
    this.script = [];
  }
  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    this.reached.set(action.idempotencyKey, action);
    const scripted = this.script.shift() ?? 'ok';
    // a key it already acted on is dropped and answered as done (409), unless the answer never gets through
    const answer: Answer = this.acted.has(action.idempotencyKey) && scripted !== 'down' && scripted !== 'act_timeout' ? 'ok' : scripted;
    if (answer === 'ok' || answer === 'act_timeout') this.acted.add(action.idempotencyKey);
    switch (answer) {
      case 'ok':
        return { status: 'sent', at: action.dueAt };
      case 'act_timeout':
        return { status: 'failed', message: 'webhook request failed: This operation was aborted', retryable: true };
      case 'down':
        return { status: 'failed', message: 'webhook answered 503', retryable: true };
      case 'limit':
        return { status: 'limit_reached', message: 'LinkedIn: weekly invitation limit' };
      case 'refuse':
        return { status: 'failed', message: 'webhook answered 422', retryable: false };
    }
  }
}

type Command = { kind: 'advance'; minutes: number } | { kind: 'midnight'; after: number } | { kind: 'pauseSeat' } | { kind: 'pauseCampaign' } | { kind: 'resumeCampaign' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 300 }) }) },
  // to just before or after the seat's next local midnight: failures late in the day, then the day changes
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('midnight' as const), after: fc.integer({ min: -20, max: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pauseSeat' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pauseCampaign' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resumeCampaign' as const }) },
);

const hoursArb: fc.Arbitrary<WorkingHours> = fc.constantFrom(
  { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] },
  { start: '08:00', end: '18:00', days: [1, 2, 3, 4, 5] },
);

const sequence = [
  { key: 'invite', channel: 'connection_request' as const, anchor: 'enrolled' as const },
  { key: 'mail', channel: 'email' as const, anchor: 'previous_action' as const, delayDays: 1 },
];

let run = 0;

async function ignoreRefusal(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!isAppError(err) || err.code !== 'invalid_transition') throw err;
  }
}

describeEachBackend('property: an action keeps one idempotency key through failures, midnights and pauses (issue #14)', (getStore) => {
  it('per (enrollment, step) at most one key reaches the executor, each acted on at most once, and nothing is lost', { timeout: 600_000 }, async () => {
    const store: Store = getStore();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('Australia/Adelaide', 'UTC', 'America/St_Johns'),
        hoursArb,
        fc.array(fc.constantFrom<Answer>('ok', 'act_timeout', 'act_timeout', 'down', 'limit', 'refuse'), { maxLength: 30 }),
        fc.array(commandArb, { minLength: 1, maxLength: 25 }),
        async (timeZone, workingHours, script, commands) => {
          const tag = `keys-${++run}`;
          let now = '2025-06-03T06:00:00.000Z';
          const { campaignId, seatId } = await seedRunningCampaign(store, { tag, n: 3, timeZone, workingHours, sequence, launchAt: now });
          const receiver = new ScriptedReceiver([...script]);
          const registry = createExecutorRegistry([new TasksExecutor(), receiver]);
          const pass = () => runWorkerPass(store, { registry, override: 'webhook', now: () => now, seed: run, learnIgnored: null });
          const at = (ms: number) => new Date(ms).toISOString();

          for (const c of commands) {
            if (c.kind === 'advance') now = at(Date.parse(now) + c.minutes * 60_000);
            if (c.kind === 'midnight') now = at(Date.parse(localDayBounds(localDateOf(now, timeZone), timeZone).end) + c.after * 60_000);
            if (c.kind === 'pauseSeat') await pauseSeatForToday(store, 'default', seatId, 'limit shown', now);
            if (c.kind === 'pauseCampaign') await ignoreRefusal(setCampaignStatus(store, 'default', campaignId, 'paused', now));
            if (c.kind === 'resumeCampaign') await ignoreRefusal(setCampaignStatus(store, 'default', campaignId, 'running', now));
            await pass();
          }
          // the failures stop and the campaign runs: ten days of passes every six hours
          receiver.stopFailing();
          await ignoreRefusal(setCampaignStatus(store, 'default', campaignId, 'running', now));
          for (let i = 0; i < 40; i++) {
            now = at(Date.parse(now) + 6 * 3600_000);
            await pass();
          }

          const actions = await store.db.selectFrom('outreach_actions').select(['enrollment_id', 'step_key', 'idempotency_key', 'status', 'attempts']).where('campaign_id', '=', campaignId).execute();
          const byKey = new Map(actions.map((a) => [a.idempotency_key, a]));
          const reachedPerStep = new Map<string, Set<string>>();
          const actedPerStep = new Map<string, Set<string>>();
          for (const key of receiver.reached.keys()) {
            const a = byKey.get(key);
            expect(a, `a key no action has: ${key}`).toBeDefined();
            const step = `${a!.enrollment_id}/${a!.step_key}`;
            reachedPerStep.set(step, new Set([...(reachedPerStep.get(step) ?? []), key]));
            if (receiver.acted.has(key)) actedPerStep.set(step, new Set([...(actedPerStep.get(step) ?? []), key]));
          }
          for (const [step, keys] of reachedPerStep) expect([...keys], `keys that reached the executor for ${step}`).toHaveLength(1);
          for (const [step, keys] of actedPerStep) expect([...keys], `keys acted on for ${step}`).toHaveLength(1);

          // nothing lost: no action left open, every step of every enrollment ended once, and what was acted on is sent
          expect(actions.filter((a) => ['pending', 'running', 'awaiting_person'].includes(a.status))).toEqual([]);
          for (const a of actions) {
            if (Number(a.attempts) > 0) expect(['sent', 'failed'], `${a.idempotency_key} attempted, then ${a.status}`).toContain(a.status);
            if (receiver.acted.has(a.idempotency_key) && a.status !== 'sent') expect(Number(a.attempts)).toBeGreaterThanOrEqual(maxAttempts);
          }
          // (paused from now on, so the next runs' passes do not plan this seat again)
          await setCampaignStatus(store, 'default', campaignId, 'paused', now);
          const ended = new Map<string, number>();
          for (const a of actions) if (a.status === 'sent' || a.status === 'failed') ended.set(`${a.enrollment_id}/${a.step_key}`, (ended.get(`${a.enrollment_id}/${a.step_key}`) ?? 0) + 1);
          const enrollments = await store.db.selectFrom('outreach_enrollments').select(['id', 'state']).where('campaign_id', '=', campaignId).execute();
          for (const e of enrollments) {
            expect(e.state).toBe('finished');
            for (const s of sequence) expect(ended.get(`${e.id}/${s.key}`), `${e.id}/${s.key} ended`).toBe(1);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
