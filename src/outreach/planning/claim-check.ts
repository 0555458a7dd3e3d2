import type { Channel } from '../../core/channel.ts';
import { canSendInMail } from '../../credits/ledger.ts';
import { isSequenceActive, type EnrollmentState } from '../enrollment/enrollment-state-machine.ts';
import { notesLeft, weeklyInviteRoom, type PacingRules } from './pacing-rules.ts';
import { ledgerPersonId, type PlannerSeat, type SeatHistory } from './plan-day.ts';
import type { LocalDate } from './seat-calendar.ts';

/**
 * The re-check of a due action at claim time (action-store.ts claimNextAction),
 * pure: campaign running, enrollment active, person not suppressed, seat not
 * paused, then the caps the planner applies (plan-day.ts) and the Today page
 * reads out (seat-caps.ts), with the same functions over the same seat
 * history, loaded in its claim view (seat-history-store.ts: only what is
 * already handed to an executor counts, without this action).
 */
export interface ClaimCheckInput {
  action: { channel: Channel; withNote: boolean; charged: boolean; candidateId: number };
  /** the campaign's status; null when it is gone */
  campaignStatus: string | null;
  /** null when the enrollment is gone */
  enrollment: { state: string; inviteSentAt: string | null; acceptedAt: string | null; declinedAt: string | null; withdrawnAt: string | null } | null;
  suppressed: boolean;
  seat: Pick<PlannerSeat, 'weeklyInviteCap' | 'paid'>;
  /** the seat's local date now */
  today: LocalDate;
  /** the ledger's date (UTC day of now) */
  ledgerDate: string;
  history: SeatHistory;
  rules: PacingRules;
}

export interface ClaimRefusal {
  status: 'expired' | 'cancelled';
  reason: string;
  /** the person is suppressed: their enrollment stops */
  stopEnrollment?: boolean;
  /** may pass on a later day (caps, pauses, credits): an attempted action waits for it instead of ending */
  retryLater?: boolean;
}

/** The action may be claimed; a free seat out of notes this month sends the request without its note. */
export interface ClaimAllowed {
  dropNote: boolean;
}

export function claimCheck(input: ClaimCheckInput): ClaimRefusal | ClaimAllowed {
  const { action, enrollment, history: h, rules, seat, today } = input;
  // a stopped campaign still withdraws its old pending requests (plan-day.ts, withdrawalsOnly); nothing else runs
  const runs = input.campaignStatus === 'running' || (input.campaignStatus === 'stopped' && action.channel === 'withdraw_invitation');
  if (!runs) return { status: 'cancelled', reason: `campaign ${input.campaignStatus ?? 'missing'}`, retryLater: input.campaignStatus === 'paused' };
  if (action.channel === 'withdraw_invitation') {
    // a withdrawal also runs for a finished, replied or stopped enrollment, as long as the request is still pending
    if (!enrollment || !enrollment.inviteSentAt || enrollment.acceptedAt || enrollment.declinedAt || enrollment.withdrawnAt) return { status: 'cancelled', reason: 'the invitation is no longer pending' };
  } else if (!enrollment || !isSequenceActive(enrollment.state as EnrollmentState)) return { status: 'cancelled', reason: `enrollment ${enrollment?.state ?? 'missing'}` };
  if (input.suppressed) return { status: 'cancelled', reason: 'suppressed', stopEnrollment: true };
  if (h.paused) return { status: 'expired', reason: 'seat paused for the day (limit reported)', retryLater: true };

  let dropNote = false;
  if (action.channel === 'connection_request') {
    const room = weeklyInviteRoom(seat.weeklyInviteCap, h.inviteDates, today, rules);
    if (room < 1) {
      const inWindow = seat.weeklyInviteCap - room;
      return { status: 'expired', reason: `cap_reached: ${inWindow} invitations in the last ${rules.inviteWindowDays} days (cap ${seat.weeklyInviteCap})`, retryLater: true };
    }
    if (h.pendingInvites + 1 >= rules.maxPendingInvites) return { status: 'expired', reason: `cap_reached: ${rules.maxPendingInvites} pending invitations`, retryLater: true };
    if (action.withNote && notesLeft(seat.paid, h.noteDates, today, rules) <= 0) dropNote = true;
  }
  if (action.channel === 'inmail') {
    const person = ledgerPersonId(action.candidateId);
    if (h.openInMailTo.has(person)) return { status: 'expired', reason: 'awaiting_reply: another InMail to this person is in flight', retryLater: true };
    if (!h.ledger) return { status: 'cancelled', reason: 'no_plan: the seat has no paid plan' };
    const check = canSendInMail(h.ledger, person, !action.charged, input.ledgerDate);
    if (!check.ok) return { status: check.code === 'no_plan' ? 'cancelled' : 'expired', reason: `${check.code}: ${check.message}`, retryLater: check.code !== 'no_plan' };
    if (action.charged && h.ledger.balance - h.reservedCredits < 1) return { status: 'expired', reason: 'no_credits: every credit is reserved by InMails in flight', retryLater: true };
  }
  return { dropNote };
}
