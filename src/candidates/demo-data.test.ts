import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidTimeZone } from '../seats/seat.ts';
import { normaliseCandidateInput } from './candidate-store.ts';
import { generateDemoCandidates, nameSlug } from './demo-data.ts';

const take = (count: number, seed?: number, asOf?: string) => [...generateDemoCandidates(count, seed, asOf ? { asOf } : {})];

describe('demo data', () => {
  it('is deterministic: the same count and seed give the same profiles; another seed gives others', () => {
    expect(take(50, 3)).toEqual(take(50, 3));
    expect(take(50, 4)).not.toEqual(take(50, 3));
  });

  it('a smaller run is a prefix of a larger one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 40 }), (seed, n) => {
        expect(take(n, seed)).toEqual(take(n + 10, seed).slice(0, n));
      }),
      { numRuns: 20 },
    );
  });

  it('every profile is already normalised, identified, with a unique LinkedIn URL of the documented form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const profiles = take(60, seed);
        const urls = new Set<string>();
        profiles.forEach((c, i) => {
          expect(normaliseCandidateInput(c)).toEqual(c);
          expect(c.profileUrl).toMatch(new RegExp(`^https://www\\.linkedin\\.com/in/[a-z0-9-]+-${i + 1}$`));
          urls.add(c.profileUrl!);
          expect(c.name).toBe(`${c.firstName} ${c.lastName}`);
        });
        expect(urls.size).toBe(profiles.length);
      }),
      { numRuns: 10 },
    );
  });

  it('careers are plausible: 1-5 positions newest first, at most one current, dates ordered, real time zones', () => {
    const profiles = take(500, 11);
    for (const tz of new Set(profiles.map((c) => c.location.timeZone))) expect(isValidTimeZone(tz)).toBe(true);
    for (const c of profiles) {
      expect(c.positions.length).toBeGreaterThanOrEqual(1);
      expect(c.positions.length).toBeLessThanOrEqual(5);
      expect(c.positions.filter((p) => p.end === null).length).toBeLessThanOrEqual(1);
      if (c.positions.some((p) => p.end === null)) expect(c.positions[0].end).toBeNull();
      for (const p of c.positions) if (p.end) expect(p.start! <= p.end).toBe(true);
      for (let i = 1; i < c.positions.length; i++) expect(c.positions[i].start! <= c.positions[i - 1].start!).toBe(true);
      expect(c.skills.length).toBeGreaterThan(0);
      if (c.linkedin.openProfile) expect(c.linkedin.premium).toBe(true);
      if (c.linkedin.lastActive) expect(c.linkedin.lastActive <= '2026-11-01').toBe(true);
    }
  });

  it('has the mix the product needs: 5-15% Open Profile, the key skills, seniority, time zones, emails for a share', () => {
    for (const seed of [1, 2, 99]) {
      const all = take(2000, seed);
      const open = all.filter((c) => c.linkedin.openProfile).length / all.length;
      expect(open).toBeGreaterThanOrEqual(0.05);
      expect(open).toBeLessThanOrEqual(0.15);
      const skills = new Set(all.flatMap((c) => c.skills));
      for (const s of ['C++', 'C#', '.NET', 'Node.js', 'ASP.NET', 'Go', 'Kubernetes']) expect(skills).toContain(s);
      const titles = all.map((c) => c.positions[0].title).join('\n');
      for (const w of ['Junior', 'Senior', 'Staff', 'Principal', 'Lead', 'Head of', 'VP', 'Engineering Manager', 'Recruiter', 'Product Manager', 'Site Reliability']) expect(titles).toContain(w);
      expect(new Set(all.map((c) => c.location.timeZone)).size).toBeGreaterThanOrEqual(15);
      expect(new Set(all.map((c) => c.linkedin.degree))).toEqual(new Set([1, 2, 3, null]));
      const withEmail = all.filter((c) => c.emails.length > 0).length / all.length;
      expect(withEmail).toBeGreaterThan(0.2);
      expect(withEmail).toBeLessThan(0.5);
      expect(all.some((c) => c.linkedin.openToWork)).toBe(true);
    }
  });

  it('as-of moves careers and activity', () => {
    const [a] = take(1, 5, '2030-06-15');
    expect(a.linkedin.lastActive === null || (a.linkedin.lastActive <= '2030-06-15' && a.linkedin.lastActive >= '2029-06-14')).toBe(true);
    expect(a.positions[0].start! <= '2030-06').toBe(true);
  });

  it('slugs are lower-case ASCII', () => {
    expect(nameSlug("Min-jun O'Brien")).toBe('min-jun-obrien');
    expect(nameSlug('Zoë Łukasz')).toBe('zoe-lukasz');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(nameSlug(s)).toMatch(/^[a-z0-9-]*$/);
      }),
    );
  });
});
