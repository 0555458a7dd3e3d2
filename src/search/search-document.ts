import { currentPositions, fullName, locationText, type CandidateInput } from '../candidates/candidate.ts';
import { searchFieldNames, type SearchField } from './search-fields.ts';

/**
 * What search sees of a profile: per field, a list of separate values (each
 * job title on its own), because a phrase never spans two values of a field.
 */
export type SearchDocument = Record<SearchField, readonly string[]>;

/** The parts of a candidate that search reads. */
export type SearchableCandidate = Pick<
  CandidateInput,
  'name' | 'firstName' | 'lastName' | 'headline' | 'summary' | 'location' | 'positions' | 'education' | 'skills'
>;

export function searchDocumentFor(candidate: SearchableCandidate): SearchDocument {
  const current = currentPositions(candidate);
  return {
    name: present([fullName(candidate)]),
    headline: present([candidate.headline]),
    title: present(candidate.positions.map((p) => p.title)),
    currenttitle: present(current.map((p) => p.title)),
    company: present(candidate.positions.map((p) => p.company)),
    currentcompany: present(current.map((p) => p.company)),
    school: present(candidate.education.map((e) => e.school)),
    skill: present(candidate.skills),
    location: present([locationText(candidate.location)]),
    summary: present([candidate.summary, ...candidate.positions.map((p) => p.description)]),
  };
}

/** A document with every field empty, to build on in tests and tools. */
export function emptySearchDocument(): SearchDocument {
  return Object.fromEntries(searchFieldNames.map((f) => [f, []])) as unknown as SearchDocument;
}

function present(values: string[]): string[] {
  return values.filter((v) => v.trim() !== '');
}
