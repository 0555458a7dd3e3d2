import { requireCandidate } from '../../candidates/candidate-store.ts';
import type { Store } from '../../db/open-database.ts';

/**
 * One candidate's outreach across every campaign of the workspace (the
 * candidate page): each enrollment with its state and every transition
 * (time, cause), the actions planned or done for it with their text and
 * executor status, and the outcomes reported. Newest enrollment first;
 * transitions and actions oldest first (a timeline).
 */
export interface HistoryTransition {
  event: string;
  from: string;
  to: string;
  cause: string;
  at: string;
}

export interface HistoryAction {
  id: string;
  stepKey: string;
  channel: string;
  /** pending | running | awaiting_person | sent | skipped | failed | expired | cancelled */
  status: string;
  withNote: boolean;
  subject: string | null;
  body: string | null;
  variant: string | null;
  executor: string | null;
  dueAt: string;
  executedAt: string | null;
  lastError: string | null;
}

export interface HistoryEnrollment {
  id: string;
  campaignId: string;
  campaignName: string;
  campaignStatus: string;
  seatId: string;
  state: string;
  priority: number;
  enrolledAt: string;
  repliedAt: string | null;
  replyKind: string | null;
  transitions: HistoryTransition[];
  actions: HistoryAction[];
}

export interface HistoryOutcome {
  id: number;
  campaignId: string | null;
  kind: string;
  replyKind: string | null;
  channel: string | null;
  source: string;
  at: string;
  refunded: boolean;
}

export interface CandidateOutreachHistory {
  candidateId: number;
  enrollments: HistoryEnrollment[];
  outcomes: HistoryOutcome[];
}

export async function candidateOutreachHistory(store: Store, workspaceId: string, candidateId: number): Promise<CandidateOutreachHistory> {
  await requireCandidate(store, workspaceId, candidateId);
  const enrollments = await store.db
    .selectFrom('outreach_enrollments as e')
    .innerJoin('outreach_campaigns as c', 'c.id', 'e.campaign_id')
    .select(['e.id', 'e.campaign_id', 'c.name as campaign_name', 'c.status as campaign_status', 'e.seat_id', 'e.state', 'e.priority', 'e.enrolled_at', 'e.replied_at', 'e.reply_kind'])
    .where('e.workspace_id', '=', workspaceId)
    .where('e.candidate_id', '=', candidateId)
    .orderBy('e.enrolled_at', 'desc')
    .orderBy('e.id')
    .execute();
  const ids = enrollments.map((e) => e.id);
  const events = ids.length
    ? await store.db.selectFrom('outreach_enrollment_events').selectAll().where('enrollment_id', 'in', ids).orderBy('at').orderBy('id').execute()
    : [];
  const actions = ids.length
    ? await store.db.selectFrom('outreach_actions').selectAll().where('enrollment_id', 'in', ids).orderBy('due_at').orderBy('id').execute()
    : [];
  const outcomes = await store.db
    .selectFrom('outreach_outcomes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('candidate_id', '=', candidateId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    candidateId,
    enrollments: enrollments.map((e) => ({
      id: e.id,
      campaignId: e.campaign_id,
      campaignName: e.campaign_name,
      campaignStatus: e.campaign_status,
      seatId: e.seat_id,
      state: e.state,
      priority: Number(e.priority),
      enrolledAt: e.enrolled_at,
      repliedAt: e.replied_at,
      replyKind: e.reply_kind,
      transitions: events.filter((v) => v.enrollment_id === e.id).map((v) => ({ event: v.event, from: v.from_state, to: v.to_state, cause: v.cause, at: v.at })),
      actions: actions
        .filter((a) => a.enrollment_id === e.id)
        .map((a) => ({
          id: a.id,
          stepKey: a.step_key,
          channel: a.channel,
          status: a.status,
          withNote: Number(a.with_note) === 1,
          subject: a.subject,
          body: a.body,
          variant: a.variant,
          executor: a.executor,
          dueAt: a.due_at,
          executedAt: a.executed_at,
          lastError: a.last_error,
        })),
    })),
    outcomes: outcomes.map((o) => ({
      id: Number(o.id),
      campaignId: o.campaign_id,
      kind: o.kind,
      replyKind: o.reply_kind,
      channel: o.channel,
      source: o.source,
      at: o.at,
      refunded: Number(o.refunded) === 1,
    })),
  };
}
