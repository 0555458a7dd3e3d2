import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatQuery } from './format-query.ts';
import { parseQueryOrThrow } from './parse-query.ts';
import { queryArbitrary } from './query-arbitraries.ts';
import { searchFilterNodes, withSearchFilters, withSearchFiltersText, type SearchFilters } from './search-filters.ts';

const filtersArbitrary: fc.Arbitrary<SearchFilters> = fc.record(
  {
    location: fc.constantFrom('Berlin', 'San José', '  ', 'new-york'),
    openProfile: fc.boolean(),
    openToWork: fc.boolean(),
    degree: fc.array(fc.constantFrom(1 as const, 2 as const, 3 as const), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe('search filters', () => {
  it('are the query AND one term per filter', () => {
    expect(formatQuery(withSearchFilters(parseQueryOrThrow('java OR kotlin'), { location: 'San José', openProfile: true, degree: [2, 1, 2] })!)).toBe(
      '(java OR kotlin) AND location:"san jose" AND openProfile:true AND (degree:1 OR degree:2)',
    );
  });

  it('blank location and empty degree lists filter nothing', () => {
    expect(searchFilterNodes({ location: ' ', degree: [] })).toEqual([]);
    expect(withSearchFilters(null, {})).toBeNull();
    expect(withSearchFiltersText('java', {})).toBe('java');
  });

  it('alone they are a query: openProfile:false', () => {
    expect(formatQuery(withSearchFilters(null, { openProfile: false })!)).toBe('openProfile:false');
    expect(withSearchFiltersText('  ', { openToWork: true })).toBe('openToWork:true');
    expect(withSearchFiltersText('java', { degree: [2, 1] })).toBe('(java) AND (degree:1 OR degree:2)');
  });

  it('property: the text form parses to the same query as the tree form', () => {
    fc.assert(
      fc.property(queryArbitrary, filtersArbitrary, (q, f) => {
        const text = formatQuery(q);
        expect(parseQueryOrThrow(withSearchFiltersText(text, f))).toEqual(parseQueryOrThrow(formatQuery(withSearchFilters(q, f)!)));
      }),
      { numRuns: 300 },
    );
  });
});
