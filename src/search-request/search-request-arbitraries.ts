import fc from 'fast-check';
import { rankSorts } from '../ranking/candidate-score.ts';
import { formatQuery } from '../search/format-query.ts';
import { connectionDegrees } from '../search/profile-flags.ts';
import { flaggedQueryArbitrary, termArbitrary } from '../search/query-arbitraries.ts';
import { orNode } from '../search/query-ast.ts';
import type { SearchFilters } from '../search/search-filters.ts';
import type { SearchRequest } from './plan-search.ts';

/**
 * fast-check generators for search requests (test support, not a test): the
 * query text a user types (well formed, blank, or broken), the filters of
 * the API and the CLI flags, and an order.
 */
export const typedQueryArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: flaggedQueryArbitrary.map(formatQuery) },
  // broad ones, so that pages are full
  { weight: 3, arbitrary: fc.array(termArbitrary, { minLength: 1, maxLength: 4 }).map((terms) => formatQuery(orNode(terms))) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ') },
  // broken: a dangling operator, an unclosed group, an unknown field
  { weight: 1, arbitrary: fc.constantFrom('java AND', '(java OR c', 'colour:blue', 'OR engineer', 'degree:4') },
);

export const filtersArbitrary: fc.Arbitrary<SearchFilters> = fc.record(
  {
    location: fc.constantFrom('', 'Berlin', 'münchen', 'Front End', 'Costa Rica'),
    openProfile: fc.boolean(),
    openToWork: fc.boolean(),
    degree: fc.subarray([...connectionDegrees]),
  },
  { requiredKeys: [] },
);

/** A request as the API or the CLI builds it (no cursor, no role). */
export const searchRequestArbitrary: fc.Arbitrary<SearchRequest> = fc
  .record({
    query: typedQueryArbitrary,
    filters: fc.option(filtersArbitrary, { nil: undefined, freq: 2 }),
    sort: fc.option(fc.constantFrom(...rankSorts), { nil: undefined }),
    limit: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 8, arbitrary: fc.integer({ min: 1, max: 30 }) }),
    offset: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined, freq: 2 }),
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as SearchRequest);
