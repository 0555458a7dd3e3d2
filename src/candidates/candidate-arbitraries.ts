import fc from 'fast-check';
import { candidateInputSchema, type CandidateInput } from './candidate.ts';
import { connectionDegrees } from '../search/profile-flags.ts';
import { searchVocabulary, vocabularyText } from '../search/query-arbitraries.ts';

/**
 * Profiles for search properties (test support, not a test), written from
 * the search vocabulary so queries over the same words find them.
 */
const optionalText = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 3, arbitrary: vocabularyText });

export const candidateArbitrary: fc.Arbitrary<CandidateInput> = fc
  .record({
    name: optionalText,
    headline: optionalText,
    summary: optionalText,
    city: fc.constantFrom('', 'Berlin', 'München', 'Front End', 'San José'),
    country: fc.constantFrom('', 'Germany', 'Java', 'Costa Rica'),
    positions: fc.array(
      fc.record({ title: optionalText, company: optionalText, description: optionalText, current: fc.boolean() }),
      { maxLength: 3 },
    ),
    schools: fc.array(optionalText, { maxLength: 2 }),
    skills: fc.array(fc.constantFrom(...searchVocabulary), { maxLength: 4 }),
    openProfile: fc.boolean(),
    openToWork: fc.boolean(),
    degree: fc.constantFrom(null, ...connectionDegrees),
  })
  .map((r) =>
    candidateInputSchema.parse({
      name: r.name,
      headline: r.headline,
      summary: r.summary,
      location: { city: r.city, country: r.country },
      positions: r.positions.map((p) => ({ title: p.title, company: p.company, description: p.description, end: p.current ? null : '2020-01' })),
      education: r.schools.map((school) => ({ school })),
      skills: r.skills,
      linkedin: { openProfile: r.openProfile, openToWork: r.openToWork, degree: r.degree },
    }),
  );

