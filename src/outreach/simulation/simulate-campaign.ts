/**
 * `campaign simulate`: runs a campaign's plan against the sandbox audience
 * for N days and reports day by day what it sent, what came back and what
 * it cost, next to an InMail-only plan on the same candidates and seed.
 * Pure: the planner (plan-day.ts) decides each day's actions exactly as the
 * worker would; the sandbox (executors/sandbox-linkedin.ts) answers them;
 * the credit ledger (src/credits) charges InMails and refunds replies.
 *
 * Each simulated day, in the seat's time zone:
 *   1. the ledger is advanced to the day (expiries, renewal grants);
 *   2. planDay plans the day with the facts as they stand at its start;
 *   3. the day's actions and the answers due that day are processed in time
 *      order: an action whose enrollment has been answered in the meantime
 *      is dropped (the worker re-checks state before executing), an InMail
 *      the ledger refuses is dropped; each executed action updates the
 *      enrollment's facts and schedules the member's answers.
 * Answers due after the last day are not counted.
 *
 * Both plans draw the member's answer from (seed, candidate, channel, n-th
 * action of that channel to the candidate), so the same person answers the
 * same first InMail the same way in both plans.
 */
import type { Channel } from '../../core/channel.ts';
import { defaultCreditConfig, requirePlan, type CreditConfig } from '../../credits/credit-config.ts';
import { LedgerCursor } from '../../credits/ledger-cursor.ts';
import { emptyLedgerState } from '../../credits/ledger-state.ts';
import type { Plan } from '../../credits/plan-catalogue.ts';
import { dayOf, formatDay } from '../../credits/utc-day.ts';
import type { EnrollmentFacts } from '../enrollment/enrollment-facts.ts';
import { inviteStatus, untouchedEnrollment } from '../enrollment/enrollment-facts.ts';
import { eventForChannel, isSequenceActive, transition, type EnrollmentEvent } from '../enrollment/enrollment-state-machine.ts';
import type { OutcomeKind, ReplyKind } from '../delivery/executor.ts';
import { defaultSandboxRates, simulateMemberResponse, type SandboxRates } from './sandbox-linkedin.ts';
import { defaultPacingRules, type PacingRules } from '../planning/pacing-rules.ts';
import { ledgerPersonId, planDay, type PlannedAction, type PlannerSeat, type SeatHistory } from '../planning/plan-day.ts';
import { addDays, localDayBounds, weekdayOf, type LocalDate } from '../planning/seat-calendar.ts';
import type { Sequence } from '../campaigns/sequence-step.ts';
import { emptySuppressionIndex, type SuppressionIndex } from '../enrollment/suppression.ts';

export interface SimulationSeat extends PlannerSeat {
  name?: string;
  /** plan id from the catalogue; null = no paid plan (no InMail) */
  plan: string | null;
}

/** What the simulated message looks like for one candidate and channel (from the composer). */
export interface SimulatedMessage {
  /** code points of subject + body */
  length: number;
  /** mentions something specific from the profile */
  personalised: boolean;
}

export interface SimulationCandidate {
  id: number;
  /** 0-100, highest first */
  priority: number;
  seatId: string;
  profileUrl: string | null;
  emails: readonly string[];
  openProfile: boolean;
  connected?: boolean;
  /** LinkedIn's "recommended match" (+35% answers) */
  recommended?: boolean;
  messages?: Partial<Record<Channel, SimulatedMessage>>;
}

export interface SimulationInput {
  campaign: { id: string; name: string; sequence: Sequence };
  seats: readonly SimulationSeat[];
  candidates: readonly SimulationCandidate[];
  /** first simulated day (seat-local date); the seats subscribe to their plan on this day */
  startDate: LocalDate;
  days: number;
  seed: string | number;
  rates?: SandboxRates;
  creditConfig?: CreditConfig;
  pacing?: PacingRules;
  suppression?: SuppressionIndex;
  /** sees every executed action and every counted answer (tests, debugging) */
  trace?: (event: SimulationTraceEvent) => void;
}

