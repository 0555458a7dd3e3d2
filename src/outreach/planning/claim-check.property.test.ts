import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimCheck, type ClaimCheckInput } from './claim-check.ts';
import { defaultPacingRules, maxInvitesInAnyWindow, type PacingRules } from './pacing-rules.ts';
import type { PlannerSeat, SeatHistory } from './plan-day.ts';
import { addDays } from './seat-calendar.ts';
import { seatCaps } from './seat-caps.ts';

const workingHours: PlannerSeat['workingHours'] = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

/** A seat's claim-view history (what is already handed to executors) on `date`. */
const worldArb = fc.record({
  cap: fc.integer({ min: 1, max: 120 }),
  paid: fc.boolean(),
  dayOffset: fc.integer({ min: 0, max: 60 }),
  priorInvites: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 130 }),
  notesThisMonth: fc.integer({ min: 0, max: 8 }),
  pending: fc.integer({ min: 0, max: 520 }),
  paused: fc.boolean(),
  withNote: fc.boolean(),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(w: World, rules: PacingRules = defaultPacingRules): ClaimCheckInput & { seat: PlannerSeat } {
  const today = addDays('2025-03-03', w.dayOffset);
  const history: SeatHistory = {
    inviteDates: w.priorInvites.map((d) => addDays(today, -d)),
    noteDates: Array.from({ length: w.notesThisMonth }, () => today.slice(0, 8) + '01'),
    pendingInvites: w.pending,
    today: { invites: 0, inmails: 0, other: 0 },
    withdrawnOn: new Map(),
    ledger: null,
    reservedCredits: 0,
    openInMailTo: new Set(),
    paused: w.paused,
  };
  return {
    action: { channel: 'connection_request', withNote: w.withNote, charged: false, candidateId: 1 },
    campaignStatus: 'running',
    enrollment: { state: 'queued', inviteSentAt: null, acceptedAt: null, declinedAt: null, withdrawnAt: null },
    suppressed: false,
    seat: { id: 's', paid: w.paid, timeZone: 'UTC', workingHours, weeklyInviteCap: w.cap },
    today,
    ledgerDate: today,
    history,
    rules,
  };
}

describe('claimCheck: the caps at claim time are the planner\'s and the Today page\'s', () => {
  it('property: a connection request is claimed exactly when the seat caps leave room this week and under the pending limit, and claiming it never puts any rolling window over the cap', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const input = inputOf(w);
        const out = claimCheck(input);
        const caps = seatCaps(input.seat, input.history, input.today, input.rules);
        const room = caps.invitations.leftThisWeek >= 1 && caps.invitations.pending + 1 < caps.invitations.maxPending;
        if (w.paused) {
          expect(out).toMatchObject({ status: 'expired', retryLater: true });
          return;
        }
        expect('dropNote' in out).toBe(room);
        if ('dropNote' in out) {
          // a history within the cap stays within it with this request
          if (maxInvitesInAnyWindow(input.history.inviteDates, input.rules) <= w.cap) expect(maxInvitesInAnyWindow([...input.history.inviteDates, input.today], input.rules)).toBeLessThanOrEqual(w.cap);
          // a free seat out of notes this month sends the request without its note; a paid seat always keeps it
          expect(out.dropNote).toBe(w.withNote && caps.notesLeftThisMonth !== null && caps.notesLeftThisMonth <= 0);
        } else {
          expect(out).toMatchObject({ status: 'expired', retryLater: true });
          expect(out.reason).toMatch(/^cap_reached: /);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('cancels for good what no later day can change, and names why', () => {
    const w: World = { cap: 100, paid: true, dayOffset: 0, priorInvites: [], notesThisMonth: 0, pending: 0, paused: false, withNote: true };
    expect(claimCheck({ ...inputOf(w), campaignStatus: 'stopped' })).toEqual({ status: 'cancelled', reason: 'campaign stopped', retryLater: false });
    expect(claimCheck({ ...inputOf(w), campaignStatus: 'paused' })).toEqual({ status: 'cancelled', reason: 'campaign paused', retryLater: true });
    expect(claimCheck({ ...inputOf(w), campaignStatus: null })).toMatchObject({ status: 'cancelled', reason: 'campaign missing' });
    expect(claimCheck({ ...inputOf(w), enrollment: { state: 'replied', inviteSentAt: null, acceptedAt: null, declinedAt: null, withdrawnAt: null } })).toEqual({ status: 'cancelled', reason: 'enrollment replied' });
    expect(claimCheck({ ...inputOf(w), suppressed: true })).toEqual({ status: 'cancelled', reason: 'suppressed', stopEnrollment: true });
  });

  it('a stopped campaign still withdraws a request that is pending, and only that', () => {
    const w: World = { cap: 100, paid: true, dayOffset: 0, priorInvites: [], notesThisMonth: 0, pending: 0, paused: false, withNote: false };
    const withdraw = { ...inputOf(w), campaignStatus: 'stopped', action: { channel: 'withdraw_invitation' as const, withNote: false, charged: false, candidateId: 1 } };
    const pending = { state: 'stopped', inviteSentAt: '2025-02-01T10:00:00Z', acceptedAt: null, declinedAt: null, withdrawnAt: null };
    expect(claimCheck({ ...withdraw, enrollment: pending })).toEqual({ dropNote: false });
    expect(claimCheck({ ...withdraw, enrollment: { ...pending, acceptedAt: '2025-02-02T10:00:00Z' } })).toEqual({ status: 'cancelled', reason: 'the invitation is no longer pending' });
  });

  it('an InMail waits while another to the same person is in flight, and is cancelled for good on a seat without a plan', () => {
    const w: World = { cap: 100, paid: true, dayOffset: 0, priorInvites: [], notesThisMonth: 0, pending: 0, paused: false, withNote: false };
    const base = inputOf(w);
    const inmail = { ...base, action: { channel: 'inmail' as const, withNote: false, charged: true, candidateId: 7 } };
    expect(claimCheck(inmail)).toEqual({ status: 'cancelled', reason: 'no_plan: the seat has no paid plan' });
    expect(claimCheck({ ...inmail, history: { ...base.history, openInMailTo: new Set(['7']) } })).toMatchObject({ status: 'expired', retryLater: true, reason: /^awaiting_reply/ });
  });
});
