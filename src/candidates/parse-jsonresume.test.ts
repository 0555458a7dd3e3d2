import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseCandidateInput } from './candidate-store.ts';
import { demoCandidateToJsonResume, generateDemoCandidates } from './demo-data.ts';
import { parseJsonResume } from './parse-jsonresume.ts';

const resume = {
  basics: {
    name: 'Ada Lovelace',
    label: 'Principal Engineer at Analytical Engines',
    email: 'Ada@Example.com',
    phone: '+44 20 7946 0000',
    url: 'https://ada.example.com',
    summary: 'Writes the first programs.',
    location: { city: 'London', region: 'England', countryCode: 'GB' },
    profiles: [
      { network: 'GitHub', username: 'ada', url: 'https://github.com/ada' },
      { network: 'LinkedIn', username: 'ada-lovelace', url: 'https://uk.linkedin.com/in/Ada-Lovelace/?trk=x' },
    ],
  },
  work: [
    { name: 'Analytical Engines', position: 'Principal Engineer', startDate: '2020-01-15', summary: 'Engines.', highlights: ['Notes G'] },
    { name: 'Difference Ltd', position: 'Engineer', startDate: '2015-06', endDate: '2019-12' },
  ],
  education: [{ institution: 'University of London', studyType: 'BSc', area: 'Mathematics', startDate: '2011', endDate: '2014' }],
  skills: [{ name: 'C++', keywords: ['Node.js', 'c++'] }, { name: '.NET' }],
  meta: { linkedin: { openProfile: true, openToWork: false, premium: true, degree: '2nd', mutualConnections: 12, lastActive: '2026-10-30' }, tags: ['referral'] },
};

describe('JSON Resume -> candidate', () => {
  it('maps every field a profile carries', () => {
    const r = parseJsonResume(resume);
    if (!r.ok) throw new Error(r.reason);
    const c = normaliseCandidateInput(r.value);
    expect(c).toMatchObject({
      name: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      headline: 'Principal Engineer at Analytical Engines',
      summary: 'Writes the first programs.',
      location: { city: 'London', region: 'England', country: 'United Kingdom', timeZone: '' },
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace',
      emails: ['ada@example.com'],
      phones: ['+44 20 7946 0000'],
      skills: ['C++', 'Node.js', '.NET'],
      linkedin: { openProfile: true, openToWork: false, premium: true, degree: 2, mutualConnections: 12, lastActive: '2026-10-30' },
      tags: ['referral'],
      source: 'jsonresume',
    });
    expect(c.positions).toEqual([
      { title: 'Principal Engineer', company: 'Analytical Engines', start: '2020-01-15', end: null, description: 'Engines.\nNotes G', location: '' },
      { title: 'Engineer', company: 'Difference Ltd', start: '2015-06', end: '2019-12', description: '', location: '' },
    ]);
    expect(c.education).toEqual([{ school: 'University of London', degree: 'BSc', field: 'Mathematics', start: '2011', end: '2014' }]);
  });

  it('takes the LinkedIn URL from a profile username, or from basics.url only when it is a LinkedIn address', () => {
    const byUsername = parseJsonResume({ basics: { name: 'A', profiles: [{ network: 'linkedin', username: 'a-b' }] } });
    expect(byUsername.ok && byUsername.value.profileUrl).toBe('https://www.linkedin.com/in/a-b');
    const byUrl = parseJsonResume({ basics: { name: 'A', url: 'linkedin.com/in/a-c' } });
    expect(byUrl.ok && byUrl.value.profileUrl).toBe('linkedin.com/in/a-c');
    const website = parseJsonResume({ basics: { name: 'A', url: 'https://a.example.com' } });
    expect(website.ok && website.value.profileUrl).toBe(null);
  });

  it('refuses malformed records with a reason naming the field', () => {
    const cases: Array<[unknown, RegExp]> = [
      [[], /expected a JSON Resume object, got an array/],
      ['x', /expected a JSON Resume object/],
      [{ basics: 'x' }, /basics: expected an object/],
      [{ basics: { name: 5 }, work: {} }, /work: expected an array/],
      [{ basics: { name: 'A' }, work: [{ startDate: 'last year' }] }, /work\[0\]\.startDate: 'last year' is not a date/],
      [{ basics: { name: 'A' }, meta: { linkedin: { degree: 7 } } }, /meta\.linkedin\.degree/],
      [{ basics: { name: 'A' }, meta: { linkedin: { openProfile: 'maybe' } } }, /meta\.linkedin\.openProfile/],
      [{ basics: { label: 'No one' } }, /nothing to identify/],
    ];
    for (const [value, reason] of cases) {
      const r = parseJsonResume(value);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
  });

  it('demo profiles survive the JSON Resume round trip unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 30 }), (seed, count) => {
        for (const c of generateDemoCandidates(count, seed)) {
          const back = parseJsonResume(JSON.parse(JSON.stringify(demoCandidateToJsonResume(c))), 'demo');
          if (!back.ok) throw new Error(back.reason);
          expect(normaliseCandidateInput(back.value)).toEqual(c);
        }
      }),
      { numRuns: 20 },
    );
  });
});