export type SimulationTraceEvent =
  | { plan: 'campaign' | 'inmail_only'; type: 'action'; date: LocalDate; at: string; seatId: string; candidateId: number; channel: Channel; withNote: boolean; charged: boolean }
  | { plan: 'campaign' | 'inmail_only'; type: 'outcome'; date: LocalDate; at: string; seatId: string; candidateId: number; kind: OutcomeKind; replyKind?: ReplyKind; channel: Channel; refunded: boolean };

export interface SimulationDay {
  date: LocalDate;
  invitations: number;
  acceptances: number;
  messages: number;
  inmailsPaid: number;
  inmailsFree: number;
  emails: number;
  phoneTasks: number;
  withdrawals: number;
  creditsSpent: number;
  creditsRefunded: number;
  /** people who answered for the first time (any reply kind, any channel) */
  replies: number;
  /** credits consumed net of refunds, at the plan's price per credit (negative on a day refunds outweigh spending) */
  costUsd: number;
  /** costUsd / replies, null without replies */
  costPerReply: number | null;
}

export interface SimulationTotals extends Omit<SimulationDay, 'date'> {
  candidates: number;
  declines: number;
  bounces: number;
  repliesByKind: Record<ReplyKind, number>;
  repliesByChannel: Partial<Record<Channel, number>>;
  /** replies to InMails (each can refund a credit) */
  inmailReplies: number;
  /** replies / people contacted */
  replyRate: number | null;
  /** credits spent before refunds, in USD */
  grossCostUsd: number;
  /** subscription fees the ledger charged in the period (start day and renewals), for reference */
  subscriptionUsd: number;
  /** credits left on the last day, summed over seats */
  creditsLeft: number;
  /** InMails the ledger or the plan could not fund */
  inmailsRefused: number;
}

export interface SimulationRun {
  days: SimulationDay[];
  totals: SimulationTotals;
}

export interface SimulationReport extends SimulationRun {
  campaign: { id: string; name: string };
  seed: string | number;
  startDate: LocalDate;
  /** price of one credit: the plan's monthly price / monthly allocation (see docs/analytics.md) */
  pricePerCreditUsd: number | null;
  inmailOnly: SimulationRun;
}

const defaultMessage: Record<Channel, SimulatedMessage> = {
  connection_request: { length: 240, personalised: true },
  message: { length: 650, personalised: true },
  inmail: { length: 900, personalised: true },
  email: { length: 900, personalised: true },
  phone: { length: 0, personalised: false },
  withdraw_invitation: { length: 0, personalised: false },
};

/** The price per credit Scoutline counts for a plan: subscription price / monthly allocation. */
export function pricePerCredit(plan: Plan | null): number | null {
  if (!plan || plan.monthlyAllocation <= 0) return null;
  return plan.priceUsd / plan.monthlyAllocation;
}

/** The InMail-only comparison: one InMail per candidate, highest priority first, as credits and pacing allow. */
export const inmailOnlySequence: Sequence = [{ key: 'inmail', channel: 'inmail', anchor: 'enrolled', delayDays: 0, windowDays: null, conditions: [{ kind: 'not_replied' }], variant: null, variants: [] }];

export function simulateCampaign(input: SimulationInput): SimulationReport {
  const config = input.creditConfig ?? defaultCreditConfig;
  const plans = input.seats.map((s) => (s.plan ? requirePlan(config, s.plan) : null));
  const price = pricePerCredit(plans.find((p) => p !== null) ?? null);
  return {
    campaign: { id: input.campaign.id, name: input.campaign.name },
    seed: input.seed,
    startDate: input.startDate,
    pricePerCreditUsd: price === null ? null : round2(price),
    ...runPlan(input, input.campaign.sequence, config, 'campaign'),
    inmailOnly: runPlan(input, inmailOnlySequence, config, 'inmail_only'),
  };
}

type Scheduled =
  | { t: string; order: number; type: 'action'; action: PlannedAction }
  | { t: string; order: number; type: 'outcome'; enrollmentId: string; kind: OutcomeKind; replyKind?: ReplyKind; channel: Channel; sentAt: string };

interface SeatRun {
  seat: SimulationSeat;
  plan: Plan | null;
  price: number;
  ledger: LedgerCursor;
  inviteDates: LocalDate[];
  noteDates: LocalDate[];
  withdrawnOn: Map<number, LocalDate>;
}

