import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { resolveCreditConfig } from './credit-config.ts';
import { simulateCredits } from './credit-simulation.ts';

describe('credits simulate contract', () => {
  it('returns one {type, ok, reason, balance} per event, in order', () => {
    const out = simulateCredits({
      events: [
        { date: '2025-01-31', type: 'subscribe', plan: 'recruiter-lite' },
        { date: '2025-02-01', type: 'inmail', to: 'ann' },
        { date: '2025-02-01', type: 'inmail', to: 'ann' },
        { date: '2025-02-02', type: 'inmail', to: 'bob', openProfile: true },
        { date: '2025-02-03', type: 'reply', from: 'ann', kind: 'quick_reply' },
        { date: '2025-02-04', type: 'purchase', count: 51 },
        { date: '2025-02-04', type: 'purchase', count: 50 },
        { date: '2025-02-28', type: 'balance' },
        { date: '2025-03-01', type: 'switch', plan: 'premium-career' },
        { date: '2025-03-02', type: 'cancel' },
        { date: '2025-03-03', type: 'inmail', to: 'cy' },
        { date: '2025-03-04', type: 'balance' },
      ],
    });
    expect(out).toEqual({
      results: [
        { type: 'subscribe', ok: true, reason: null, balance: 30 },
        { type: 'inmail', ok: true, reason: null, balance: 29 },
        { type: 'inmail', ok: false, reason: 'awaiting_reply', balance: 29 },
        { type: 'inmail', ok: true, reason: null, balance: 29 },
        { type: 'reply', ok: true, reason: null, balance: 30 },
        { type: 'purchase', ok: false, reason: 'purchase_cap', balance: 30 },
        { type: 'purchase', ok: true, reason: null, balance: 80 },
        { type: 'balance', ok: true, reason: null, balance: 110 }, // Feb 28 renewal of a Jan 31 start
        { type: 'switch', ok: true, reason: null, balance: 5 },
        { type: 'cancel', ok: true, reason: null, balance: 0 },
        { type: 'inmail', ok: false, reason: 'no_plan', balance: 0 },
        { type: 'balance', ok: true, reason: null, balance: 0 },
      ],
    });
  });

  it('refuses sends at zero balance with no_credits', () => {
    const events = [{ date: '2025-01-01', type: 'subscribe', plan: 'premium-career' }, ...['a', 'b', 'c', 'd', 'e', 'f'].map((to) => ({ date: '2025-01-02', type: 'inmail', to }))];
    const out = simulateCredits({ events });
    expect(out.results.map((r) => r.reason)).toEqual([null, null, null, null, null, null, 'no_credits']);
    expect(out.results.at(-1)?.balance).toBe(0);
  });

  it('a balance event only reports, and sees expiries and grants up to its date', () => {
    const out = simulateCredits({
      events: [
        { date: '2025-03-01', type: 'subscribe', plan: 'recruiter-lite' },
        { date: '2025-05-29', type: 'balance' },
        { date: '2025-05-30', type: 'balance' },
        { date: '2025-05-30', type: 'balance' },
      ],
    });
    expect(out.results.map((r) => r.balance)).toEqual([30, 90, 60, 60]);
  });

  it('rejects malformed input with invalid_input naming the event index', () => {
    const bad = (events: unknown[]) => {
      try {
        simulateCredits({ events });
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        return { code: (err as AppError).code, index: (err as AppError).details?.index, message: (err as AppError).message };
      }
      throw new Error('expected a rejection');
    };
    const sub = { date: '2025-01-01', type: 'subscribe', plan: 'recruiter-lite' };
    expect(bad([sub, { date: '2024-12-31', type: 'balance' }])).toMatchObject({ code: 'invalid_input', index: 1 });
    expect(bad([sub, { type: 'balance' }])).toMatchObject({ code: 'invalid_input', index: 1 });
    expect(bad([sub, { date: '2025-02-30', type: 'balance' }])).toMatchObject({ index: 1 });
    expect(bad([{ date: '2025-01-01', type: 'subscribe', plan: 'gold' }])).toMatchObject({ code: 'invalid_input', index: 0, message: expect.stringContaining('gold') });
    expect(bad([sub, { date: '2025-01-02', type: 'teleport' }])).toMatchObject({ index: 1 });
    expect(bad([sub, { date: '2025-01-02', type: 'purchase', count: 0 }])).toMatchObject({ index: 1 });
    expect(() => simulateCredits([])).toThrow(AppError);
  });

  it('uses workspace overrides', () => {
    const config = resolveCreditConfig({ plans: { 'recruiter-lite': { monthlyAllocation: 40 } } });
    expect(simulateCredits({ events: [{ date: '2025-01-01', type: 'subscribe', plan: 'recruiter-lite' }] }, config).results[0].balance).toBe(40);
  });

  it('is deterministic and never reports a negative balance', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('subscribe'), plan: fc.constantFrom('premium-career', 'recruiter-lite', 'sales-navigator-core') }),
      fc.record({ type: fc.constant('inmail'), to: fc.constantFrom('a', 'b', 'c', 'd'), openProfile: fc.boolean() }),
      fc.record({ type: fc.constant('reply'), from: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.record({ type: fc.constant('purchase'), count: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ type: fc.constant('cancel') }),
      fc.record({ type: fc.constant('balance') }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), event), { maxLength: 60 }), (drafts) => {
        let day = Date.UTC(2025, 0, 1) / 86_400_000;
        const events = drafts.map(([gap, e]) => ({ ...e, date: new Date((day += gap) * 86_400_000).toISOString().slice(0, 10) }));
        const a = simulateCredits({ events });
        expect(simulateCredits(JSON.parse(JSON.stringify({ events })))).toEqual(a);
        expect(a.results).toHaveLength(events.length);
        for (const r of a.results) {
          expect(r.balance).toBeGreaterThanOrEqual(0);
          expect(r.ok).toBe(r.reason === null);
        }
      }),
      { numRuns: 200 },
    );
  });
});
