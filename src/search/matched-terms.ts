import { fieldsMatching } from './evaluate-query.ts';
import { formatTermText } from './format-query.ts';
import { queryTerms, type QueryNode } from './query-ast.ts';
import type { SearchField } from './search-fields.ts';
import type { TokenizedDocument } from './tokenized-document.ts';

/** Per field, the query terms found in it (as normalised term text: `java`, `"front end"`, `eng*`), for highlighting. */
export type MatchedTerms = Partial<Record<SearchField, string[]>>;

/**
 * Which of a query's terms matched in which fields of one profile. Only terms
 * the profile is meant to contain count (not those under a NOT).
 */
export function matchedTerms(query: QueryNode, doc: TokenizedDocument): MatchedTerms {
  const out: MatchedTerms = {};
  for (const { term, positive } of queryTerms(query)) {
    if (!positive) continue;
    const text = formatTermText(term);
    for (const field of fieldsMatching(term, doc)) {
      const list = (out[field] ??= []);
      if (!list.includes(text)) list.push(text);
    }
  }
  return out;
}
