import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDayCount } from './day-count.ts';

describe('a number of days typed in the sequence editor (#16 item 4)', () => {
  it('refuses a negative, fractional, out-of-range or blank wait instead of clamping it', () => {
    expect(parseDayCount('-2')).toEqual({ ok: false, message: 'Give 0 to 365 days.' });
    expect(parseDayCount('1.5')).toEqual({ ok: false, message: 'Give a whole number of days.' });
    expect(parseDayCount('400')).toEqual({ ok: false, message: 'Give 0 to 365 days.' });
    expect(parseDayCount('')).toEqual({ ok: false, message: 'Give a number of days.' });
    expect(parseDayCount('e')).toMatchObject({ ok: false });
  });
  it('takes a whole number in range, and blank where the field allows none', () => {
    expect(parseDayCount(' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseDayCount('', { blank: true })).toEqual({ ok: true, value: null });
    expect(parseDayCount('0', { min: 1 })).toMatchObject({ ok: false });
  });
  it('property: accepts exactly the whole numbers in range, and gives back the number typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const r = parseDayCount(String(n));
        expect(r.ok).toBe(n >= 0 && n <= 365);
        if (r.ok) expect(r.value).toBe(n);
      }),
    );
  });
});
