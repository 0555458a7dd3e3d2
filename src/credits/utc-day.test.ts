import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsClamped, civilFromDay, dayFromCivil, dayOf, firstOfNextMonth, formatDay, isoWeekday, calendarMonthIndex, parseDay, todayUtc } from './utc-day.ts';

describe('UTC day numbers', () => {
  it('agrees with Date.UTC for every day across four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -150_000, max: 150_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatDay(day)).toBe(iso);
        expect(parseDay(iso)).toBe(day);
        const { year, month, day: d } = civilFromDay(day);
        expect(dayFromCivil(year, month, d)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '2025-01-32', '20250101', '2025-04-31', '']) expect(parseDay(bad)).toBeNull();
    expect(parseDay('2024-02-29')).not.toBeNull();
    expect(() => dayOf('nope')).toThrow(RangeError);
  });

  it('adds months anchored to the start day, clamped to month ends', () => {
    const jan31 = dayOf('2025-01-31');
    expect([1, 2, 3, 4, 13].map((n) => formatDay(addMonthsClamped(jan31, n)))).toEqual(['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2026-02-28']);
    expect(formatDay(addMonthsClamped(dayOf('2024-01-30'), 1))).toBe('2024-02-29');
    expect(formatDay(addMonthsClamped(dayOf('2025-11-15'), 2))).toBe('2026-01-15');
    expect(formatDay(firstOfNextMonth(dayOf('2025-12-31')))).toBe('2026-01-01');
    expect(calendarMonthIndex(dayOf('2025-01-31'))).not.toBe(calendarMonthIndex(dayOf('2025-02-01')));
  });

  it('knows weekdays and today in UTC whatever the local zone', () => {
    expect(isoWeekday(dayOf('2025-06-02'))).toBe(1); // Monday
    expect(isoWeekday(dayOf('1970-01-01'))).toBe(4);
    expect(isoWeekday(dayOf('1969-12-28'))).toBe(7);
    expect(formatDay(todayUtc(new Date('2025-03-01T23:59:59-05:00')))).toBe('2025-03-02');
  });
});
