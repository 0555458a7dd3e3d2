import fc from 'fast-check';
import type { KyselyPlugin, QueryId } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { candidateInputSchema } from '../candidates/candidate.ts';
import { upsertCandidates } from '../candidates/candidate-store.ts';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { signedInApp } from '../api/test-app.ts';
import { saveRole } from '../ranking/ranking-store.ts';
import { roleProfileSchema } from '../ranking/role-profile.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { searchFilterNodes } from '../search/search-filters.ts';
import type { QueryParser } from './plan-search.ts';
import { runSearch } from './run-search.ts';
import { searchRequestArbitrary } from './search-request-arbitraries.ts';

/**
 * Per candidate, the columns read from `candidates` (a Kysely plugin on the
 * store's own connection: the rows the database returned, nothing mocked).
 */
function recordCandidateReads(store: Store): { store: Store; reads: Map<number, string[]>; reset(): void } {
  const reads = new Map<number, string[]>();
  const fromCandidates = new WeakSet<QueryId>();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      if (node.kind === 'SelectQueryNode' && /"name":"candidates"/.test(JSON.stringify(node.from ?? {}))) fromCandidates.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }) {
      if (fromCandidates.has(queryId)) {
        for (const row of result.rows as Array<Record<string, unknown>>) {
          if (row.id === undefined) continue;
          const cols = Object.keys(row).filter((k) => !['id', 'workspace_id', 'score'].includes(k));
          reads.set(Number(row.id), [...(reads.get(Number(row.id)) ?? []), ...cols]);
        }
      }
      return result;
    },
  };
  return { store: { ...store, db: store.db.withPlugin(plugin) }, reads, reset: () => reads.clear() };
}

describeEachBackend('runSearch', (getStore) => {
  beforeAll(async () => {
    const people = Array.from({ length: 14 }, (_, i) =>
      candidateInputSchema.parse({
        name: `Runner ${i}`,
        headline: ['Java engineer', 'C++ developer', 'Senior data engineer', 'Engineering manager'][i % 4],
        summary: i % 3 ? 'java sql berlin' : 'node.js front end',
        skills: [['java', 'sql'], ['C++'], ['data', 'sql'], []][i % 4],
        positions: [{ title: i % 2 ? 'Software Engineer' : 'Lead', company: 'Acme', end: null }],
        location: { city: ['Berlin', 'München', 'Front End'][i % 3] },
        linkedin: { openProfile: i % 2 === 0, openToWork: i % 3 === 0, degree: ([1, 2, 3, null] as const)[i % 4] },
      }),
    );
    await upsertCandidates(getStore(), 'default', people);
    await saveRole(getStore(), 'default', roleProfileSchema.parse({ id: 'java-role', name: 'Java', query: 'java', titles: ['Software Engineer'], mustHaveSkills: ['Java'] }));
  });

  it('property: whatever the request, plain or ranked, with a role or not, the query is parsed exactly once (never for a blank query with filters)', async () => {
    await fc.assert(
      fc.asyncProperty(searchRequestArbitrary, fc.boolean(), async (request, withRole) => {
        const calls: string[] = [];
        const parse: QueryParser = (text) => (calls.push(text), parseQueryOrThrow(text));
        try {
          await runSearch(getStore(), 'default', withRole ? { ...request, roleId: 'java-role' } : request, { parse, embeddings: () => null });
        } catch (err) {
          // a broken query, or one of filters only asked to rank: refusals, and still one parse
          if (!(err instanceof AppError) || !['query_syntax', 'invalid_input'].includes(err.code)) throw err;
        }
        const blankWithFilters = request.query.trim() === '' && searchFilterNodes(request.filters ?? {}).length > 0;
        expect(calls).toEqual(blankWithFilters ? [] : [request.query]);
      }),
      { numRuns: 60 },
    );
  });

  it('a ranked page shows each candidate from one read of its columns (the ranking read; then only the text for what matched)', async () => {
    const recorded = recordCandidateReads(getStore());
    const app = await signedInApp({ store: recorded.store, webRoot: '/nonexistent' });
    const post = async (body: unknown) => {
      const res = await app.request('/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await res.json()) as { results: Array<{ id: number; openToWork: boolean; degree: number | null; matched: Record<string, string[]> }> };
    };
    for (const body of [
      { query: 'engineer OR developer', sort: 'priority', limit: 6 },
      { query: 'java OR sql', filters: { openToWork: false, degree: [1, 2] }, roleId: 'java-role', limit: 4 },
      { query: 'engineer', limit: 6 },
    ]) {
      await post(body); // the first ranking stores the profile facts it reads
      recorded.reset();
      const { results } = await post(body);
      expect(results.length, JSON.stringify(body)).toBeGreaterThan(0);
      for (const r of results) {
        const cols = recorded.reads.get(r.id) ?? [];
        expect(cols, `candidate ${r.id} was read`).toContain('headline');
        const twice = cols.filter((c, i) => cols.indexOf(c) !== i);
        expect(twice, `candidate ${r.id} for ${JSON.stringify(body)}: ${cols.join(', ')}`).toEqual([]);
        expect(Object.keys(r.matched).length, `candidate ${r.id}: what matched`).toBeGreaterThan(0);
      }
    }
  });
});
