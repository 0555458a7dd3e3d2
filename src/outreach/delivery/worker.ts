import type { Channel } from '../../core/channel.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isAppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import { claimNextAction, recordActionResult, type ActionRow } from './action-store.ts';
import { applyOutcome } from '../enrollment/apply-outcome-store.ts';
import type { ExecutionResult, ExecutorName, OutcomeReport } from './executor.ts';
import { executorFor, executorRoutingSchema, resolveExecutorName, type ExecutorRegistry, type ExecutorRouting } from './executor-registry.ts';
import type { PacingRules } from '../planning/pacing-rules.ts';
import { planSeatDay, type PlanSeatResult } from '../planning/plan-seat-day-store.ts';
import { recordOutcomeForLearning } from '../../ranking/learn-from-outcomes.ts';
import { silentLog, type StructuredLog } from './structured-log.ts';
import { workspaceOfSeat } from '../../seats/seat-store.ts';

/**
 * The outreach worker (issue items 4 and 9): plan each seat's day, then
 * claim -> execute -> record until nothing is due. Delivery is at least
 * once: a crash between "executed" and "recorded" leaves a running action
 * whose lease runs out and which is executed again with the same
 * idempotency key, which the executor (or the system behind it) drops.
 */
export interface WorkerOptions {
  registry: ExecutorRegistry;
  /** per-workspace executors (worker-executors.ts); `registry` when absent */
  registryFor?: (workspaceId: string) => ExecutorRegistry;
  /** one executor for every channel (`worker --executor sandbox`) */
  override?: ExecutorName | null;
  workerId?: string;
  log?: StructuredLog;
  /** the clock (tests and fast-forward runs pass a virtual one) */
  now?: () => string;
  leaseSeconds?: number;
  rules?: PacingRules;
  seed?: string | number;
  /** stop after this many executed actions in one pass */
  maxActions?: number;
  /** checked between actions: graceful shutdown */
  shouldStop?: () => boolean;
  /** outcomes produced by executors (sandbox) that are due now; applied through applyOutcome */
  takeDueOutcomes?: (now: string) => ReadonlyArray<OutcomeReport | DueOutcome> | Promise<ReadonlyArray<OutcomeReport | DueOutcome>>;
  /** ranking's learning hook for sequences ended unanswered (default recordOutcomeForLearning; null: off) */
  learnIgnored?: LearnIgnored | null;
  /** tests: runs inside each claim transaction (see ClaimOptions.insideClaim) */
  insideClaim?: () => Promise<void>;
}

/**
 * A stored outcome due now (the sandbox's answers). `settle` runs inside
 * applyOutcome's transaction and answers false when another worker applied
 * it first (this one then rolls back); `discard` sets aside one that can
 * never be applied (its candidate or campaign is gone).
 */
export interface DueOutcome {
  report: OutcomeReport;
  settle?: (trx: Kysely<Database>, now: string) => Promise<boolean>;
  discard?: (now: string) => Promise<void>;
}

class AppliedElsewhere extends Error {}

export interface PassReport {
  planned: number;
  executed: number;
  results: Partial<Record<ExecutionResult['status'], number>>;
  outcomes: number;
}

/** Ranking's learning hook for a sequence that ended unanswered; default: src/ranking's recordOutcomeForLearning. */
export type LearnIgnored = (workspaceId: string, input: { candidateId: number; roleId: string | null; seatId: string; outcome: 'ignored' }, now: string) => Promise<void>;

const learnIgnoredDefault = (store: Store): LearnIgnored => async (workspaceId, input, now) => {
  await recordOutcomeForLearning(store, workspaceId, input, new Date(now));
};

export async function planAllSeats(store: Store, now: string, opts: Pick<WorkerOptions, 'rules' | 'seed' | 'log' | 'learnIgnored'> = {}): Promise<PlanSeatResult[]> {
  // stopped campaigns too: their requests pending past the configured age are still withdrawn (spec 4)
  const running = await store.db.selectFrom('outreach_campaigns').select(['seat_ids']).where('status', 'in', ['running', 'stopped']).execute();
  const seats = [...new Set(running.flatMap((r) => JSON.parse(r.seat_ids) as string[]))].sort();
  const learn = opts.learnIgnored === undefined ? learnIgnoredDefault(store) : opts.learnIgnored;
  const out: PlanSeatResult[] = [];
  for (const seatId of seats) {
    const r = await planSeatDay(store, seatId, now, { rules: opts.rules, seed: opts.seed });
    const { finishedUnanswered, ...counts } = r;
    if (r.planned || r.expired || r.carried || r.finished || r.suppressed) opts.log?.('info', 'seat planned', { ...counts });
    // after the planning transaction committed: a sequence that ended without any reply teaches ranking "ignored"
    if (learn) {
      const workspaceId = await workspaceOfSeat(store.db, seatId);
      for (const f of finishedUnanswered) {
        try {
          if (workspaceId) await learn(workspaceId, { candidateId: f.candidateId, roleId: f.roleId, seatId: f.seatId, outcome: 'ignored' }, now);
        } catch (err) {
          opts.log?.('warn', 'ignored outcome not recorded for learning', { candidateId: f.candidateId, campaignId: f.campaignId, error: (err as Error).message });
        }
      }
    }
    out.push(r);
  }
  return out;
}

