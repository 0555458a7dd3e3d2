import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLedgerEvent, ledgerStateAt } from '../../credits/ledger.ts';
import type { LedgerEvent } from '../../credits/ledger-event.ts';
import type { LedgerState } from '../../credits/ledger-state.ts';
import { defaultSequence } from '../campaigns/default-sequence.ts';
import type { EnrollmentFacts } from '../enrollment/enrollment-facts.ts';
import { inviteStatus, untouchedEnrollment } from '../enrollment/enrollment-facts.ts';
import { ledgerPersonId, planDay, type PlannedAction, type PlannerSeat, type SeatHistory } from './plan-day.ts';
import { defaultPacingRules, maxInvitesInAnyWindow } from './pacing-rules.ts';
import { addDays, localDateOf, monthOf } from './seat-calendar.ts';
import { keyedRandomStream } from '../../core/seeded-random.ts';
import { buildSuppressionIndex } from '../enrollment/suppression.ts';

/**
 * Runs the planner day by day over a generated world, executes every planned
 * action at its due time, lets random candidates accept and reply, and
 * checks the pacing invariants over the whole history.
 */
interface World {
  seat: PlannerSeat;
  plan: string | null;
  start: string;
  days: number;
  enrollments: EnrollmentFacts[];
  suppressedIds: number[];
  priorInvites: number;
  priorNotes: number;
  seed: number;
}

const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];

const worldArb: fc.Arbitrary<World> = fc
  .record({
    paid: fc.boolean(),
    plan: fc.constantFrom(null, 'premium-career', 'recruiter-lite'),
    timeZone: fc.constantFrom(...zones),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    cap: fc.integer({ min: 0, max: 40 }),
    start: fc.constantFrom('2025-01-27', '2025-03-28', '2025-06-02', '2025-10-24'),
    horizon: fc.integer({ min: 5, max: 24 }),
    candidates: fc.array(
      fc.record({
        priority: fc.integer({ min: 0, max: 100 }),
        hasEmail: fc.boolean(),
        openProfile: fc.boolean(),
        connected: fc.boolean(),
        noUrl: fc.boolean(),
        campaign: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 45 },
    ),
    suppressMask: fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }),
    priorInvites: fc.integer({ min: 0, max: 40 }),
    priorNotes: fc.integer({ min: 0, max: 5 }),
    seed: fc.integer(),
  })
  .map((r) => {
    const seat: PlannerSeat = {
      id: 'seat-1',
      paid: r.paid || r.plan !== null,
      timeZone: r.timeZone,
      workingHours: { start: '09:00', end: '17:30', days: r.days },
      weeklyInviteCap: r.cap,
    };
    const enrollments = r.candidates.map<EnrollmentFacts>((c, i) => ({
      id: `camp-${c.campaign}:${i + 1}`,
      campaignId: `camp-${c.campaign}`,
      candidateId: (i % 30) + 1, // some people are in two campaigns
      seatId: seat.id,
      state: 'queued',
      position: 0,
      priority: c.priority,
      hasEmail: c.hasEmail,
      emails: c.hasEmail ? [`p${i}@example.com`] : [],
      profileUrl: c.noUrl ? null : `linkedin.com/in/p${(i % 30) + 1}`,
      openProfile: c.openProfile,
      connected: c.connected,
      enrolledAt: `${r.start}T00:00:00.000Z`,
      ...untouchedEnrollment,
    }));
    const suppressedIds = [...new Set(enrollments.filter((_, i) => r.suppressMask[i]).map((e) => e.candidateId))].slice(0, 5);
    return { seat, plan: r.plan, start: r.start, days: r.horizon, enrollments, suppressedIds, priorInvites: Math.min(r.priorInvites, r.cap), priorNotes: r.priorNotes, seed: r.seed };
  });

