import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyText } from './money-text.ts';

describe('money on the command line', () => {
  it('is one format: two decimals, thousands grouped, the sign before the dollar', () => {
    expect(moneyText(60)).toBe('$60.00');
    expect(moneyText(100)).toBe('$100.00');
    expect(moneyText(1234.5)).toBe('$1,234.50');
    expect(moneyText(-5.67)).toBe('-$5.67');
    expect(moneyText(null)).toBe('-');
  });
  it('property: reads back as the amount to the cent', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => Math.round(Number(moneyText(cents / 100).replace(/[$,]/g, '')) * 100) === cents));
  });
});
