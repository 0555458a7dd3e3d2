/**
 * THE PLANNER (issue item 3) — contract for the worker and the simulation.
 *
 * `planDay(input)` is pure: given the seats, the running campaigns, every
 * active enrollment's facts, each seat's pacing history and credit ledger
 * state, the suppression list, the pacing rules, a local date and a seed, it
 * returns that day's actions with due times inside each seat's working hours
 * (in the seat's time zone), plus the enrollments whose sequence is done and
 * those to stop because they are suppressed. Same input, same output.
 *
 * Guarantees (property-tested in plan-day.property.test.ts):
 * - invitations never push any rolling `inviteWindowDays` window over the
 *   seat's `weeklyInviteCap` (history + planned), nor the pending count to
 *   `maxPendingInvites`;
 * - a free seat never adds more than `freeNoteQuotaPerMonth` notes per month;
 * - no action for a suppressed candidate;
 * - no InMail to a person with an InMail awaiting a reply (ledger or open
 *   action), at most one per person per day, never more charged InMails than
 *   the balance;
 * - one action per enrollment per call, none for an enrollment with an open action;
 * - a request pending for `withdrawPendingAfterDays` is withdrawn, also for
 *   an enrollment whose sequence is over (finished, replied, stopped: its
 *   only possible action) and in a `withdrawalsOnly` (stopped) campaign,
 *   where it is the only action ever planned; never for a suppressed person;
 * - actions are spread through the working window with random gaps (never
 *   two in the same slot), highest priority first, each day's budget shared
 *   fairly (round robin) across the seat's campaigns, Tue-Thu weighted.
 *
 * To drive it day by day (simulation): call it for date D, execute or drop
 * the actions, update the facts and history, then call it for D+1.
 */
import type { Channel } from '../../core/channel.ts';
import { canSendInMail } from '../../credits/ledger.ts';
import type { LedgerState } from '../../credits/ledger-state.ts';
import type { EnrollmentFacts } from '../enrollment/enrollment-facts.ts';
import { inviteStatus } from '../enrollment/enrollment-facts.ts';
import { isSequenceActive } from '../enrollment/enrollment-state-machine.ts';
import { acceptedTri, nextStep, type Tri } from '../enrollment/next-step.ts';
import { dailyInviteTarget, dailyLimitFor, defaultPacingRules, notesLeft, reinviteAllowed, shouldWithdraw, weeklyInviteRoom, type PacingRules } from './pacing-rules.ts';
import { localDateOf, weekdayOf, workingWindow, type LocalDate } from './seat-calendar.ts';
import { keyedRandomStream } from '../../core/seeded-random.ts';
import type { Sequence, SequenceChannel } from '../campaigns/sequence-step.ts';
import { isSuppressed, type SuppressionIndex } from '../enrollment/suppression.ts';
import type { WorkingHours } from '../../seats/seat.ts';

export interface PlannerSeat {
  id: string;
  paid: boolean;
  timeZone: string;
  workingHours: WorkingHours;
  weeklyInviteCap: number;
}

export interface PlannerCampaign {
  id: string;
  sequence: Sequence;
  /** a stopped campaign: nothing is planned for it but the withdrawal of requests pending past the configured age (spec 4) */
  withdrawalsOnly?: boolean;
}

export interface SeatHistory {
  /** local dates of every invitation counted against the cap: sent, or planned and not dropped */
  inviteDates: readonly LocalDate[];
  /** local dates of invitations that carried a note (free-seat quota) */
  noteDates: readonly LocalDate[];
  /** requests currently pending (sent, not accepted, declined or withdrawn) plus open invitation actions */
  pendingInvites: number;
  /** actions already planned or done on the planned date, by budget */
  today: { invites: number; inmails: number; other: number };
  /** last withdrawal date per candidate on this seat (21-day re-invite block) */
  withdrawnOn: ReadonlyMap<number, LocalDate>;
  /** the seat's credit ledger at the planned date; null when the seat has no ledger (no InMail) */
  ledger: LedgerState | null;
  /** credits reserved by open InMail actions not yet in the ledger */
  reservedCredits: number;
  /** persons with an open InMail action not yet in the ledger */
  openInMailTo: ReadonlySet<string>;
  /** a limit was reported: no actions on this date */
  paused: boolean;
  /** people this seat already has a pending or accepted request with, from any campaign (never invited twice) */
  invitedPeople?: ReadonlySet<number>;
}

