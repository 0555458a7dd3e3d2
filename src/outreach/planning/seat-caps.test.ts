import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSequence } from '../campaigns/default-sequence.ts';
import type { EnrollmentFacts } from '../enrollment/enrollment-facts.ts';
import { untouchedEnrollment } from '../enrollment/enrollment-facts.ts';
import { defaultPacingRules } from './pacing-rules.ts';
import { planDay, type PlannerSeat, type SeatHistory } from './plan-day.ts';
import { addDays, weekdayOf } from './seat-calendar.ts';
import { seatCaps } from './seat-caps.ts';
import { buildSuppressionIndex } from '../enrollment/suppression.ts';

/** The caps the Today page shows are the planner's own budgets: it plans exactly what they say is left. */
const arb = fc.record({
  cap: fc.integer({ min: 0, max: 150 }),
  paid: fc.boolean(),
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  dayOffset: fc.integer({ min: 0, max: 60 }),
  priorInvites: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 120 }),
  notesThisMonth: fc.integer({ min: 0, max: 8 }),
  todayInvites: fc.integer({ min: 0, max: 30 }),
  pending: fc.integer({ min: 0, max: 520 }),
  paused: fc.boolean(),
  people: fc.integer({ min: 0, max: 200 }),
});

type World = typeof arb extends fc.Arbitrary<infer T> ? T : never;

/** The seat, its history on `date`, and what the planner plans for `world.people` fresh candidates (from `now`, if given). */
function planWorld(w: World, workingHours: PlannerSeat['workingHours'], now?: string) {
  const date = addDays('2025-03-01', w.dayOffset);
  const seat: PlannerSeat = { id: 's', paid: w.paid, timeZone: 'UTC', workingHours: { ...workingHours, days: w.days }, weeklyInviteCap: w.cap };
  const history: SeatHistory = {
    inviteDates: [...w.priorInvites.map((d) => addDays(date, -d)), ...Array.from({ length: w.todayInvites }, () => date)],
    noteDates: Array.from({ length: w.notesThisMonth }, () => date.slice(0, 8) + '01'),
    pendingInvites: w.pending,
    today: { invites: w.todayInvites, inmails: 0, other: 0 },
    withdrawnOn: new Map(),
    ledger: null,
    reservedCredits: 0,
    openInMailTo: new Set(),
    paused: w.paused,
  };
  const enrollments: EnrollmentFacts[] = Array.from({ length: w.people }, (_, i) => ({
    id: `c:${i + 1}`,
    campaignId: 'c',
    candidateId: i + 1,
    seatId: 's',
    state: 'queued',
    position: 0,
    priority: 50,
    hasEmail: false,
    emails: [],
    profileUrl: `https://www.linkedin.com/in/p${i}`,
    openProfile: false,
    connected: false,
    enrolledAt: `${date}T00:00:00.000Z`,
    ...untouchedEnrollment,
  }));
  const plan = planDay({ date, now, seats: [seat], campaigns: [{ id: 'c', sequence: defaultSequence }], enrollments, history: { s: history }, suppression: buildSuppressionIndex([]), rules: defaultPacingRules });
  return { date, seat, history, invites: plan.actions.filter((a) => a.channel === 'connection_request') };
}

describe('seat caps', () => {
  it('invitations left today are exactly what the planner plans given enough candidates, never above the week', () => {
    fc.assert(
      fc.property(arb, (w) => {
        const { date, seat, history, invites } = planWorld(w, { start: '00:00', end: '23:59', days: [] });
        const caps = seatCaps(seat, history, date);
        expect(caps.invitations.leftToday).toBeLessThanOrEqual(caps.invitations.leftThisWeek);
        expect(caps.notesLeftThisMonth === null).toBe(w.paid);
        expect(invites.length).toBe(Math.min(w.people, caps.invitations.leftToday));
        if (caps.notesLeftThisMonth !== null) expect(invites.filter((a) => a.withNote).length).toBeLessThanOrEqual(caps.notesLeftThisMonth);
      }),
      { numRuns: 200 },
    );
  });

  it('at any time of day, left today is what the planner would still plan from then: nothing once the working hours are over', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 24 * 60 - 1 }), (w, minute) => {
        const hours = { start: '09:00', end: '17:30', days: [] };
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const now = `${addDays('2025-03-01', w.dayOffset)}T${hhmm}:00.000Z`;
        const { date, seat, history, invites } = planWorld(w, hours, now);
        const caps = seatCaps(seat, history, date, defaultPacingRules, now);
        expect(caps.dayOver).toBe(!w.days.includes(weekdayOf(date)) || hhmm >= '17:30');
        if (caps.dayOver) expect(caps).toMatchObject({ invitations: { leftToday: 0 }, inmail: { leftToday: 0 }, otherActionsLeftToday: 0 });
        expect(invites.length).toBe(Math.min(w.people, caps.invitations.leftToday));
        // the week's room does not depend on the hour
        expect(caps.invitations.leftThisWeek).toBe(seatCaps(seat, history, date).invitations.leftThisWeek);
      }),
      { numRuns: 200 },
    );
  });

  it('a day off or a paused seat has nothing left today, but keeps its weekly room', () => {
    const seat: PlannerSeat = { id: 's', paid: false, timeZone: 'Europe/Berlin', workingHours: { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] }, weeklyInviteCap: 100 };
    const h: SeatHistory = { inviteDates: ['2025-06-02'], noteDates: ['2025-06-02'], pendingInvites: 1, today: { invites: 0, inmails: 0, other: 0 }, withdrawnOn: new Map(), ledger: null, reservedCredits: 0, openInMailTo: new Set(), paused: false };
    const saturday = seatCaps(seat, h, '2025-06-07');
    expect(saturday.invitations).toMatchObject({ leftToday: 0, leftThisWeek: 99 });
    expect(saturday.notesLeftThisMonth).toBe(4);
    expect(saturday.inmail).toEqual({ hasPlan: false, credits: 0, leftToday: 0 });
    const paused = seatCaps(seat, { ...h, paused: true }, '2025-06-04');
    expect(paused).toMatchObject({ paused: true, otherActionsLeftToday: 0, invitations: { leftToday: 0, leftThisWeek: 99 } });
    expect(seatCaps(seat, h, '2025-06-04').invitations.leftToday).toBe(Math.ceil(100 * 1.25 / 5.55));
  });
});
