import { searchFieldNames, type SearchField } from './search-fields.ts';

/**
 * What search sees of a profile: per field, a list of separate values (each
 * job title on its own), because a phrase never spans two values of a field.
 * Search knows documents, not candidates: a candidate becomes a document in
 * src/candidates/candidate-search-document.ts.
 */
export type SearchDocument = Record<SearchField, readonly string[]>;

/** A document with every field empty, to build on in tests and tools. */
export function emptySearchDocument(): SearchDocument {
  return Object.fromEntries(searchFieldNames.map((f) => [f, []])) as unknown as SearchDocument;
}
