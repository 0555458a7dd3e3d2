import type { ColumnType, Generated } from 'kysely';

/**
 * Tables owned by src/outreach (migration 0006-outreach). Booleans 0/1,
 * times ISO text (UTC), JSON as text.
 */
export interface OutreachCampaignTable {
  id: string;
  workspace_id: string;
  name: string;
  role_id: string | null;
  /** JSON: the role profile given at creation, or null */
  role: string | null;
  /** draft | running | paused | stopped */
  status: string;
  /** JSON Sequence */
  sequence: string;
  /** JSON string[]: the seats sending for this campaign */
  seat_ids: string;
  /** JSON ExecutorRouting */
  executors: string;
  /** JSON: where the candidates came from ({ kind: 'query' | 'ids' | 'file', ... }) */
  source: string;
  created_at: string;
  launched_at: string | null;
  updated_at: string;
}

export interface OutreachEnrollmentTable {
  /** `${campaign_id}:${candidate_id}` */
  id: string;
  workspace_id: string;
  campaign_id: string;
  candidate_id: number;
  seat_id: string;
  state: string;
  position: number;
  priority: number;
  has_email: number;
  /** JSON string[] */
  emails: string;
  profile_url: string | null;
  open_profile: number;
  connected: number;
  enrolled_at: string;
  invite_sent_at: string | null;
  accepted_at: string | null;
  declined_at: string | null;
  withdrawn_at: string | null;
  last_action_at: string | null;
  replied_at: string | null;
  reply_kind: string | null;
  updated_at: string;
}

/** Every transition of an enrollment, with its time and cause. */
export interface OutreachEnrollmentEventTable {
  id: Generated<number>;
  workspace_id: string;
  enrollment_id: string;
  event: string;
  from_state: string;
  to_state: string;
  /** what caused it: action id, outcome source, 'suppressed', 'campaign stopped', ... */
  cause: string;
  at: string;
}

export interface OutreachActionTable {
  id: string;
  workspace_id: string;
  campaign_id: string;
  enrollment_id: string;
  candidate_id: number;
  seat_id: string;
  step_index: number;
  step_key: string;
  channel: string;
  with_note: number;
  charged: number;
  priority: number;
  /** the seat-local date the action was planned for (caps count by it) */
  plan_date: string;
  due_at: string;
  /** pending | running | awaiting_person | sent | skipped | failed | expired | cancelled */
  status: string;
  idempotency_key: string;
  executor: string | null;
  attempts: number;
  claimed_by: string | null;
  lease_until: string | null;
  subject: string | null;
  body: string | null;
  profile_url: string | null;
  email: string | null;
  variant: string | null;
  /** JSON LintFinding[]: the composer's findings on the queued text (migration 0010); null before it */
  lint: string | null;
  executed_at: string | null;
  external_id: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  /** code points of subject + body, kept when erasure removes the text so analytics by length stay (migration 0015) */
  text_length: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface OutreachSuppressionTable {
  id: Generated<number>;
  workspace_id: string;
  candidate_id: number | null;
  email: string | null;
  profile_url: string | null;
  reason: string;
  note: string;
  created_at: string;
  /** the keyed hash of an erased person's email or profile URL, the entry's only key then (migration 0015, src/privacy) */
  key_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Per-seat worker state: the row claims lock, and the day a reported limit paused the seat. */
export interface OutreachSeatStateTable {
  seat_id: string;
  paused_on: string | null;
  paused_reason: string | null;
  updated_at: string;
}

/** Outcomes reported back (CLI, API, webhook, CSV, sandbox, tasks). */
export interface OutreachOutcomeTable {
  id: Generated<number>;
  workspace_id: string;
  candidate_id: number;
  campaign_id: string | null;
  enrollment_id: string | null;
  kind: string;
  reply_kind: string | null;
  channel: string | null;
  source: string;
  at: string;
  /** a credit came back through the ledger */
  refunded: number;
  recorded_at: string;
  /** the outcome's id (sender's `id`, or derived from its content; apply-outcome.ts), unique per workspace (migration 0014); null when it has none */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Signatures of accepted signed inbound webhook deliveries, until they leave the replay window (migration 0014). */
export interface OutreachWebhookReplayTable {
  workspace_id: string;
  /** the X-Scoutline-Signature value, lower case */
  signature: string;
  received_at: string;
  expires_at: string;
}

/** The sandbox executor's sends (migration 0010): idempotency across restarts and its per-day invitation limit. */
export interface OutreachSandboxSendTable {
  idempotency_key: string;
  seat_id: string;
  /** UTC day of the send */
  sent_day: string;
  channel: string;
  /** JSON ExecutionResult answered for the key */
  result: string;
  created_at: string;
}

/** The simulated members' answers, due in the future, until the worker applies them (migration 0010). */
export interface OutreachSandboxAnswerTable {
  id: Generated<number>;
  idempotency_key: string;
  /** n-th answer to that action */
  seq: number;
  due_at: string;
  /** JSON OutcomeReport */
  report: string;
  /** set in the transaction that applies it (applyOutcome) */
  applied_at: string | null;
  created_at: string;
}

export interface OutreachTables {
  outreach_campaigns: OutreachCampaignTable;
  outreach_enrollments: OutreachEnrollmentTable;
  outreach_enrollment_events: OutreachEnrollmentEventTable;
  outreach_actions: OutreachActionTable;
  outreach_suppressions: OutreachSuppressionTable;
  outreach_seat_state: OutreachSeatStateTable;
  outreach_outcomes: OutreachOutcomeTable;
  outreach_sandbox_sends: OutreachSandboxSendTable;
  outreach_sandbox_answers: OutreachSandboxAnswerTable;
  outreach_webhook_replays: OutreachWebhookReplayTable;
}
