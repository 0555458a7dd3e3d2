import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastCredits, sendsPerWeekday } from './credit-forecast.ts';
import { ledgerStateAt } from './ledger.ts';
import { emptyLedgerState } from './ledger-state.ts';

const lite = ledgerStateAt([{ type: 'subscribe', date: '2025-01-06', plan: 'recruiter-lite' }], '2025-01-06');

describe('balance forecast', () => {
  it('projects 180 days and, without sends, follows grants, the cap and expiries exactly', () => {
    const f = forecastCredits(lite, '2025-01-06', { weeklySends: 0, replyRate: 0.2, runs: 20 });
    expect(f.days).toHaveLength(180);
    expect(f.days[0].date).toBe('2025-01-07');
    expect(f.startBalance).toBe(30);
    const at = (d: string) => f.days.find((x) => x.date === d)!;
    expect(at('2025-02-06')).toMatchObject({ expected: 60, p10: 60, p90: 60, mean: 60 });
    expect(at('2025-04-06').expected).toBe(90); // the Jan lot expires the same day, before the grant
    expect(f.runsDry).toEqual({ expected: null, p10: null, p50: null, p90: null, probability: 0 });
  });

  it('finds the first day the seat runs dry', () => {
    // 30 credits, 10 sends a week (Mon-Fri: 2 a day), no replies: Tue Jan 7 .. Mon Jan 27 uses all 30
    const f = forecastCredits(lite, '2025-01-06', { weeklySends: 10, replyRate: 0, runs: 10 });
    expect(f.runsDry.expected).toBe('2025-01-27');
    expect(f.runsDry.p50).toBe('2025-01-27');
    expect(f.days.find((d) => d.date === '2025-02-06')?.expected).toBe(28); // grant of 30, then 2 sends
    expect(f.runsDry.probability).toBe(1);
  });

  it('refunds push the dry day later and the band is ordered', () => {
    const none = forecastCredits(lite, '2025-01-06', { weeklySends: 12, replyRate: 0, runs: 100 });
    const many = forecastCredits(lite, '2025-01-06', { weeklySends: 12, replyRate: 0.4, runs: 100 });
    expect(many.expectedTotals.refunds).toBeGreaterThan(0);
    expect(many.days[20].expected).toBeGreaterThan(none.days[20].expected);
    for (const d of many.days) {
      expect(d.p10).toBeLessThanOrEqual(d.p50);
      expect(d.p50).toBeLessThanOrEqual(d.p90);
    }
  });

  it('the expected run is close to the Monte Carlo mean, and a seed reproduces the band', () => {
    const a = forecastCredits(lite, '2025-01-06', { weeklySends: 5, replyRate: 0.25, runs: 400, seed: 7 });
    const b = forecastCredits(lite, '2025-01-06', { weeklySends: 5, replyRate: 0.25, runs: 400, seed: 7 });
    expect(b).toEqual(a);
    for (const d of a.days) expect(Math.abs(d.expected - d.mean)).toBeLessThan(4);
  });

  it('a seat without a plan is dry from the first day', () => {
    const f = forecastCredits(emptyLedgerState, '2025-01-06', { weeklySends: 5, replyRate: 0.2, runs: 5 });
    expect(f.runsDry.expected).toBe('2025-01-07');
    expect(f.expectedTotals.refused).toBe(f.expectedTotals.sends);
  });

  it('spreads weekly sends over the send days, remainder first', () => {
    expect(sendsPerWeekday(12, [1, 2, 3, 4, 5])).toEqual([0, 3, 3, 2, 2, 2, 0, 0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (w, days) => {
        expect(sendsPerWeekday(w, days).reduce((a, b) => a + b, 0)).toBe(w);
      }),
    );
  });
});
