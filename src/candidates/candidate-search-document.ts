import { currentPositions, fullName, locationText, type CandidateInput } from './candidate.ts';
import type { SearchDocument } from '../search/search-document.ts';

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

function present(values: string[]): string[] {
  return values.filter((v) => v.trim() !== '');
}
