import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { seatLedgerState } from '../delivery/seat-credit-ledger-store.ts';
import type { PacingRules } from './pacing-rules.ts';
import { ledgerPersonId, type SeatHistory } from './plan-day.ts';
import { addDays, localDateOf, type LocalDate } from './seat-calendar.ts';

/**
 * A seat's history as the caps read it (plan-day.ts SeatHistory), loaded
 * from storage, in one of two views:
 * - `planned` (the planner and the Today page): every action planned and not
 *   dropped counts, so a day is never planned past a cap;
 * - `claim` (the claim-time re-check, claim-check.ts): only actions already
 *   handed to an executor count (running, awaiting a person, sent), without
 *   the action being claimed. The action was planned within the planned
 *   view's caps; the claim view stops it when the caps changed since, or
 *   other claims (another worker, a task done by hand) used the room.
 */
export type SeatHistoryView = { kind: 'planned' } | { kind: 'claim'; actionId: string };

/** actions that hold a place in the caps until they end */
export const openStatuses = ['pending', 'running', 'awaiting_person'] as const;
/** actions counted against the invitation caps: open, or done */
export const countedStatuses = ['pending', 'running', 'awaiting_person', 'sent'] as const;
/** actions already handed to an executor (the claim view) */
const claimedOpenStatuses = ['running', 'awaiting_person'] as const;
const claimedCountedStatuses = ['running', 'awaiting_person', 'sent'] as const;

/** The local date an invitation counts on for caps: the day it was done, else the day it was planned for. */
export function capDate(a: { executed_at: string | null; plan_date: string }, timeZone: string): LocalDate {
  return a.executed_at ? localDateOf(a.executed_at, timeZone) : a.plan_date;
}

export async function loadSeatHistory(trx: Kysely<Database>, seatId: string, timeZone: string, date: LocalDate, now: string, rules: PacingRules, view: SeatHistoryView = { kind: 'planned' }): Promise<SeatHistory> {
  const claim = view.kind === 'claim' ? view : null;
  const counted = claim ? claimedCountedStatuses : countedStatuses;
  const open = claim ? claimedOpenStatuses : openStatuses;
  const since = addDays(date, -Math.max(40, rules.inviteWindowDays * 2));
  const invites = await trx
    .selectFrom('outreach_actions')
    .select(['plan_date', 'executed_at', 'with_note', 'status'])
    .where('seat_id', '=', seatId)
    .where('channel', '=', 'connection_request')
    .where('status', 'in', [...counted])
    .where('plan_date', '>=', since)
    .$if(claim !== null, (q) => q.where('id', '!=', claim!.actionId))
    .execute();
  const inviteDates = invites.map((a) => capDate(a, timeZone));
  const noteDates = invites.filter((a) => Number(a.with_note) === 1).map((a) => capDate(a, timeZone));
  const todayRows = await trx
    .selectFrom('outreach_actions')
    .select(['channel'])
    .where('seat_id', '=', seatId)
    .where('plan_date', '=', date)
    .where('status', 'not in', ['expired', 'cancelled'])
    .execute();
  const today = { invites: 0, inmails: 0, other: 0 };
  for (const r of todayRows) {
    if (r.channel === 'connection_request') today.invites++;
    else if (r.channel === 'inmail') today.inmails++;
    else if (r.channel !== 'withdraw_invitation') today.other++;
  }
  const seatEnrollments = await trx
    .selectFrom('outreach_enrollments')
    .select(['candidate_id', 'invite_sent_at', 'accepted_at', 'declined_at', 'withdrawn_at'])
    .where('seat_id', '=', seatId)
    .where((eb) => eb.or([eb('invite_sent_at', 'is not', null), eb('withdrawn_at', 'is not', null)]))
    .execute();
  let pendingInvites = 0;
  const withdrawnOn = new Map<number, LocalDate>();
  const invitedPeople = new Set<number>();
  for (const e of seatEnrollments) {
    const id = Number(e.candidate_id);
    if (e.withdrawn_at) {
      const d = localDateOf(e.withdrawn_at, timeZone);
      if (!withdrawnOn.has(id) || withdrawnOn.get(id)! < d) withdrawnOn.set(id, d);
    }
    if (e.invite_sent_at && !e.accepted_at && !e.declined_at && !e.withdrawn_at) {
      pendingInvites++;
      invitedPeople.add(id);
    }
    if (e.accepted_at) invitedPeople.add(id);
  }
  const openActions = await trx
    .selectFrom('outreach_actions')
    .select(['channel', 'charged', 'candidate_id'])
    .where('seat_id', '=', seatId)
    .where('status', 'in', [...open])
    .$if(claim !== null, (q) => q.where('id', '!=', claim!.actionId))
    .execute();
  let reservedCredits = 0;
  const openInMailTo = new Set<string>();
  for (const a of openActions) {
    if (a.channel === 'connection_request') {
      pendingInvites++;
      invitedPeople.add(Number(a.candidate_id));
    }
    if (a.channel === 'inmail') {
      openInMailTo.add(ledgerPersonId(Number(a.candidate_id)));
      if (Number(a.charged) === 1) reservedCredits++;
    }
  }
  const state = await trx.selectFrom('outreach_seat_state').select(['paused_on']).where('seat_id', '=', seatId).executeTakeFirst();
  return {
    inviteDates,
    noteDates,
    pendingInvites,
    today,
    withdrawnOn,
    ledger: await seatLedgerState(trx, seatId, now.slice(0, 10)),
    reservedCredits,
    openInMailTo,
    paused: state?.paused_on === date,
    invitedPeople,
  };
}