function simulate(w: World) {
  const tz = w.seat.timeZone;
  const rng = keyedRandomStream('world', w.seed);
  // a compliant past: prior invitations spread over the 6 days before the start, prior notes this month
  const inviteDates: string[] = Array.from({ length: w.priorInvites }, (_, i) => addDays(w.start, -1 - (i % 6)));
  const noteDates: string[] = w.seat.paid ? [] : Array.from({ length: w.priorNotes }, () => `${monthOf(w.start)}-01` <= addDays(w.start, -1) ? addDays(w.start, -1) : w.start);
  const notePriorInMonth = new Map<string, number>([[monthOf(noteDates[0] ?? w.start), noteDates.length]]);
  const ledgerEvents: LedgerEvent[] = w.plan ? [{ type: 'subscribe', date: addDays(w.start, -10), plan: w.plan }] : [];
  let ledger: LedgerState | null = w.plan ? ledgerStateAt(ledgerEvents, addDays(w.start, -1)) : null;
  const suppression = buildSuppressionIndex(w.suppressedIds.map((candidateId) => ({ candidateId, email: null, profileUrl: null })));
  const enrollments = w.enrollments.map((e) => ({ ...e }));
  const all: PlannedAction[] = [];
  const violations: string[] = [];
  for (let d = 0; d < w.days; d++) {
    const date = addDays(w.start, d);
    if (ledger) ledger = ledgerStateAt(ledgerEvents, date);
    const pending = enrollments.filter((e) => inviteStatus(e) === 'pending').length;
    const history: SeatHistory = {
      inviteDates,
      noteDates,
      pendingInvites: pending,
      today: { invites: 0, inmails: 0, other: 0 },
      withdrawnOn: new Map(),
      ledger,
      reservedCredits: 0,
      openInMailTo: new Set(),
      paused: false,
    };
    const result = planDay({
      date,
      seats: [w.seat],
      campaigns: [0, 1, 2].map((i) => ({ id: `camp-${i}`, sequence: defaultSequence })),
      enrollments,
      history: { [w.seat.id]: history },
      suppression,
      seed: w.seed,
    });
    const seenEnrollment = new Set<string>();
    const inmailPeople = new Set<string>();
    for (const a of result.actions) {
      all.push(a);
      if (w.suppressedIds.includes(a.candidateId)) violations.push(`action for suppressed ${a.candidateId}`);
      if (seenEnrollment.has(a.enrollmentId)) violations.push(`two actions for ${a.enrollmentId}`);
      seenEnrollment.add(a.enrollmentId);
      if (localDateOf(a.dueAt, tz) !== date) violations.push(`action ${a.idempotencyKey} due ${a.dueAt} outside ${date}`);
      const e = enrollments.find((x) => x.id === a.enrollmentId)!;
      const at = a.dueAt;
      if (a.channel === 'connection_request') {
        inviteDates.push(date);
        if (a.withNote) noteDates.push(date);
        e.inviteSentAt = at;
        e.state = 'invited';
      } else if (a.channel === 'inmail') {
        const person = ledgerPersonId(a.candidateId);
        if (inmailPeople.has(person)) violations.push(`two InMails to ${person} on ${date}`);
        inmailPeople.add(person);
        const step = applyLedgerEvent(ledger!, { type: 'inmail', date, to: person, openProfile: e.openProfile });
        if (!step.ok) violations.push(`InMail to ${person} on ${date} refused by the ledger: ${step.code}`);
        else {
          ledger = step.state;
          ledgerEvents.push({ type: 'inmail', date, to: person, openProfile: e.openProfile });
        }
        e.state = 'inmailed';
      } else if (a.channel === 'withdraw_invitation') {
        e.withdrawnAt = at;
      }
      if (a.stepIndex >= 0) {
        e.position = a.stepIndex + 1;
        e.lastActionAt = at;
      }
    }
    for (const id of result.finished) enrollments.find((x) => x.id === id)!.state = 'finished';
    for (const id of result.suppressed) enrollments.find((x) => x.id === id)!.state = 'stopped';
    // the world answers: some accept, some reply (a reply closes the InMail in the ledger)
    for (const e of enrollments) {
      if (inviteStatus(e) === 'pending' && rng() < 0.15) e.acceptedAt = `${date}T20:00:00.000Z`;
      if (!e.repliedAt && e.state !== 'queued' && rng() < 0.05) {
        e.repliedAt = `${date}T21:00:00.000Z`;
        e.state = 'replied';
        if (ledger) {
          const r = applyLedgerEvent(ledger, { type: 'reply', date, from: ledgerPersonId(e.candidateId) });
          if (r.ok) {
            ledger = r.state;
            ledgerEvents.push({ type: 'reply', date, from: ledgerPersonId(e.candidateId) });
          }
        }
      }
    }
  }
  return { all, inviteDates, noteDates, violations, notePriorInMonth };
}

describe('planDay properties', () => {
  it('never exceeds the rolling weekly invitation cap, the free-seat note quota, or plans for suppressed people or a second InMail awaiting a reply', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { inviteDates, noteDates, violations } = simulate(w);
        expect(violations).toEqual([]);
        expect(maxInvitesInAnyWindow(inviteDates, defaultPacingRules)).toBeLessThanOrEqual(w.seat.weeklyInviteCap);
        if (!w.seat.paid) {
          const perMonth = new Map<string, number>();
          for (const d of noteDates) perMonth.set(monthOf(d), (perMonth.get(monthOf(d)) ?? 0) + 1);
          for (const n of perMonth.values()) expect(n).toBeLessThanOrEqual(defaultPacingRules.freeNoteQuotaPerMonth);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic for a seed and spreads actions inside working hours', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const a = simulate(w).all;
        const b = simulate(w).all;
        expect(b).toEqual(a);
        for (const x of a) {
          const local = localDateOf(x.dueAt, w.seat.timeZone);
          expect(w.seat.workingHours.days).toContain(new Date(`${local}T12:00:00Z`).getUTCDay() || 7);
        }
        const times = a.map((x) => Date.parse(x.dueAt)).sort((p, q) => p - q);
        for (let i = 1; i < times.length; i++) expect(times[i]).not.toBe(times[i - 1]);
      }),
      { numRuns: 15 },
    );
  });
});