export interface PlanDayInput {
  /** the local date to plan, in each seat's own time zone */
  date: LocalDate;
  /** plan nothing due before this instant (the worker passes the current time) */
  now?: string;
  seats: readonly PlannerSeat[];
  campaigns: readonly PlannerCampaign[];
  enrollments: readonly EnrollmentFacts[];
  history: Readonly<Record<string, SeatHistory>>;
  suppression: SuppressionIndex;
  rules?: PacingRules;
  seed?: string | number;
}

export type PlannedChannel = Extract<Channel, SequenceChannel | 'withdraw_invitation'>;

export interface PlannedAction {
  enrollmentId: string;
  campaignId: string;
  candidateId: number;
  seatId: string;
  /** the sequence step, or -1 for a withdrawal */
  stepIndex: number;
  stepKey: string;
  channel: PlannedChannel;
  /** connection requests: whether a note goes with it */
  withNote: boolean;
  /** InMails: whether it takes a credit (false for Open Profile) */
  charged: boolean;
  priority: number;
  dueAt: string;
  idempotencyKey: string;
}

export interface PlanDayResult {
  actions: PlannedAction[];
  /** enrollments with no step left: move to `finished` */
  finished: string[];
  /** enrollments of suppressed candidates: stop them */
  suppressed: string[];
}

/** The ledger's name for a candidate (credit ledger `to` / `from`). */
export function ledgerPersonId(candidateId: number): string {
  return String(candidateId);
}

/**
 * An action's idempotency key: `<enrollment>:<step>` for the step's first
 * action, `<enrollment>:<step>#<n>` for its n-th. No day in it: an action
 * keeps its key until it ends, across days, retries, pauses and restarts. A
 * step is planned again only after an action that never reached an executor
 * (expired unclaimed, refused at claim before any attempt) or for a second
 * withdrawal (a later request); `n` counts the step's earlier actions
 * (planSeatDay), so it does not depend on attempts. Step keys have no `#` or
 * `:`, so no key of one form equals one of the other, nor an older
 * `<enrollment>:<step>:<date>` key.
 */
export function actionIdempotencyKey(enrollmentId: string, stepKey: string, plan = 1): string {
  return plan <= 1 ? `${enrollmentId}:${stepKey}` : `${enrollmentId}:${stepKey}#${plan}`;
}

type Bucket = 'invites' | 'inmails' | 'other';

interface Candidate {
  e: EnrollmentFacts;
  stepIndex: number;
  stepKey: string;
  channel: PlannedChannel;
  bucket: Bucket | 'withdraw';
}

export function planDay(input: PlanDayInput): PlanDayResult {
  const rules = input.rules ?? defaultPacingRules;
  const campaigns = new Map(input.campaigns.map((c) => [c.id, c]));
  const out: PlanDayResult = { actions: [], finished: [], suppressed: [] };
  const bySeat = new Map<string, EnrollmentFacts[]>();
  for (const e of input.enrollments) {
    // a closed enrollment (finished, replied, stopped) can still get one thing: the withdrawal of its pending request
    const c = campaigns.get(e.campaignId);
    if (!c || ((c.withdrawalsOnly || !isSequenceActive(e.state)) && inviteStatus(e) !== 'pending')) continue;
    const list = bySeat.get(e.seatId) ?? [];
    list.push(e);
    bySeat.set(e.seatId, list);
  }
  for (const seat of [...input.seats].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const history = input.history[seat.id];
    const list = bySeat.get(seat.id);
    if (!history || !list) continue;
    planSeat(seat, history, list, campaigns, input, rules, out);
  }
  return out;
}

