import { flagMatches, noProfileFlags, type ProfileFlags } from './profile-flags.ts';
import type { QueryNode, TermNode } from './query-ast.ts';
import type { SearchDocument } from './search-document.ts';
import { searchFieldNames, type SearchField } from './search-fields.ts';
import { tokenizeDocument, type TokenizedDocument } from './tokenized-document.ts';

/**
 * The reference evaluator: the executable meaning of the search spec, a plain
 * walk of the query tree over one profile (its text and its LinkedIn flags).
 * Every backend must return exactly the profiles for which this returns true.
 */
export function evaluateQuery(query: QueryNode, doc: TokenizedDocument, flags: ProfileFlags = noProfileFlags): boolean {
  switch (query.kind) {
    case 'term':
      return termMatches(query, doc);
    case 'flag':
      return flagMatches(query, flags);
    case 'not':
      return !evaluateQuery(query.child, doc, flags);
    case 'and':
      return query.children.every((c) => evaluateQuery(c, doc, flags));
    case 'or':
      return query.children.some((c) => evaluateQuery(c, doc, flags));
  }
}

/** Convenience for tests and tools: tokenizes the document first. Without flags, the profile has none set. */
export function documentMatches(query: QueryNode, doc: SearchDocument, flags: ProfileFlags = noProfileFlags): boolean {
  return evaluateQuery(query, tokenizeDocument(doc), flags);
}

export function termMatches(term: TermNode, doc: TokenizedDocument): boolean {
  if (term.field) return fieldMatches(term, doc[term.field]);
  return searchFieldNames.some((f) => fieldMatches(term, doc[f]));
}

/** The fields in which a term matches (all of them for an unfielded term, else at most its own). */
export function fieldsMatching(term: TermNode, doc: TokenizedDocument): SearchField[] {
  const fields = term.field ? [term.field] : searchFieldNames;
  return fields.filter((f) => fieldMatches(term, doc[f]));
}

/** Words adjacent and in order inside one value; the last word may be a prefix. */
function fieldMatches(term: TermNode, values: ReadonlyArray<ReadonlyArray<string | null>>): boolean {
  const words = term.words;
  const n = words.length;
  for (const value of values) {
    for (let start = 0; start + n <= value.length; start++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const token = value[start + j];
        if (token === null) ok = false;
        else if (term.prefix && j === n - 1) ok = token.startsWith(words[j]);
        else ok = token === words[j];
      }
      if (ok) return true;
    }
  }
  return false;
}
