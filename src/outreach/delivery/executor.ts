import type { Channel } from '../../core/channel.ts';
/**
 * The executor contract. Scoutline never drives a LinkedIn session itself:
 * every outreach action is handed to an executor — the recruiter's task
 * queue, a signed webhook, SMTP for email, or the sandbox simulator.
 *
 * Delivery is at least once; `idempotencyKey` is stable for an action across
 * retries and worker restarts, so an executor (or the system behind it) can
 * drop a duplicate and nothing is ever sent twice.
 */
/**
 * `withdraw_invitation` (added by the outreach engine): withdraw a pending
 * connection request (spec 4: pending requests older than the configured age).
 * It sends nothing to the candidate; `body` is empty. Executors that cannot
 * do it answer `failed` with retryable false.
 */

export type ExecutorName = 'tasks' | 'smtp' | 'webhook' | 'sandbox';

export interface ActionToExecute {
  actionId: string;
  idempotencyKey: string;
  workspaceId: string;
  campaignId: string;
  seatId: string;
  candidateId: number;
  channel: Channel;
  /** final rendered text, already within the channel's limits */
  subject?: string | null;
  body: string;
  /** LinkedIn profile URL, for LinkedIn channels */
  profileUrl?: string | null;
  /** email address, for the email channel */
  email?: string | null;
  /** template variant, for A/B counting */
  variant?: string | null;
  openProfile: boolean;
  /** when the action is due (ISO timestamp) */
  dueAt: string;
}

export type ExecutionResult =
  /** the action was performed (or accepted by the integration) */
  | { status: 'sent'; externalId?: string; at: string }
  /** the action waits for a person (task queue); the worker leaves it pending */
  | { status: 'queued_for_person' }
  /** the executor reports a LinkedIn or provider limit: the seat pauses for the day */
  | { status: 'limit_reached'; message: string }
  /** a permanent failure for this action (bad address, rejected) */
  | { status: 'failed'; message: string; retryable: false }
  /** a temporary failure; the worker retries with backoff */
  | { status: 'failed'; message: string; retryable: true };

export interface Executor {
  readonly name: ExecutorName;
  execute(action: ActionToExecute): Promise<ExecutionResult>;
}

/** An outcome reported back (CLI, API, inbound webhook, CSV, sandbox). */
export type OutcomeKind = 'accepted' | 'replied' | 'bounced' | 'declined_invitation';
export type ReplyKind = 'positive' | 'negative' | 'decline' | 'quick_reply';

export interface OutcomeReport {
  /** the outcome's id (outcome-id.ts): applying the same id twice changes nothing; derived from the content when absent */
  id?: string;
  /** the enrollment's campaign, or null to apply to every active enrollment of the candidate */
  campaignId?: string | null;
  candidateId: number;
  kind: OutcomeKind;
  replyKind?: ReplyKind;
  /** the channel the reply came through, when known (an InMail reply refunds a credit) */
  channel?: Channel;
  at: string;
  source: 'cli' | 'api' | 'webhook' | 'csv' | 'sandbox' | 'tasks';
}
