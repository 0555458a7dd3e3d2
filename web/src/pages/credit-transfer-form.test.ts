import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { transferTargets, type PooledSeat } from './credit-transfer-form.tsx';
import { secretField } from './settings-page.tsx';

const pooled = new Set(['recruiter-corporate']);
const seat = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  name: fc.string(),
  plan: fc.constantFrom(null, 'recruiter-lite', 'recruiter-corporate'),
  contractId: fc.constantFrom(null, 'acme', 'globex'),
  balance: fc.nat(500),
}) as fc.Arbitrary<PooledSeat>;

describe('where pooled credits may move', () => {
  it('offers only other seats of the same contract on a pooled plan, and none from a seat that is not pooled', () => {
    fc.assert(
      fc.property(seat, fc.array(seat, { maxLength: 8 }), (from, seats) => {
        const targets = transferTargets(from, seats, pooled);
        for (const t of targets) {
          expect(t.id).not.toBe(from.id);
          expect(t.contractId).toBe(from.contractId);
          expect(t.plan).toBe('recruiter-corporate');
        }
        if (from.plan !== 'recruiter-corporate' || from.contractId === null) expect(targets).toEqual([]);
        // every qualifying seat is offered
        const expected = seats.filter((s) => s.id !== from.id && s.plan === 'recruiter-corporate' && s.contractId !== null && s.contractId === from.contractId);
        if (from.plan === 'recruiter-corporate' && from.contractId !== null) expect(targets).toEqual(expected);
      }),
    );
  });
});

describe('a secret field of the settings page', () => {
  it('keeps the stored secret when left empty, clears it when asked (whatever was typed), sets it otherwise', () => {
    expect(secretField('', false)).toEqual({});
    expect(secretField('new-secret', false)).toEqual({ value: 'new-secret' });
    fc.assert(
      fc.property(fc.string(), (typed) => {
        expect(secretField(typed, true)).toEqual({ value: null });
      }),
    );
  });
});
