import type { ActionToExecute, ExecutionResult, Executor, OutcomeReport } from '../delivery/executor.ts';
import type { SandboxAnswerStore } from './sandbox-answer-store.ts';
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
 * idempotency key without its campaign id, see sandboxDrawKey): a restarted
 * worker that re-sends an action gets the same answers, and two runs of the
 * same campaign on fresh databases get the same answers. With `answers` (a SandboxAnswerStore: the worker and fast-forward
 * always give one) sends and answers are stored in the database, so a
 * restarted worker resumes the answers not yet due, and the worker reads
 * them from the store; without it (tests, pure callers) they live in this
 * instance's memory and `takeDue` hands them out.
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
  /** durable sends and answers (the worker's); memory when absent */
  answers?: SandboxAnswerStore;
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

/**
 * The key the member's answer is drawn from: the idempotency key
 * (`<campaign>:<candidate>:<step>`, `#<n>` for a step planned again; older
 * keys end in `:<local date>`) without the campaign id.
 * Campaign ids are random (`cmp_<hex>`), so keying on them gave the same
 * seed different answers on every fresh database. Keys of another form are
 * used whole.
 */
export function sandboxDrawKey(action: Pick<ActionToExecute, 'idempotencyKey' | 'campaignId'>): string {
  const prefix = `${action.campaignId}:`;
  return action.idempotencyKey.startsWith(prefix) ? action.idempotencyKey.slice(prefix.length) : action.idempotencyKey;
}

/** The outcomes the sandbox schedules for one action sent at `sentAt` (pure). */
export function sandboxOutcomesFor(action: ActionToExecute, sentAt: Date, options: Pick<SandboxExecutorOptions, 'seed' | 'rates' | 'isPersonalised' | 'weekdayOf'>): ScheduledOutcome[] {
  const rates = options.rates ?? defaultSandboxRates;
  const weekday = (options.weekdayOf ?? ((d: Date) => ((d.getUTCDay() + 6) % 7) + 1))(sentAt, action);
  const response = simulateMemberResponse(options.seed, rates, {
    candidateId: action.candidateId,
    channel: action.channel,
    actionKey: sandboxDrawKey(action),
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
    if (this.options.answers) return this.executeDurable(action, this.options.answers);
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

  private async executeDurable(action: ActionToExecute, answers: SandboxAnswerStore): Promise<ExecutionResult> {
    const previous = await answers.previous(action.idempotencyKey);
    if (previous) return previous;
    const sentAt = this.options.now ? this.options.now() : new Date(action.dueAt);
    if (Number.isNaN(sentAt.getTime())) return { status: 'failed', message: `bad dueAt ${JSON.stringify(action.dueAt)}`, retryable: false };
    const day = sentAt.toISOString().slice(0, 10);
    if (action.channel === 'connection_request' && this.options.dailyInviteLimit !== undefined) {
      const used = await answers.invitesSent(action.seatId, day);
      if (used >= this.options.dailyInviteLimit) return { status: 'limit_reached', message: `sandbox: ${used} invitations already sent today by seat ${action.seatId}` };
    }
    const result: ExecutionResult = { status: 'sent', externalId: `sandbox:${action.idempotencyKey}`, at: sentAt.toISOString() };
    const scheduled = sandboxOutcomesFor(action, sentAt, this.options);
    const stored = await answers.recordSend({ idempotencyKey: action.idempotencyKey, seatId: action.seatId, day, channel: action.channel, result }, scheduled, new Date().toISOString());
    if (stored.recorded) for (const s of scheduled) this.options.onScheduled?.(s);
    return stored.result;
  }

  /** Memory mode: removes and returns the outcomes due at or before `now`, oldest first (durable mode: read the SandboxAnswerStore). */
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
