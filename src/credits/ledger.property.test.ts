import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCreditConfig } from './credit-config.ts';
import { advanceLedger, applyLedgerEvent, ledgerStateAt, replayLedger } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { emptyLedgerState, type LedgerState } from './ledger-state.ts';
import { defaultPlans } from './plan-catalogue.ts';
import { dayOf, formatDay } from './utc-day.ts';

/**
 * Random seat histories: every event type (transfers too), a few recipients
 * so awaiting_reply and refunds happen often, gaps long enough for renewals
 * and expiries, and dates across month ends and leap days.
 */
const people = ['a', 'b', 'c', 'd', 'e', 'f'];
const planIds = defaultPlans.map((p) => p.id);

type Draft = { gap: number; make: (date: string) => LedgerEvent };

const draft: fc.Arbitrary<Draft> = fc.record({
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 45 })),
  make: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...planIds).map((plan) => (date: string): LedgerEvent => ({ type: 'subscribe', date, plan })) },
    { weight: 1, arbitrary: fc.constantFrom(...planIds).map((plan) => (date: string): LedgerEvent => ({ type: 'switch', date, plan })) },
    { weight: 1, arbitrary: fc.constant((date: string): LedgerEvent => ({ type: 'cancel', date })) },
    {
      weight: 10,
      arbitrary: fc
        .tuple(fc.constantFrom(...people), fc.boolean(), fc.integer({ min: 0, max: 3 }))
        .map(([to, op, roll]) => (date: string): LedgerEvent => ({ type: 'inmail', date, to, openProfile: op && roll === 0 })),
    },
    {
      // mostly fresh recipients, so balances can run down to zero
      weight: 6,
      arbitrary: fc.integer({ min: 0, max: 10_000 }).map((n) => (date: string): LedgerEvent => ({ type: 'inmail', date, to: `n${n}` })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...people), fc.constantFrom('positive', 'negative', 'decline', 'quick_reply' as const))
        .map(([from, kind]) => (date: string): LedgerEvent => ({ type: 'reply', date, from, kind })),
    },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 60 }).map((count) => (date: string): LedgerEvent => ({ type: 'purchase', date, count })) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 200 })
        .map((count) => (date: string): LedgerEvent => ({ type: 'transfer_out', date, count, toSeat: 'other', transferId: 'x' })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 120 })).map(
        ([count, life]) =>
          (date: string): LedgerEvent => ({
            type: 'transfer_in',
            date,
            count,
            fromSeat: 'other',
            transferId: 'x',
            lots: [{ granted: date, expires: formatDay(dayOf(date) + life), count }],
          }),
      ),
    },
  ),
});

const history: fc.Arbitrary<LedgerEvent[]> = fc
  .tuple(
    fc.integer({ min: dayOf('2023-12-01'), max: dayOf('2025-03-31') }),
    fc.option(fc.constantFrom(...planIds), { freq: 6 }),
    fc.array(draft, { minLength: 1, maxLength: 150, size: 'large' }),
  )
  .map(([start, firstPlan, drafts]) => {
    let day = start;
    const events = drafts.map((d) => {
      day += d.gap;
      return d.make(formatDay(day));
    });
    // most histories start with a subscription, some start without a plan
    return firstPlan === null ? events : [{ type: 'subscribe' as const, date: formatDay(start), plan: firstPlan }, ...events];
  });

const runs = { numRuns: 300 };

function comparable(s: LedgerState) {
  return { ...s, open: [...s.open.entries()] };
}

/** Folds the history through applyLedgerEvent, checking `check` on every step. */
function fold(events: LedgerEvent[], check: (before: LedgerState, event: LedgerEvent, after: LedgerState | null, step: ReturnType<typeof applyLedgerEvent>) => void): LedgerState {
  let state = emptyLedgerState;
  for (const event of events) {
    const before = advanceLedger(state, event.date);
    const step = applyLedgerEvent(state, event);
    check(before, event, step.ok ? step.state : null, step);
    if (step.ok) state = step.state;
  }
  return state;
}

