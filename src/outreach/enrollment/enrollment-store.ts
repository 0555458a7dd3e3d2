import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EnrollmentFacts } from './enrollment-facts.ts';
import { transition, type EnrollmentEvent, type EnrollmentState } from './enrollment-state-machine.ts';
import type { OutreachEnrollmentTable } from '../outreach-tables.ts';

/**
 * Enrollment rows: facts for the pure sequence logic, and the one way a
 * state changes — through the state machine, with the transition recorded
 * (time, cause) in `outreach_enrollment_events`. Runs inside the caller's
 * transaction.
 */
export type EnrollmentRow = Selectable<OutreachEnrollmentTable>;

export const activeStates: EnrollmentState[] = ['queued', 'invited', 'accepted', 'messaged', 'inmailed', 'emailed', 'declined'];

export function rowToFacts(r: EnrollmentRow, hasOpenAction: boolean): EnrollmentFacts {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    candidateId: Number(r.candidate_id),
    seatId: r.seat_id,
    state: r.state as EnrollmentState,
    position: Number(r.position),
    priority: Number(r.priority),
    hasEmail: Number(r.has_email) === 1,
    emails: JSON.parse(r.emails),
    profileUrl: r.profile_url,
    openProfile: Number(r.open_profile) === 1,
    connected: Number(r.connected) === 1,
    enrolledAt: r.enrolled_at,
    inviteSentAt: r.invite_sent_at,
    acceptedAt: r.accepted_at,
    declinedAt: r.declined_at,
    withdrawnAt: r.withdrawn_at,
    lastActionAt: r.last_action_at,
    repliedAt: r.replied_at,
    hasOpenAction,
  };
}

export interface EnrollmentChange {
  enrollmentId: string;
  event: EnrollmentEvent;
  from: EnrollmentState;
  to: EnrollmentState;
  applied: boolean;
}

/**
 * Applies an event to an enrollment: the state machine decides the state;
 * `patch` (facts such as invite_sent_at) is written either way, since a fact
 * like a late acceptance stays true even when the state does not move. A
 * refused transition is recorded as such (to_state = from_state, event
 * prefixed `refused:`), never thrown: outcomes arrive in any order.
 */
export async function applyEnrollmentEvent(
  trx: Kysely<Database>,
  row: EnrollmentRow,
  event: EnrollmentEvent,
  cause: string,
  at: string,
  patch: Updateable<OutreachEnrollmentTable> = {},
): Promise<EnrollmentChange> {
  const from = row.state as EnrollmentState;
  const t = transition(from, event);
  const to = t.ok ? t.state : from;
  await trx
    .updateTable('outreach_enrollments')
    .set({ ...(t.ok ? patch : {}), state: to, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await trx
    .insertInto('outreach_enrollment_events')
    .values({ workspace_id: row.workspace_id, enrollment_id: row.id, event: t.ok ? event : `refused:${event}`, from_state: from, to_state: to, cause, at })
    .execute();
  return { enrollmentId: row.id, event, from, to, applied: t.ok };
}

export async function getEnrollmentRow(trx: Kysely<Database>, id: string): Promise<EnrollmentRow | undefined> {
  return trx.selectFrom('outreach_enrollments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function enrollmentId(campaignId: string, candidateId: number): string {
  return `${campaignId}:${candidateId}`;
}