async function workspaceRouting(store: Store): Promise<Map<string, ExecutorRouting>> {
  const rows = await store.db.selectFrom('workspaces').select(['id', 'settings']).execute();
  const out = new Map<string, ExecutorRouting>();
  for (const r of rows) {
    try {
      const parsed = executorRoutingSchema.safeParse(JSON.parse(r.settings)?.outreach?.executors ?? {});
      out.set(r.id, parsed.success ? parsed.data : {});
    } catch {
      out.set(r.id, {});
    }
  }
  return out;
}

export async function runWorkerPass(store: Store, opts: WorkerOptions): Promise<PassReport> {
  const log = opts.log ?? silentLog;
  const clock = opts.now ?? (() => new Date().toISOString());
  const workerId = opts.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const report: PassReport = { planned: 0, executed: 0, results: {}, outcomes: 0 };

  if (opts.takeDueOutcomes) {
    for (const item of await opts.takeDueOutcomes(clock())) {
      const due: DueOutcome = 'report' in item ? item : { report: item };
      const o = due.report;
      const now = clock();
      try {
        // an outcome belongs to its campaign's workspace
        const ws = o.campaignId ? (await store.db.selectFrom('outreach_campaigns').select('workspace_id').where('id', '=', o.campaignId).executeTakeFirst())?.workspace_id : undefined;
        const settle = due.settle;
        await applyOutcome(store, ws ?? 'default', o, {
          now,
          ...(settle
            ? {
                inTransaction: async (trx) => {
                  if (!(await settle(trx, now))) throw new AppliedElsewhere();
                },
              }
            : {}),
        });
        report.outcomes++;
      } catch (err) {
        if (err instanceof AppliedElsewhere) continue;
        log('warn', 'outcome not applied', { candidateId: o.candidateId, kind: o.kind, error: (err as Error).message });
        // a refusal (unknown candidate, no enrollment) will not change: do not retry it every pass
        if (isAppError(err)) await due.discard?.(now);
      }
    }
  }

  for (const r of await planAllSeats(store, clock(), { rules: opts.rules, seed: opts.seed, log, learnIgnored: opts.learnIgnored })) report.planned += r.planned;
  const routing = await workspaceRouting(store);
  const route = (channel: Channel, row: ActionRow, campaign: Record<string, string>): ExecutorName =>
    resolveExecutorName(channel, { override: opts.override ?? null, campaign: campaign as ExecutorRouting, workspace: routing.get(row.workspace_id) ?? null });

  while (!opts.shouldStop?.() && (opts.maxActions === undefined || report.executed < opts.maxActions)) {
    const claimed = await claimNextAction(store, { workerId, now: clock(), leaseSeconds: opts.leaseSeconds, rules: opts.rules, route, insideClaim: opts.insideClaim });
    if (!claimed) break;
    const fields = { actionId: claimed.row.id, channel: claimed.row.channel, seatId: claimed.row.seat_id, campaignId: claimed.row.campaign_id, candidateId: Number(claimed.row.candidate_id), executor: claimed.executor, attempt: Number(claimed.row.attempts) };
    let result: ExecutionResult;
    try {
      result = await executorFor(opts.registryFor?.(claimed.row.workspace_id) ?? opts.registry, claimed.executor).execute(claimed.toExecute);
    } catch (err) {
      result = { status: 'failed', message: (err as Error).message, retryable: true };
    }
    // a sent InMail goes on the credit ledger inside the recording transaction
    await recordActionResult(store, claimed.row.id, workerId, result, clock(), {
      onLedgerRefused: (w) => log('warn', 'InMail not recorded on the credit ledger', { ...fields, code: w.code, message: w.message }),
    });
    report.executed++;
    report.results[result.status] = (report.results[result.status] ?? 0) + 1;
    log(result.status === 'failed' || result.status === 'limit_reached' ? 'warn' : 'info', 'action executed', { ...fields, status: result.status, ...('message' in result ? { message: result.message } : {}) });
  }
  return report;
}