describe('ledger invariants (fast-check)', () => {
  it('the balance is never negative and always equals the sum of the unexpired lots', () => {
    fc.assert(
      fc.property(history, (events) => {
        const lastDay = dayOf(events[events.length - 1].date);
        let state = emptyLedgerState;
        const checkState = (s: LedgerState) => {
          // plain checks: this runs for every event of every history
          const sum = s.lots.reduce((n, l) => n + l.remaining, 0);
          if (s.balance < 0 || sum !== s.balance) throw new Error(`balance ${s.balance}, lots sum ${sum} on ${formatDay(s.day!)}`);
          s.lots.forEach((lot, i) => {
            if (lot.remaining <= 0 || lot.expires <= (s.day as number)) throw new Error(`dead lot ${JSON.stringify(lot)} kept on ${formatDay(s.day!)}`);
            if (i > 0 && s.lots[i - 1].expires > lot.expires) throw new Error('lots out of expiry order');
          });
        };
        for (const event of events) {
          const step = applyLedgerEvent(state, event);
          if (step.ok) state = step.state;
          checkState(state);
        }
        for (let d = lastDay; d <= lastDay + 200; d += 7) checkState(advanceLedger(state, d));
      }),
      runs,
    );
  });

  it('grants never push the balance over the cap (renewals and subscribe/switch grants)', () => {
    let cappedGrants = 0;
    fc.assert(
      fc.property(history, (events) => {
        let state = emptyLedgerState;
        const walkTo = (target: number) => {
          // day by day, so each renewal grant is seen on its own
          for (let d = (state.day ?? target) + 1; d <= target; d += 1) {
            const next = advanceLedger(state, d);
            const granted = next.totals.granted - state.totals.granted;
            if (granted > 0) {
              expect(next.plan).not.toBeNull();
              expect(next.balance).toBeLessThanOrEqual(next.plan!.cap);
              expect(granted).toBeLessThanOrEqual(next.plan!.monthlyAllocation);
              if (granted < next.plan!.monthlyAllocation) cappedGrants += 1;
            }
            state = next;
          }
        };
        for (const event of events) {
          walkTo(dayOf(event.date));
          const step = applyLedgerEvent(state, event);
          if (step.ok) {
            if ((step.effect.granted ?? 0) > 0) expect(step.state.balance).toBeLessThanOrEqual(step.state.plan!.cap);
            state = step.state;
          }
        }
        walkTo((state.day as number) + 120);
      }),
      { numRuns: 150 },
    );
    expect(cappedGrants).toBeGreaterThan(0);
  });

  it('refunds each InMail at most once, and only InMails that took a credit', () => {
    let refundsSeen = 0;
    fc.assert(
      fc.property(history, (events) => {
        const charged = new Set<number>();
        const refunded = new Set<number>();
        const final = fold(events, (_before, event, _after, step) => {
          if (!step.ok) return;
          if (event.type === 'inmail' && step.effect.charged) charged.add(step.effect.inmailId!);
          if (event.type === 'reply' && step.effect.refunded) {
            const id = step.effect.closedInMailId!;
            expect(refunded.has(id)).toBe(false);
            expect(charged.has(id)).toBe(true);
            refunded.add(id);
          }
        });
        expect(final.totals.refunds).toBe(refunded.size);
        expect(final.totals.refunds).toBeLessThanOrEqual(final.totals.inmailsCharged);
        refundsSeen += refunded.size;
      }),
      runs,
    );
    expect(refundsSeen).toBeGreaterThan(0);
  });

  it('an Open Profile message never costs a credit and its reply never refunds', () => {
    fc.assert(
      fc.property(history, (events) => {
        const free = new Set<number>();
        fold(events, (before, event, after, step) => {
          if (!step.ok) return;
          if (event.type === 'inmail' && event.openProfile) {
            expect(step.effect.charged).toBe(false);
            expect(after!.balance).toBe(before.balance);
            expect(after!.lots).toEqual(before.lots);
            free.add(step.effect.inmailId!);
          }
          if (event.type === 'reply' && step.effect.closedInMailId != null && free.has(step.effect.closedInMailId)) {
            expect(step.effect.refunded).toBe(false);
            expect(after!.balance).toBe(before.balance);
          }
        });
      }),
      runs,
    );
  });

  it('a refused event changes nothing', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(history, (events) => {
        const accepted: LedgerEvent[] = [];
        let refusedAny = false;
        let checked = 0;
        fold(events, (before, event, after, step) => {
          if (step.ok) accepted.push(event);
          else {
            refusedAny = true;
            seen.set(step.code, (seen.get(step.code) ?? 0) + 1);
            expect(after).toBeNull();
            expect(['no_plan', 'no_credits', 'awaiting_reply', 'purchase_cap', 'not_pooled']).toContain(step.code);
            // the replay of the history so far, refused event included, is the state before it
            if (checked++ >= 5) return;
            const upTo = events.slice(0, events.indexOf(event) + 1);
            expect(comparable(ledgerStateAt(upTo, event.date))).toEqual(comparable(before));
          }
        });
        const end = formatDay(dayOf(events[events.length - 1].date) + 30);
        expect(comparable(ledgerStateAt(events, end))).toEqual(comparable(ledgerStateAt(accepted, end)));
        void refusedAny;
      }),
      runs,
    );
    // the generator reaches every refusal, so the property is not vacuous
    expect([...seen.keys()].sort()).toEqual(['awaiting_reply', 'no_credits', 'no_plan', 'not_pooled', 'purchase_cap']);
  });

  it('replaying the same history gives the same state, stepwise or in one go, and never mutates its input', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 100 }), (events, extra) => {
        const frozen = JSON.stringify(events);
        const end = formatDay(dayOf(events[events.length - 1].date) + extra);
        const a = ledgerStateAt(events, end);
        const b = ledgerStateAt(events, end, defaultCreditConfig);
        const stepwise = advanceLedger(fold(events, () => undefined), end);
        expect(comparable(a)).toEqual(comparable(b));
        expect(comparable(stepwise)).toEqual(comparable(a));
        expect(JSON.stringify(events)).toBe(frozen);
        // replaying from a mid-history state continues to the same place
        const cut = Math.floor(events.length / 2);
        const mid = replayLedger(events.slice(0, cut));
        expect(comparable(replayLedger(events.slice(cut), { from: mid, until: end }))).toEqual(comparable(a));
      }),
      runs,
    );
  });

  it('a state handed out is never changed by later events (persistence of snapshots)', () => {
    fc.assert(
      fc.property(history, (events) => {
        const snapshots: { state: LedgerState; copy: string }[] = [];
        fold(events, (_b, _e, after) => {
          if (after) snapshots.push({ state: after, copy: JSON.stringify(comparable(after)) });
        });
        for (const s of snapshots) expect(JSON.stringify(comparable(s.state))).toBe(s.copy);
      }),
      { numRuns: 100 },
    );
  });
});
