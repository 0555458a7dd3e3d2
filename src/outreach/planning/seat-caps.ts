import { dailyInviteTarget, dailyLimitFor, defaultPacingRules, notesLeft, weeklyInviteRoom, type PacingRules } from './pacing-rules.ts';
import type { PlannerSeat, SeatHistory } from './plan-day.ts';
import { weekdayOf, workingWindow, type LocalDate } from './seat-calendar.ts';

/**
 * What a seat may still do (the Today page): the same budgets the planner
 * uses (plan-day.ts), read out instead of spent. "Left today" is what the
 * planner may still plan on the seat's local `date` (0 on a day off or when
 * the seat is paused); "left this week" is the room under the rolling
 * invitation cap. Pure. `null` means unlimited (notes on a paid seat).
 */
export interface SeatCaps {
  seatId: string;
  date: LocalDate;
  paused: boolean;
  /** given `now`: the seat's working window on `date` has ended (or there is none), so nothing more is planned today */
  dayOver: boolean;
  invitations: {
    weeklyCap: number;
    /** room under every rolling window that contains `date` */
    leftThisWeek: number;
    /** today's share of the week (Tue-Thu weighted) minus what is planned today, within the weekly and pending room */
    leftToday: number;
    plannedToday: number;
    pending: number;
    maxPending: number;
  };
  /** notes on connection requests: free seats have a monthly quota, paid seats none (null) */
  notesLeftThisMonth: number | null;
  inmail: {
    /** the seat has a paid plan with InMail */
    hasPlan: boolean;
    /** credits left after the ones reserved by InMails already planned */
    credits: number;
    leftToday: number;
  };
  /** messages, emails, phone tasks */
  otherActionsLeftToday: number;
}

export function seatCaps(seat: PlannerSeat, h: SeatHistory, date: LocalDate, rules: PacingRules = defaultPacingRules, now?: string): SeatCaps {
  const weekday = weekdayOf(date);
  const days = seat.workingHours.days;
  const window = now === undefined ? undefined : workingWindow(date, seat.timeZone, seat.workingHours);
  const dayOver = window !== undefined && (window === null || now! >= window.end);
  const off = h.paused || dayOver;
  const leftThisWeek = weeklyInviteRoom(seat.weeklyInviteCap, h.inviteDates, date, rules);
  const pendingRoom = Math.max(0, rules.maxPendingInvites - 1 - h.pendingInvites);
  const inviteToday = Math.max(0, Math.min(dailyInviteTarget(seat.weeklyInviteCap, weekday, days, rules) - h.today.invites, leftThisWeek, pendingRoom));
  const notes = notesLeft(seat.paid, h.noteDates, date, rules);
  const hasPlan = h.ledger !== null && h.ledger.plan !== null;
  const credits = h.ledger ? Math.max(0, h.ledger.balance - h.reservedCredits) : 0;
  return {
    seatId: seat.id,
    date,
    paused: h.paused,
    dayOver,
    invitations: {
      weeklyCap: seat.weeklyInviteCap,
      leftThisWeek,
      leftToday: off ? 0 : inviteToday,
      plannedToday: h.today.invites,
      pending: h.pendingInvites,
      maxPending: rules.maxPendingInvites,
    },
    notesLeftThisMonth: Number.isFinite(notes) ? notes : null,
    inmail: {
      hasPlan,
      credits,
      // the daily InMail budget; not capped by credits since Open Profile InMails take none
      leftToday: off || !hasPlan ? 0 : Math.max(0, dailyLimitFor(rules.dailyInMailLimit, weekday, days, rules) - h.today.inmails),
    },
    otherActionsLeftToday: off ? 0 : Math.max(0, dailyLimitFor(rules.dailyActionLimit, weekday, days, rules) - h.today.other),
  };
}

