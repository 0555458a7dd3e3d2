/**
 * The searchable fields as data: the query language's `field:` names, what
 * each searches, and how each backend stores and weights it. A new field (or a
 * flag filter such as `openProfile:true` later) is one more row here plus its
 * values in `searchDocumentFor`.
 */
export interface SearchFieldSpec {
  /** the name recruiters type before the colon (matched case-insensitively) */
  readonly name: string;
  readonly description: string;
  /** BM25 column weight on SQLite (higher ranks higher) */
  readonly weight: number;
  /** PostgreSQL ts_rank weight class (A highest .. D lowest; only four exist) */
  readonly pgWeight: 'A' | 'B' | 'C' | 'D';
  /** short code used in PostgreSQL field lexemes (`~ti~java`); unique, letters only */
  readonly code: string;
}

export const searchFields = [
  { name: 'name', description: 'full name', weight: 2, pgWeight: 'D', code: 'nm' },
  { name: 'headline', description: 'headline', weight: 4, pgWeight: 'C', code: 'hl' },
  { name: 'title', description: 'job titles, current or past', weight: 10, pgWeight: 'A', code: 'ti' },
  // Current titles are also titles: a current match counts twice in the score.
  { name: 'currenttitle', description: 'current job title(s)', weight: 5, pgWeight: 'A', code: 'ct' },
  { name: 'company', description: 'employers, current or past', weight: 2, pgWeight: 'D', code: 'co' },
  { name: 'currentcompany', description: 'current employer(s)', weight: 1, pgWeight: 'D', code: 'cc' },
  { name: 'school', description: 'schools', weight: 1.5, pgWeight: 'D', code: 'sc' },
  { name: 'skill', description: 'listed skills', weight: 6, pgWeight: 'B', code: 'sk' },
  { name: 'location', description: 'location text (city, region, country)', weight: 1, pgWeight: 'D', code: 'lo' },
  { name: 'summary', description: 'about / summary and job descriptions', weight: 1, pgWeight: 'D', code: 'su' },
] as const satisfies readonly SearchFieldSpec[];

export type SearchField = (typeof searchFields)[number]['name'];

export const searchFieldNames: readonly SearchField[] = searchFields.map((f) => f.name);

const byName = new Map<string, SearchFieldSpec & { name: SearchField }>(searchFields.map((f) => [f.name, f]));

/** The field for a name as typed (`Title`, `TITLE`), or undefined when unknown. */
export function findSearchField(typed: string): SearchField | undefined {
  return byName.get(typed.toLowerCase())?.name;
}

export function searchFieldSpec(field: SearchField): SearchFieldSpec {
  return byName.get(field)!;
}
