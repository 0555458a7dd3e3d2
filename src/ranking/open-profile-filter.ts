import { parseQuery } from '../search/parse-query.ts';
import { queryTerms } from '../search/query-ast.ts';

/**
 * `openProfile:true` used to be cut out of the query text here and applied
 * after ranking, to the top matches only (so the total was inexact). It is
 * now a filter of the query language (`openProfile:`, `openToWork:`,
 * `degree:`; src/search/profile-flags.ts) that the search engine applies to
 * every match, so the query stays whole and no filter is reported back.
 *
 * One rule stays: ranking scores the top matches by text relevance, so a
 * query of filters only (`openProfile:true`) has nothing to pick them by;
 * its text is reported as empty, which rank-candidates.ts refuses.
 */
export function splitOpenProfileFilter(query: string): { query: string; openProfile: boolean | undefined } {
  const parsed = parseQuery(query);
  const filtersOnly = parsed.ok && queryTerms(parsed.query).next().done === true;
  return { query: filtersOnly ? '' : query.trim(), openProfile: undefined };
}
