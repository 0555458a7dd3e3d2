import fc from 'fast-check';
import { candidateInputSchema, type CandidateInput } from '../candidates/candidate.ts';

/**
 * fast-check generators of candidate profiles and seats for the composer's
 * property tests (test support only). Values include accents, emoji,
 * surrogate pairs, empty strings and names long enough to force auto-fit.
 */
const word = fc.oneof(
  fc.constantFrom('Ana', 'Zoë', 'José', 'Łukasz', '李', 'Ngozi', "O'Brien", 'van', 'Müller', 'Acme', 'Globex', 'Rust', 'Go', 'Kubernetes', '🚀', 'data', 'Platform'),
  fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzÄÖÜéñçøß'.split('')) }),
);

export const textArb = (maxWords: number) => fc.array(word, { minLength: 0, maxLength: maxWords }).map((ws) => ws.join(' '));
const nonEmptyText = (maxWords: number) => fc.array(word, { minLength: 1, maxLength: maxWords }).map((ws) => ws.join(' '));

const monthArb = fc.tuple(fc.integer({ min: 1990, max: 2025 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const dateArb = fc.oneof(monthArb, fc.integer({ min: 1990, max: 2025 }).map(String));

const positionArb = fc.record({
  title: textArb(4),
  company: textArb(3),
  start: fc.option(dateArb, { nil: null }),
  end: fc.option(dateArb, { nil: null }),
});

export const candidateArb: fc.Arbitrary<CandidateInput & { id: number }> = fc
  .record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    firstName: textArb(2),
    lastName: textArb(2),
    city: textArb(2),
    country: textArb(2),
    positions: fc.array(positionArb, { maxLength: 4 }),
    schools: fc.array(textArb(4), { maxLength: 2 }),
    skills: fc.array(nonEmptyText(2), { maxLength: 6 }),
    mutual: fc.integer({ min: 0, max: 500 }),
  })
  .map((r) => ({
    id: r.id,
    ...candidateInputSchema.parse({
      firstName: r.firstName,
      lastName: r.lastName,
      location: { city: r.city, country: r.country },
      positions: r.positions,
      education: r.schools.map((school) => ({ school })),
      skills: r.skills,
      linkedin: { mutualConnections: r.mutual },
    }),
  }));

export const seatArb = fc.record({
  name: nonEmptyText(3),
  paid: fc.boolean(),
  employers: fc.array(nonEmptyText(2), { maxLength: 3 }),
  schools: fc.array(nonEmptyText(3), { maxLength: 2 }),
});

export const roleArb = fc.option(
  fc.record({
    title: nonEmptyText(5),
    company: nonEmptyText(3),
    skills: fc.array(nonEmptyText(2), { maxLength: 5 }),
    location: textArb(3),
    pitch: textArb(60),
  }),
  { nil: null },
);
