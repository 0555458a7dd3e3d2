import type { ActionToExecute, ExecutionResult, Executor, OutcomeReport } from '../executor.ts';
import { defaultSandboxRates, simulateMemberResponse, type SandboxRates } from './sandbox-linkedin.ts';

/**
 * The `sandbox` executor: sends nothing, and answers each action the way the
 * simulated LinkedIn audience (sandbox-linkedin.ts) would. Each accepted
 * action yields scheduled OutcomeReports dated in the future; the caller
 * (worker, demo, tests) takes the ones that are due with `takeDue(now)` and
 * applies them through applyOutcome, or listens with `onScheduled`.
 *
 * Idempotent: executing the same idempotency key again returns the first
 * result and schedules nothing new. Deterministic for (seed, candidate,
 * idempotency key): a restarted worker that re-sends an action gets the same
 * answers. The schedule lives in memory; it is a pure function of the sent
 * actions and the seed, so `sandboxOutcomesFor` can rebuild it.
 */
export interface ScheduledOutcome {
  actionId: string;
  idempotencyKey: string;
  report: OutcomeReport;
}

export interface SandboxExecutorOptions {
  seed: string | number;
  rates?: SandboxRates;
  /** the send time (default: the action's dueAt, which keeps runs reproducible) */
  now?: () => Date;
  /** whether a message counts as individually written (default: the variant name starts with "personal") */
  isPersonalised?: (action: ActionToExecute) => boolean;
  /** the ISO weekday of a send (default: UTC weekday of the send time) */
  weekdayOf?: (sentAt: Date, action: ActionToExecute) => number;
  /** optional per-seat, per-UTC-day limit on connection requests: beyond it the sandbox answers limit_reached */
  dailyInviteLimit?: number;
  onScheduled?: (outcome: ScheduledOutcome) => void;
}

const dayMs = 86_400_000;

export function defaultIsPersonalised(action: ActionToExecute): boolean {
  return /^personal/i.test(action.variant ?? '');
}

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** The outcomes the sandbox schedules for one action sent at `sentAt` (pure). */
export function sandboxOutcomesFor(action: ActionToExecute, sentAt: Date, options: Pick<SandboxExecutorOptions, 'seed' | 'rates' | 'isPersonalised' | 'weekdayOf'>): ScheduledOutcome[] {
  const rates = options.rates ?? defaultSandboxRates;
  const weekday = (options.weekdayOf ?? ((d: Date) => ((d.getUTCDay() + 6) % 7) + 1))(sentAt, action);
  const response = simulateMemberResponse(options.seed, rates, {
    candidateId: action.candidateId,
    channel: action.channel,
    actionKey: action.idempotencyKey,
    bodyLength: codePointLength(`${action.subject ?? ''}${action.body}`),
    weekday,
    personalised: (options.isPersonalised ?? defaultIsPersonalised)(action),
    hasAddress: action.channel === 'email' ? Boolean(action.email) : undefined,
  });
  return response.outcomes.map((o) => ({
    actionId: action.actionId,
    idempotencyKey: action.idempotencyKey,
    report: {
      campaignId: action.campaignId,
      candidateId: action.candidateId,
      kind: o.kind,
      ...(o.replyKind ? { replyKind: o.replyKind } : {}),
      channel: action.channel,
      at: new Date(sentAt.getTime() + Math.round(o.afterDays * dayMs)).toISOString(),
      source: 'sandbox' as const,
    },
  }));
}

export class SandboxExecutor implements Executor {
  readonly name = 'sandbox' as const;
  private readonly results = new Map<string, ExecutionResult>();
  private readonly invitesPerSeatDay = new Map<string, number>();
  private scheduled: ScheduledOutcome[] = [];

  constructor(private readonly options: SandboxExecutorOptions) {}

  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    const previous = this.results.get(action.idempotencyKey);
    if (previous) return previous;
    const sentAt = this.options.now ? this.options.now() : new Date(action.dueAt);
    if (Number.isNaN(sentAt.getTime())) return { status: 'failed', message: `bad dueAt ${JSON.stringify(action.dueAt)}`, retryable: false };
    if (action.channel === 'connection_request' && this.options.dailyInviteLimit !== undefined) {
      const key = `${action.seatId}|${sentAt.toISOString().slice(0, 10)}`;
      const used = this.invitesPerSeatDay.get(key) ?? 0;
      // a limit is not a result for the action: it is not remembered, so the action can be sent another day
      if (used >= this.options.dailyInviteLimit) return { status: 'limit_reached', message: `sandbox: ${used} invitations already sent today by seat ${action.seatId}` };
      this.invitesPerSeatDay.set(key, used + 1);
    }
    const result: ExecutionResult = { status: 'sent', externalId: `sandbox:${action.idempotencyKey}`, at: sentAt.toISOString() };
    this.results.set(action.idempotencyKey, result);
    for (const s of sandboxOutcomesFor(action, sentAt, this.options)) {
      this.scheduled.push(s);
      this.options.onScheduled?.(s);
    }
    return result;
  }

  /** Removes and returns the outcomes due at or before `now`, oldest first. */
  takeDue(now: Date | string): OutcomeReport[] {
    const limit = typeof now === 'string' ? now : now.toISOString();
    const due = this.scheduled.filter((s) => s.report.at <= limit);
    this.scheduled = this.scheduled.filter((s) => s.report.at > limit);
    return due.sort((a, b) => (a.report.at < b.report.at ? -1 : a.report.at > b.report.at ? 1 : 0)).map((s) => s.report);
  }

  /** Outcomes scheduled but not yet taken. */
  pending(): readonly ScheduledOutcome[] {
    return this.scheduled;
  }
}
