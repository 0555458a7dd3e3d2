import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseTitle, titleSimilarity } from './title-taxonomy.ts';
import { titleTaxonomyData } from './title-taxonomy-data.ts';
import { seniorityFromTitle, seniorityFromYears, seniorityLevels, seniorityRank } from './seniority.ts';

describe('title taxonomy', () => {
  it('has about a hundred titles', () => {
    expect(titleTaxonomyData.length).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['SWE', 'Software Engineer', null],
    ['SWE II', 'Software Engineer', 'mid'],
    ['Sr. Backend Engineer, Payments (Remote)', 'Backend Engineer', 'senior'],
    ['Staff Software Engineer at Google', 'Software Engineer', 'staff'],
    ['Senior Golang Developer', 'Go Developer', 'senior'],
    ['Tech Lead', 'Tech Lead', 'staff'],
    ['Junior Frontend Dev', 'Frontend Engineer', 'junior'],
    ['Head of Engineering', 'Head of Engineering', 'director'],
    ['VP Engineering', 'Head of Engineering', 'executive'],
    ['SRE', 'Site Reliability Engineer', null],
  ])('%s -> %s (%s)', (raw, canonical, seniority) => {
    const t = normaliseTitle(raw);
    expect(t.canonical).toBe(canonical);
    expect(t.seniority).toBe(seniority);
  });

  it('similarity: 1 for synonyms, 0.6 within a family, less otherwise, symmetric and in [0, 1]', () => {
    expect(titleSimilarity(normaliseTitle('Backend Engineer'), normaliseTitle('Senior Back-end Developer'))).toBe(1);
    expect(titleSimilarity(normaliseTitle('Backend Engineer'), normaliseTitle('Software Engineer'))).toBe(0.6);
    expect(titleSimilarity(normaliseTitle('Backend Engineer'), normaliseTitle('Account Executive'))).toBeLessThan(0.3);
    const titles = titleTaxonomyData.map((l) => l.split('|')[0]);
    fc.assert(
      fc.property(fc.constantFrom(...titles), fc.constantFrom(...titles), fc.string({ maxLength: 30 }), (a, b, s) => {
        const ta = normaliseTitle(a);
        const tb = normaliseTitle(b);
        const sim = titleSimilarity(ta, tb);
        expect(sim).toBeGreaterThanOrEqual(0);
        expect(sim).toBeLessThanOrEqual(1);
        expect(titleSimilarity(tb, ta)).toBe(sim);
        expect(titleSimilarity(ta, ta)).toBe(1);
        const ts = normaliseTitle(s);
        const x = titleSimilarity(ta, ts);
        expect(x >= 0 && x <= 1).toBe(true);
      }),
    );
  });

  it('seniority from years is monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(seniorityRank(seniorityFromYears(lo))).toBeLessThanOrEqual(seniorityRank(seniorityFromYears(hi)));
      }),
    );
  });

  it('takes the highest seniority word in a title', () => {
    expect(seniorityFromTitle('senior staff engineer')).toBe('staff');
    expect(seniorityFromTitle('software engineer')).toBeNull();
    expect(seniorityLevels[0]).toBe('intern');
  });
});
