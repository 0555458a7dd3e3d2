import { z } from 'zod';
import { addDays, monthOf, type LocalDate } from './seat-calendar.ts';

/**
 * Pacing rules of spec section 4 (and the decisions in docs/outreach.md).
 * All are defaults a workspace can override (settings key `outreach.pacing`);
 * the seat's own `weeklyInviteCap` overrides the invite cap.
 */
// Upper bounds far past any real setting: without them one PUT of inviteWindowDays 2147483648 made every
// simulation and planning pass walk billions of days (found by src/api/api-fuzz.test.ts).
export const pacingRulesSchema = z.object({
  /** rolling window of the invitation cap */
  inviteWindowDays: z.number().int().min(1).max(366).default(7),
  /** free seats may add a note to this many requests per calendar month (local to the seat) */
  freeNoteQuotaPerMonth: z.number().int().min(0).max(10_000).default(5),
  /** withdraw a request still pending after this many days */
  withdrawPendingAfterDays: z.number().int().min(1).max(3660).default(21),
  /** the pending count must stay under this */
  maxPendingInvites: z.number().int().min(1).max(100_000).default(500),
  /** a withdrawn person cannot be invited again for this many days */
  reinviteBlockDays: z.number().int().min(0).max(3660).default(21),
  /** non-invitation actions (messages, InMails, emails, phone tasks) per seat per average working day */
  dailyActionLimit: z.number().int().min(0).max(100_000).default(80),
  /** InMails per seat per average working day (on top of the credit balance) */
  dailyInMailLimit: z.number().int().min(0).max(100_000).default(25),
  /** relative weight of each ISO weekday Monday..Sunday: Tuesday-Thursday answer best (spec 5) */
  weekdayWeights: z.array(z.number().min(0).max(100)).length(7).default([1, 1.25, 1.25, 1.25, 0.8, 0.5, 0.5]),
});
export type PacingRules = z.infer<typeof pacingRulesSchema>;
export const defaultPacingRules: PacingRules = pacingRulesSchema.parse({});

/** Invitations counted against a day's cap: every one at or after the start of the window that touches the day. */
export function invitesInWindowBefore(inviteDates: readonly LocalDate[], date: LocalDate, rules: PacingRules = defaultPacingRules): number {
  const from = addDays(date, -(rules.inviteWindowDays - 1));
  return inviteDates.filter((d) => d >= from && d <= date).length;
}

/**
 * How many more invitations the seat may send on `date` without any rolling
 * window that contains `date` going over the cap. Invitation dates are local
 * dates; a window is `inviteWindowDays` whole local days, so a window ending
 * on any day from `date` on also holds the invitations after `date` that are
 * already planned (none are planned ahead by the planner).
 */
export function weeklyInviteRoom(cap: number, inviteDates: readonly LocalDate[], date: LocalDate, rules: PacingRules = defaultPacingRules): number {
  let room = cap - invitesInWindowBefore(inviteDates, date, rules);
  // windows that start on `date` or before and end later: later invites already on record also count
  for (let k = 1; k < rules.inviteWindowDays; k++) {
    const end = addDays(date, k);
    const from = addDays(end, -(rules.inviteWindowDays - 1));
    room = Math.min(room, cap - inviteDates.filter((d) => d >= from && d <= end).length);
  }
  return Math.max(0, room);
}

/** The most invitations inside any rolling window (for checks and tests). */
export function maxInvitesInAnyWindow(inviteDates: readonly LocalDate[], rules: PacingRules = defaultPacingRules): number {
  const sorted = [...inviteDates].sort();
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    const from = addDays(sorted[hi], -(rules.inviteWindowDays - 1));
    while (sorted[lo] < from) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Notes a seat may still add this month: unlimited (Infinity) on a paid seat. */
export function notesLeft(paid: boolean, noteDates: readonly LocalDate[], date: LocalDate, rules: PacingRules = defaultPacingRules): number {
  if (paid) return Infinity;
  const month = monthOf(date);
  return Math.max(0, rules.freeNoteQuotaPerMonth - noteDates.filter((d) => monthOf(d) === month).length);
}

/** A weekday's share of a weekly amount among the seat's working days (Tue-Thu weighted). */
export function dayShare(weekday: number, workingDays: readonly number[], rules: PacingRules = defaultPacingRules): number {
  if (!workingDays.includes(weekday)) return 0;
  const total = workingDays.reduce((s, d) => s + rules.weekdayWeights[d - 1], 0);
  return total === 0 ? 0 : rules.weekdayWeights[weekday - 1] / total;
}

/** The day's invitation target: the weekly cap spread over working days by weight (rounded up so the week can reach the cap). */
export function dailyInviteTarget(cap: number, weekday: number, workingDays: readonly number[], rules: PacingRules = defaultPacingRules): number {
  return Math.ceil(cap * dayShare(weekday, workingDays, rules));
}

/** The day's limit for other actions: the daily limit scaled by the weekday's weight against the average working day. */
export function dailyLimitFor(limit: number, weekday: number, workingDays: readonly number[], rules: PacingRules = defaultPacingRules): number {
  return Math.ceil(limit * workingDays.length * dayShare(weekday, workingDays, rules));
}

/** Whether a pending request sent on `sentDate` is old enough to withdraw on `date`. */
export function shouldWithdraw(sentDate: LocalDate, date: LocalDate, rules: PacingRules = defaultPacingRules): boolean {
  return addDays(sentDate, rules.withdrawPendingAfterDays) <= date;
}

/** Whether a person whose request was withdrawn on `withdrawnDate` may be invited again on `date`. */
export function reinviteAllowed(withdrawnDate: LocalDate | null, date: LocalDate, rules: PacingRules = defaultPacingRules): boolean {
  return withdrawnDate === null || addDays(withdrawnDate, rules.reinviteBlockDays) <= date;
}
