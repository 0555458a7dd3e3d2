import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoDate } from './candidate.ts';
import { parseCareerDate } from './career-date.ts';

describe('career dates', () => {
  it('keeps YYYY, YYYY-MM and YYYY-MM-DD, reduces timestamps and MM/YYYY, reads Present as current', () => {
    expect(parseCareerDate('2019')).toEqual({ ok: true, value: '2019' });
    expect(parseCareerDate('2019-03')).toEqual({ ok: true, value: '2019-03' });
    expect(parseCareerDate(' 2019-03-01 ')).toEqual({ ok: true, value: '2019-03-01' });
    expect(parseCareerDate('2019-03-01T10:00:00Z')).toEqual({ ok: true, value: '2019-03-01' });
    expect(parseCareerDate('3/2019')).toEqual({ ok: true, value: '2019-03' });
    expect(parseCareerDate('Present')).toEqual({ ok: true, value: null });
    expect(parseCareerDate('')).toEqual({ ok: true, value: null });
    expect(parseCareerDate(undefined)).toEqual({ ok: true, value: null });
  });

  it('refuses what is not a date, with a reason', () => {
    for (const bad of ['soon', '2019-13', '2019-02-40', '19', 2019]) {
      const r = parseCareerDate(bad);
      expect(r.ok).toBe(false);
    }
  });

  it('whatever it accepts is a valid model date, and parsing that again gives it back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2999-12-31') }).map((d) => d.toISOString())), (raw) => {
        const r = parseCareerDate(raw);
        if (!r.ok || r.value === null) return;
        expect(isoDate.safeParse(r.value).success).toBe(true);
        expect(parseCareerDate(r.value)).toEqual(r);
      }),
    );
  });
});
