import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { queryTerms } from '../search/query-ast.ts';
import { searchFilterNodes, withSearchFilters } from '../search/search-filters.ts';
import { needsRanking, nextCursor, planSearch, type QueryParser, type SearchPlan, type SearchRequest } from './plan-search.ts';
import { searchRequestArbitrary } from './search-request-arbitraries.ts';

/** The real parser, counting its calls. */
function countingParser(): { parse: QueryParser; calls: string[] } {
  const calls: string[] = [];
  return { calls, parse: (text) => (calls.push(text), parseQueryOrThrow(text)) };
}

function attempt(f: () => SearchPlan): SearchPlan | AppError {
  try {
    return f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

describe('planSearch', () => {
  it('property: parses the typed query exactly once, and a blank one with filters not at all', () => {
    fc.assert(
      fc.property(searchRequestArbitrary, (request) => {
        const { parse, calls } = countingParser();
        attempt(() => planSearch(request, 'ws', parse));
        const blankWithFilters = request.query.trim() === '' && searchFilterNodes(request.filters ?? {}).length > 0;
        expect(calls).toEqual(blankWithFilters ? [] : [request.query]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: plain and ranked plans search the same query: the typed one AND the filters', () => {
    fc.assert(
      fc.property(searchRequestArbitrary, (request) => {
        const plain = attempt(() => planSearch({ ...request, sort: 'relevance' }, 'ws', parseQueryOrThrow));
        const ranked = attempt(() => planSearch({ ...request, sort: 'priority' }, 'ws', parseQueryOrThrow));
        if (plain instanceof AppError || ranked instanceof AppError) {
          // a query that does not parse fails the same way on both paths
          expect(ranked).toEqual(plain);
          expect((plain as AppError).code).toBe('query_syntax');
          return;
        }
        const typed = request.query.trim() || !searchFilterNodes(request.filters ?? {}).length ? parseQueryOrThrow(request.query) : null;
        expect(plain.query).toEqual(withSearchFilters(typed, request.filters ?? {}));
        expect(ranked.query).toEqual(plain.query);
        expect(plain.kind).toBe('match');
        // a priority order ranks, unless there is no term to rank by (filters only, no role): then it is a plain search
        const hasTerms = queryTerms(plain.query).next().done !== true;
        expect(ranked.kind).toBe(hasTerms || request.roleId !== undefined || request.role !== undefined ? 'rank' : 'match');
        // the ranked plan's text (the role's query while ranking) says the same query
        if (ranked.kind === 'rank') expect(parseQueryOrThrow(ranked.text)).toEqual(ranked.query);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks for any order but relevance, or a role; flag filters alone do not rank', () => {
    expect(needsRanking({})).toBe(false);
    expect(needsRanking({ sort: 'relevance' })).toBe(false);
    for (const sort of ['priority', 'fit', 'reply'] as const) expect(needsRanking({ sort })).toBe(true);
    expect(needsRanking({ roleId: 'go' })).toBe(true);
    expect(needsRanking({ sort: 'relevance', roleId: 'go' })).toBe(true);
    expect(planSearch({ query: 'java', limit: 5, filters: { openProfile: true } }, 'ws', parseQueryOrThrow).kind).toBe('match');
  });

  it('a search of filters only is a plain search even in priority order (no terms to rank by), not a refusal (#16 item 2)', () => {
    for (const request of [
      { query: '', filters: { openToWork: true }, limit: 50, sort: 'priority' as const },
      { query: 'openToWork:true AND degree:2', limit: 50, sort: 'priority' as const },
      { query: '  ', filters: { openProfile: false, degree: [1, 2] as Array<1 | 2 | 3> }, limit: 50, sort: 'fit' as const },
    ]) {
      expect(planSearch(request, 'ws', parseQueryOrThrow).kind, JSON.stringify(request)).toBe('match');
    }
    // with a term (a location is words of the location text, so it ranks too), or with a role, it ranks
    expect(planSearch({ query: '', filters: { location: 'Berlin' }, limit: 50, sort: 'priority' }, 'ws', parseQueryOrThrow).kind).toBe('rank');
    expect(planSearch({ query: 'java', filters: { openToWork: true }, limit: 50, sort: 'priority' }, 'ws', parseQueryOrThrow).kind).toBe('rank');
    expect(planSearch({ query: '', filters: { openToWork: true }, limit: 50, roleId: 'go' }, 'ws', parseQueryOrThrow).kind).toBe('rank');
  });

  it('points a syntax error at the column typed, filters or not', () => {
    for (const filters of [undefined, { openProfile: true, degree: [2 as const] }]) {
      const err = attempt(() => planSearch({ query: 'java AND (python', filters, limit: 5 }, 'ws', parseQueryOrThrow));
      expect(err).toMatchObject({ code: 'query_syntax', details: { column: 10, query: 'java AND (python' } });
    }
    expect(attempt(() => planSearch({ query: ' ', limit: 5 }, 'ws', parseQueryOrThrow))).toMatchObject({ code: 'query_syntax' });
  });

  it('pages plain searches by offset or cursor (not both), ranked ones by offset only', () => {
    const base: SearchRequest = { query: 'java', limit: 2 };
    const first = planSearch(base, 'ws', parseQueryOrThrow);
    if (first.kind !== 'match') throw new Error('a plain search');
    const cursor = nextCursor(first, 10)!;
    expect(planSearch({ ...base, cursor }, 'ws', parseQueryOrThrow)).toMatchObject({ kind: 'match', offset: 2 });
    expect(attempt(() => planSearch({ ...base, cursor, offset: 0 }, 'ws', parseQueryOrThrow))).toMatchObject({ code: 'invalid_input', message: 'give either offset or cursor, not both' });
    expect(attempt(() => planSearch({ ...base, cursor, sort: 'priority' }, 'ws', parseQueryOrThrow))).toMatchObject({ code: 'invalid_input', message: 'ranked searches page with offset, not cursor' });
    // a cursor is bound to the workspace and the query as understood (filters included)
    for (const other of [{ ...base, query: 'kotlin', cursor }, { ...base, filters: { openToWork: true }, cursor }]) {
      expect(attempt(() => planSearch(other, 'ws', parseQueryOrThrow))).toMatchObject({ code: 'invalid_input' });
    }
    expect(attempt(() => planSearch({ ...base, cursor }, 'other-ws', parseQueryOrThrow))).toMatchObject({ code: 'invalid_input' });
    expect(planSearch({ ...base, query: '(java)', cursor }, 'ws', parseQueryOrThrow)).toMatchObject({ offset: 2 });
  });

  it('has no next cursor on the last page or with limit 0', () => {
    const plan = planSearch({ query: 'java', limit: 5, offset: 5 }, 'ws', parseQueryOrThrow);
    if (plan.kind !== 'match') throw new Error('a plain search');
    expect(nextCursor(plan, 10)).toBeNull();
    expect(nextCursor(plan, 11)).not.toBeNull();
    expect(nextCursor({ ...plan, limit: 0 }, 100)).toBeNull();
  });
});