function runPlan(input: SimulationInput, sequence: Sequence, config: CreditConfig, planName: 'campaign' | 'inmail_only'): SimulationRun {
  const rates = input.rates ?? defaultSandboxRates;
  const pacing = input.pacing ?? defaultPacingRules;
  const suppression = input.suppression ?? emptySuppressionIndex;
  const campaign = { id: input.campaign.id, sequence };
  const seats = new Map<string, SeatRun>();
  for (const seat of input.seats) {
    const plan = seat.plan ? requirePlan(config, seat.plan) : null;
    const ledger = new LedgerCursor(emptyLedgerState, config);
    const firstUtcDay = dayOf(localDayBounds(input.startDate, seat.timeZone).start.slice(0, 10));
    if (plan) ledger.applyAt(firstUtcDay, { type: 'subscribe', date: formatDay(firstUtcDay), plan: plan.id, terms: plan });
    seats.set(seat.id, { seat, plan, price: pricePerCredit(plan) ?? 0, ledger, inviteDates: [], noteDates: [], withdrawnOn: new Map() });
  }
  const candidates = new Map(input.candidates.map((c) => [c.id, c]));
  const enrolledAt = (seatId: string) => localDayBounds(input.startDate, seats.get(seatId)?.seat.timeZone ?? 'UTC').start;
  const facts = new Map<string, EnrollmentFacts>();
  for (const c of input.candidates) {
    if (!seats.has(c.seatId)) continue;
    facts.set(`${campaign.id}:${c.id}`, {
      id: `${campaign.id}:${c.id}`,
      campaignId: campaign.id,
      candidateId: c.id,
      seatId: c.seatId,
      state: 'queued',
      position: 0,
      priority: c.priority,
      hasEmail: c.emails.length > 0,
      emails: c.emails,
      profileUrl: c.profileUrl,
      openProfile: c.openProfile,
      connected: c.connected ?? false,
      enrolledAt: enrolledAt(c.seatId),
      ...untouchedEnrollment,
    });
  }
  const sentCount = new Map<string, number>();
  const contacted = new Set<number>();
  const queue: Scheduled[] = [];
  let order = 0;
  const days: SimulationDay[] = [];
  const totals = emptyTotals(input.candidates.length);
  const timeZone = input.seats[0]?.timeZone ?? 'UTC';
  let netCost = 0;

  const emit = (e: EnrollmentFacts, event: EnrollmentEvent): EnrollmentFacts => {
    const r = transition(e.state, event);
    return r.ok ? { ...e, state: r.state } : e;
  };

  for (let i = 0; i < input.days; i += 1) {
    const date = addDays(input.startDate, i);
    const day = emptyDay(date);
    const dayEnd = localDayBounds(date, timeZone).end;
    const history: Record<string, SeatHistory> = {};
    for (const s of seats.values()) {
      s.ledger.advanceTo(Math.max(s.ledger.currentDay ?? -Infinity, dayOf(localDayBounds(date, s.seat.timeZone).start.slice(0, 10))));
      const pending = [...facts.values()].filter((f) => f.seatId === s.seat.id && inviteStatus(f) === 'pending').length;
      history[s.seat.id] = {
        inviteDates: s.inviteDates,
        noteDates: s.noteDates,
        pendingInvites: pending,
        today: { invites: 0, inmails: 0, other: 0 },
        withdrawnOn: s.withdrawnOn,
        ledger: s.plan ? s.ledger.snapshot() : null,
        reservedCredits: 0,
        openInMailTo: new Set(),
        paused: false,
      };
    }
    const plan = planDay({ date, seats: input.seats, campaigns: [campaign], enrollments: [...facts.values()], history, suppression, rules: pacing, seed: input.seed });
    for (const id of plan.finished) {
      const e = facts.get(id);
      if (e) facts.set(id, emit(e, 'sequence_done'));
    }
    for (const id of plan.suppressed) {
      const e = facts.get(id);
      if (e) facts.set(id, emit(e, 'stop'));
    }
    for (const a of plan.actions) {
      queue.push({ t: a.dueAt, order: order++, type: 'action', action: a });
      const e = facts.get(a.enrollmentId);
      if (e) facts.set(a.enrollmentId, { ...e, hasOpenAction: true });
    }
    queue.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.order - b.order));

    while (queue.length > 0 && queue[0].t < dayEnd) {
      const item = queue.shift()!;
      const e = facts.get(item.type === 'action' ? item.action.enrollmentId : item.enrollmentId);
      if (!e) continue;
      const s = seats.get(e.seatId)!;
      const utcDay = dayOf(item.t.slice(0, 10));
      if (item.type === 'action') {
        const a = item.action;
        let next: EnrollmentFacts = { ...e, hasOpenAction: false };
        if (!isSequenceActive(e.state)) {
          facts.set(e.id, next);
          continue;
        }
        if (a.channel === 'inmail') {
          if (!s.plan) {
            totals.inmailsRefused += 1;
            facts.set(e.id, next);
            continue;
          }
          const out = s.ledger.applyAt(Math.max(utcDay, s.ledger.currentDay ?? utcDay), { type: 'inmail', date: formatDay(utcDay), to: ledgerPersonId(a.candidateId), openProfile: e.openProfile });
          if (!out.ok) {
            totals.inmailsRefused += 1;
            facts.set(e.id, next);
            continue;
          }
          if (out.effect.charged) {
            day.inmailsPaid += 1;
            day.creditsSpent += 1;
            day.costUsd += s.price;
            totals.grossCostUsd += s.price;
          } else day.inmailsFree += 1;
        } else if (a.channel === 'connection_request') {
          day.invitations += 1;
          s.inviteDates.push(date);
          if (a.withNote) s.noteDates.push(date);
          next = { ...next, inviteSentAt: a.dueAt, withdrawnAt: null, declinedAt: null };
        } else if (a.channel === 'message') day.messages += 1;
        else if (a.channel === 'email') day.emails += 1;
        else if (a.channel === 'phone') day.phoneTasks += 1;
        else if (a.channel === 'withdraw_invitation') {
          day.withdrawals += 1;
          s.withdrawnOn.set(a.candidateId, date);
          next = { ...next, withdrawnAt: a.dueAt };
        }
        input.trace?.({ plan: planName, type: 'action', date, at: a.dueAt, seatId: s.seat.id, candidateId: a.candidateId, channel: a.channel, withNote: a.withNote, charged: a.channel === 'inmail' && !e.openProfile });
        next = emit(next, eventForChannel(a.channel));
        if (a.channel !== 'withdraw_invitation') {
          next = { ...next, lastActionAt: a.dueAt, position: Math.max(next.position, a.stepIndex + 1) };
          contacted.add(a.candidateId);
        }
        facts.set(e.id, next);
        const c = candidates.get(a.candidateId);
        const key = `${a.candidateId}:${a.channel}`;
        const n = sentCount.get(key) ?? 0;
        sentCount.set(key, n + 1);
        const message = c?.messages?.[a.channel] ?? defaultMessage[a.channel];
        const response = simulateMemberResponse(input.seed, rates, {
          candidateId: a.candidateId,
          channel: a.channel,
          actionKey: `${a.channel}#${n}`,
          bodyLength: message.length,
          weekday: weekdayOf(date),
          personalised: message.personalised,
          recommended: c?.recommended,
          hasAddress: a.channel === 'email' ? e.hasEmail : undefined,
        });
        for (const o of response.outcomes) {
          const t = new Date(Date.parse(a.dueAt) + Math.round(o.afterDays * 86_400_000)).toISOString();
          insertSorted(queue, { t, order: order++, type: 'outcome', enrollmentId: e.id, kind: o.kind, replyKind: o.replyKind, channel: a.channel, sentAt: a.dueAt });
        }
        continue;
      }
      // an answer from the member
      if (item.kind === 'accepted' || item.kind === 'declined_invitation') {
        // an answer to a request that was withdrawn (or answered) since is void
        if (inviteStatus(e) !== 'pending' || e.inviteSentAt !== item.sentAt) continue;
        input.trace?.({ plan: planName, type: 'outcome', date, at: item.t, seatId: s.seat.id, candidateId: e.candidateId, kind: item.kind, channel: item.channel, refunded: false });
        if (item.kind === 'accepted') {
          day.acceptances += 1;
          facts.set(e.id, emit({ ...e, acceptedAt: item.t }, 'invite_accepted'));
        } else {
          totals.declines += 1;
          facts.set(e.id, emit({ ...e, declinedAt: item.t }, 'invite_declined'));
        }
        continue;
      }
      if (item.kind === 'bounced') {
        input.trace?.({ plan: planName, type: 'outcome', date, at: item.t, seatId: s.seat.id, candidateId: e.candidateId, kind: item.kind, channel: item.channel, refunded: false });
        totals.bounces += 1;
        facts.set(e.id, emit(e, 'email_bounced'));
        continue;
      }
      // replied
      let refunded = false;
      if (item.channel === 'inmail') {
        totals.inmailReplies += 1;
        const out = s.ledger.applyAt(Math.max(utcDay, s.ledger.currentDay ?? utcDay), { type: 'reply', date: formatDay(utcDay), from: ledgerPersonId(e.candidateId), kind: item.replyKind });
        if (out.ok && out.effect.refunded) {
          refunded = true;
          day.creditsRefunded += 1;
          day.costUsd -= s.price;
        }
      }
      input.trace?.({ plan: planName, type: 'outcome', date, at: item.t, seatId: s.seat.id, candidateId: e.candidateId, kind: 'replied', replyKind: item.replyKind, channel: item.channel, refunded });
      if (e.repliedAt) continue;
      day.replies += 1;
      totals.repliesByKind[item.replyKind ?? 'positive'] += 1;
      totals.repliesByChannel[item.channel] = (totals.repliesByChannel[item.channel] ?? 0) + 1;
      facts.set(e.id, emit({ ...e, repliedAt: item.t }, 'replied'));
    }
    netCost += day.costUsd;
    day.costUsd = round2(day.costUsd);
    day.costPerReply = day.replies > 0 ? round2(day.costUsd / day.replies) : null;
    days.push(day);
  }

  for (const d of days) {
    for (const k of ['invitations', 'acceptances', 'messages', 'inmailsPaid', 'inmailsFree', 'emails', 'phoneTasks', 'withdrawals', 'creditsSpent', 'creditsRefunded', 'replies', 'costUsd'] as const) {
      totals[k] += d[k];
    }
  }
  totals.costUsd = round2(netCost);
  totals.grossCostUsd = round2(totals.grossCostUsd);
  totals.costPerReply = totals.replies > 0 ? round2(totals.costUsd / totals.replies) : null;
  totals.replyRate = contacted.size > 0 ? Math.round((totals.replies / contacted.size) * 10_000) / 10_000 : null;
  let subscription = 0;
  let left = 0;
  const lastDay = addDays(input.startDate, input.days - 1);
  for (const s of seats.values()) {
    s.ledger.advanceTo(Math.max(s.ledger.currentDay ?? -Infinity, dayOf(lastDay)));
    const snap = s.ledger.snapshot();
    subscription += snap.totals.subscriptionUsd;
    left += snap.balance;
  }
  totals.subscriptionUsd = round2(subscription);
  totals.creditsLeft = left;
  return { days, totals };
}

function insertSorted(queue: Scheduled[], item: Scheduled): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const q = queue[mid];
    if (q.t < item.t || (q.t === item.t && q.order < item.order)) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, item);
}

function emptyDay(date: LocalDate): SimulationDay {
  return { date, invitations: 0, acceptances: 0, messages: 0, inmailsPaid: 0, inmailsFree: 0, emails: 0, phoneTasks: 0, withdrawals: 0, creditsSpent: 0, creditsRefunded: 0, replies: 0, costUsd: 0, costPerReply: null };
}

function emptyTotals(candidates: number): SimulationTotals {
  const { date: _date, ...counts } = emptyDay('');
  return {
    ...counts,
    candidates,
    declines: 0,
    bounces: 0,
    repliesByKind: { positive: 0, negative: 0, decline: 0, quick_reply: 0 },
    repliesByChannel: {},
    inmailReplies: 0,
    replyRate: null,
    grossCostUsd: 0,
    subscriptionUsd: 0,
    creditsLeft: 0,
    inmailsRefused: 0,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