function planSeat(
  seat: PlannerSeat,
  h: SeatHistory,
  enrollments: EnrollmentFacts[],
  campaigns: Map<string, PlannerCampaign>,
  input: PlanDayInput,
  rules: PacingRules,
  out: PlanDayResult,
): void {
  const date = input.date;
  const tz = seat.timeZone;
  const ledgerCheck = (e: EnrollmentFacts): Tri => {
    if (!h.ledger) return 'never';
    const person = ledgerPersonId(e.candidateId);
    if (h.openInMailTo.has(person)) return 'not_yet';
    const check = canSendInMail(h.ledger, person, e.openProfile, date);
    if (check.ok) return 'yes';
    if (check.code === 'no_plan') return 'never';
    return 'not_yet';
  };
  const availability = (channel: SequenceChannel, e: EnrollmentFacts): Tri => {
    const linkedin = channel === 'connection_request' || channel === 'message' || channel === 'inmail';
    if (linkedin && !e.profileUrl) return 'never';
    switch (channel) {
      case 'connection_request': {
        if (e.connected) return 'never';
        if (invited.has(e.candidateId)) return 'never';
        const s = inviteStatus(e);
        if (s !== 'none' && s !== 'withdrawn') return 'never';
        const w = h.withdrawnOn.get(e.candidateId) ?? (e.withdrawnAt ? localDateOf(e.withdrawnAt, tz) : null);
        return reinviteAllowed(w, date, rules) ? 'yes' : 'not_yet';
      }
      case 'message':
        return acceptedTri(e);
      case 'inmail':
        return ledgerCheck(e);
      case 'email':
        return e.hasEmail ? 'yes' : 'never';
      case 'phone':
        return 'yes';
    }
  };

  // one request per person per seat, whichever campaign sends it
  const invited = new Set<number>(h.invitedPeople ?? []);
  for (const e of enrollments) {
    const s = inviteStatus(e);
    if (s === 'pending' || s === 'accepted') invited.add(e.candidateId);
  }
  const invitingToday = new Set<number>();

  const candidates: Candidate[] = [];
  for (const e of enrollments) {
    const withdrawalsOnly = campaigns.get(e.campaignId)!.withdrawalsOnly === true;
    if (isSuppressed(input.suppression, { candidateId: e.candidateId, emails: e.emails, profileUrl: e.profileUrl })) {
      // a stopped campaign has nothing left to stop
      if (!withdrawalsOnly) out.suppressed.push(e.id);
      continue;
    }
    if (e.hasOpenAction) continue;
    if (inviteStatus(e) === 'pending' && shouldWithdraw(localDateOf(e.inviteSentAt!, tz), date, rules)) {
      candidates.push({ e, stepIndex: -1, stepKey: 'withdraw', channel: 'withdraw_invitation', bucket: 'withdraw' });
      continue;
    }
    if (withdrawalsOnly || !isSequenceActive(e.state)) continue;
    const sequence = campaigns.get(e.campaignId)!.sequence;
    const next = nextStep(sequence, e, date, tz, availability);
    if (next.kind === 'done') out.finished.push(e.id);
    if (next.kind !== 'ready') continue;
    const channel = next.step.channel;
    const bucket: Bucket = channel === 'connection_request' ? 'invites' : channel === 'inmail' ? 'inmails' : 'other';
    candidates.push({ e, stepIndex: next.stepIndex, stepKey: next.step.key, channel, bucket });
  }

  if (h.paused) return;
  const window = workingWindow(date, tz, seat.workingHours);
  if (!window) return;
  const start = input.now && input.now > window.start ? input.now : window.start;
  if (start >= window.end) return;

  const weekday = weekdayOf(date);
  const days = seat.workingHours.days;
  const budget: Record<Bucket, number> = {
    invites: Math.max(
      0,
      Math.min(
        dailyInviteTarget(seat.weeklyInviteCap, weekday, days, rules) - h.today.invites,
        weeklyInviteRoom(seat.weeklyInviteCap, h.inviteDates, date, rules),
        rules.maxPendingInvites - 1 - h.pendingInvites,
      ),
    ),
    inmails: Math.max(0, dailyLimitFor(rules.dailyInMailLimit, weekday, days, rules) - h.today.inmails),
    other: Math.max(0, dailyLimitFor(rules.dailyActionLimit, weekday, days, rules) - h.today.other),
  };
  let notes = notesLeft(seat.paid, h.noteDates, date, rules);
  let credits = h.ledger ? Math.max(0, h.ledger.balance - h.reservedCredits) : 0;
  const inmailedToday = new Set<string>();

  const chosen: Array<Candidate & { withNote: boolean; charged: boolean }> = [];
  for (const c of candidates) if (c.bucket === 'withdraw') chosen.push({ ...c, withNote: false, charged: false });

  const rng = keyedRandomStream(input.seed ?? 0, seat.id, date);
  const rank = new Map([...campaigns.keys()].map((id, i) => [id, i]));
  for (const bucket of ['other', 'inmails', 'invites'] as const) {
    // fair share: round robin over the seat's campaigns, highest priority first inside each
    const queues = new Map<string, Candidate[]>();
    for (const c of candidates) {
      if (c.bucket !== bucket) continue;
      const q = queues.get(c.e.campaignId) ?? [];
      q.push(c);
      queues.set(c.e.campaignId, q);
    }
    for (const q of queues.values()) q.sort(byPriority(rank));
    // the campaigns' order as given (callers pass them oldest first), not their ids: ids are random, and the same
    // campaigns on another database must take their turns alike (same seed, same result)
    const order = [...queues.keys()].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const offset = order.length ? Math.floor(rng() * order.length) : 0;
    const rotation = order.map((_, i) => order[(i + offset) % order.length]);
    let progressed = true;
    while (budget[bucket] > 0 && progressed) {
      progressed = false;
      for (const id of rotation) {
        if (budget[bucket] <= 0) break;
        const q = queues.get(id)!;
        while (q.length) {
          const c = q.shift()!;
          let charged = false;
          let withNote = false;
          if (bucket === 'inmails') {
            const person = ledgerPersonId(c.e.candidateId);
            if (inmailedToday.has(person)) continue;
            charged = !c.e.openProfile;
            if (charged && credits <= 0) continue;
            if (charged) credits--;
            inmailedToday.add(person);
          }
          if (bucket === 'invites') {
            if (invitingToday.has(c.e.candidateId)) continue;
            invitingToday.add(c.e.candidateId);
          }
          if (bucket === 'invites' && notes > 0) {
            withNote = true;
            notes--;
          }
          chosen.push({ ...c, withNote, charged });
          budget[bucket]--;
          progressed = true;
          break;
        }
      }
    }
  }

  chosen.sort(byPriority(rank));
  const times = spreadTimes(chosen.length, start, window.end, rng);
  chosen.forEach((c, i) => {
    out.actions.push({
      enrollmentId: c.e.id,
      campaignId: c.e.campaignId,
      candidateId: c.e.candidateId,
      seatId: seat.id,
      stepIndex: c.stepIndex,
      stepKey: c.stepKey,
      channel: c.channel,
      withNote: c.withNote,
      charged: c.charged,
      priority: c.e.priority,
      dueAt: times[i],
      // the step's first key; planSeatDay numbers a step planned again (actionIdempotencyKey)
      idempotencyKey: actionIdempotencyKey(c.e.id, c.stepKey),
    });
  });
}

/** Highest priority first; ties by candidate, then by the campaigns' given order, not by enrollment id (it starts with the random campaign id). */
function byPriority(rank: ReadonlyMap<string, number>): (a: { e: EnrollmentFacts }, b: { e: EnrollmentFacts }) => number {
  return (a, b) => b.e.priority - a.e.priority || a.e.candidateId - b.e.candidateId || (rank.get(a.e.campaignId) ?? 0) - (rank.get(b.e.campaignId) ?? 0);
}

/**
 * `n` instants in [start, end): the window cut into n equal slots, each
 * action at a random point of the middle 60% of its slot, so gaps are random
 * but two actions are never closer than 40% of a slot (no bursts).
 */
export function spreadTimes(n: number, start: string, end: string, rng: () => number): string[] {
  const a = Date.parse(start);
  const b = Date.parse(end);
  const slot = (b - a) / Math.max(1, n);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = a + slot * (i + 0.2 + 0.6 * rng());
    out.push(new Date(Math.floor(t / 1000) * 1000).toISOString());
  }
  return out;
}
