import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceLedger, applyLedgerEvent, replayLedger } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { LedgerState, Lot } from './ledger-state.ts';
import { dayOf, formatDay } from './utc-day.ts';

/**
 * Pooled credits (spec section 1): a move of N takes them from the giving
 * seat's soonest-expiring lots and adds them to the receiving seat as lots
 * that keep their grant and expiry dates, is never limited by the receiving
 * seat's cap, and is refused (no_credits) when the giver has fewer than N.
 */
type Draft = { gap: number; make: (date: string) => LedgerEvent };

const draft: fc.Arbitrary<Draft> = fc.record({
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
  make: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => (date: string): LedgerEvent => ({ type: 'inmail', date, to: `p${n}` })) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => (date: string): LedgerEvent => ({ type: 'reply', date, from: `p${n}` })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 50 }).map((count) => (date: string): LedgerEvent => ({ type: 'purchase', date, count })) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 89 })).map(
        ([count, life]) =>
          (date: string): LedgerEvent => ({ type: 'transfer_in', date, count, fromSeat: 'z', transferId: 'earlier', lots: [{ granted: date, expires: formatDay(dayOf(date) + life), count }] }),
      ),
    },
    // now and then the seat leaves the pooled plan, so not_pooled and no_plan come up
    { weight: 1, arbitrary: fc.constant((date: string): LedgerEvent => ({ type: 'switch', date, plan: 'recruiter-lite' })) },
    { weight: 1, arbitrary: fc.constant((date: string): LedgerEvent => ({ type: 'cancel', date })) },
  ),
});

/** A corporate seat's history from `start`, and the day after its last event. */
const seatHistory = fc
  .tuple(fc.integer({ min: dayOf('2024-01-01'), max: dayOf('2025-06-30') }), fc.array(draft, { maxLength: 60 }))
  .map(([start, drafts]) => {
    let day = start;
    const events: LedgerEvent[] = [{ type: 'subscribe', date: formatDay(start), plan: 'recruiter-corporate' }];
    for (const d of drafts) {
      day += d.gap;
      events.push(d.make(formatDay(day)));
    }
    return { events, last: day };
  });

type MovedLot = { granted: string; expires: string; count: number };

const key = (granted: number | string, expires: number | string) => `${typeof granted === 'number' ? formatDay(granted) : granted}/${typeof expires === 'number' ? formatDay(expires) : expires}`;

/** Remaining credits per (grant, expiry) pair among the lots of one source. */
function bySource(state: LedgerState, source: Lot['source']): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of state.lots) if (l.source === source) m.set(key(l.granted, l.expires), (m.get(key(l.granted, l.expires)) ?? 0) + l.remaining);
  return m;
}

function difference(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const n = (a.get(k) ?? 0) - (b.get(k) ?? 0);
    if (n !== 0) out.set(k, n);
  }
  return out;
}

function asMap(lots: readonly MovedLot[], aliveOn: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lots) if (dayOf(l.expires) > aliveOn) m.set(key(l.granted, l.expires), (m.get(key(l.granted, l.expires)) ?? 0) + l.count);
  return m;
}

describe('credit moves between pooled seats (fast-check)', () => {
  it('take the soonest-expiring credits, keep their dates on the receiving seat, ignore its cap, and refuse more than the balance', () => {
    let moved = 0;
    let refusedNoCredits = 0;
    let overCap = 0;
    fc.assert(
      fc.property(seatHistory, seatHistory, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 20 }), (giverH, takerH, count, wait) => {
        const day = Math.max(giverH.last, takerH.last) + wait;
        const date = formatDay(day);
        const giver = advanceLedger(replayLedger(giverH.events), day);
        const taker = advanceLedger(replayLedger(takerH.events), day);

        const out = applyLedgerEvent(giver, { type: 'transfer_out', date, count, toSeat: 'b', transferId: 't' });
        if (!out.ok) {
          const expected = giver.plan === null ? 'no_plan' : !giver.plan.pooled ? 'not_pooled' : 'no_credits';
          expect(out.code).toBe(expected);
          if (expected === 'no_credits') {
            expect(giver.balance).toBeLessThan(count);
            refusedNoCredits += 1;
          }
          return;
        }
        expect(giver.plan?.pooled).toBe(true);
        expect(giver.balance).toBeGreaterThanOrEqual(count);
        const lots: MovedLot[] = (out.effect.movedLots ?? []).map((l) => ({ granted: formatDay(l.granted), expires: formatDay(l.expires), count: l.count }));
        // exactly N leave the giver, from lots it really had, soonest expiry first
        expect(lots.reduce((n, l) => n + l.count, 0)).toBe(count);
        expect(out.state.balance).toBe(giver.balance - count);
        const taken = difference(
          new Map(giver.lots.map((l) => [`${l.source}:${key(l.granted, l.expires)}`, l.remaining])),
          new Map(out.state.lots.map((l) => [`${l.source}:${key(l.granted, l.expires)}`, l.remaining])),
        );
        expect([...taken.values()].reduce((n, v) => n + v, 0)).toBe(count);
        const latestMoved = Math.max(...lots.map((l) => dayOf(l.expires)));
        for (const l of out.state.lots) expect(l.expires).toBeGreaterThanOrEqual(latestMoved);

        const inn: LedgerEvent = { type: 'transfer_in', date, count, fromSeat: 'a', transferId: 't', lots };
        const received = applyLedgerEvent(taker, inn);
        if (!received.ok) {
          expect(received.code).toBe(taker.plan === null ? 'no_plan' : 'not_pooled');
          return;
        }
        moved += 1;
        // all N arrive, whatever the receiving seat's cap
        expect(received.state.balance).toBe(taker.balance + count);
        if (received.state.balance > received.state.plan!.cap) overCap += 1;
        // ... as lots with the giver's grant and expiry dates, which expire on those dates
        const history = [...takerH.events, inn];
        const without = takerH.events;
        for (const later of [day, day + 15, day + 45, day + 89, day + 91]) {
          const withMove = replayLedger(history, { until: later });
          const withoutMove = replayLedger(without, { until: later });
          expect(difference(bySource(withMove, 'transfer'), bySource(withoutMove, 'transfer'))).toEqual(asMap(lots, later));
        }
      }),
      { numRuns: 300 },
    );
    // the generator reaches every branch
    expect(moved).toBeGreaterThan(20);
    expect(refusedNoCredits).toBeGreaterThan(5);
    expect(overCap).toBeGreaterThan(0);
  });
});
