import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../error-response.ts';
import { AppError } from '../../core/app-error.ts';
import { formatQuery } from '../../search/format-query.ts';
import { parseQueryOrThrow } from '../../search/parse-query.ts';
import { andNode, termNode } from '../../search/query-ast.ts';
import { defaultSearchLimit, maxSearchLimit, searchCandidates } from '../../search/search-candidates.ts';
import { decodeCursor, encodeCursor } from '../../search/search-cursor.ts';
import { searchFieldNames } from '../../search/search-fields.ts';
import { tokenize } from '../../search/tokenize.ts';
import { rankSorts } from '../../ranking/candidate-score.ts';
import { rankedSearch, searchNeedsRanking } from '../../ranking/ranked-search.ts';
import { getRole } from '../../ranking/ranking-store.ts';

const searchRequestSchema = z
  .object({
    query: z.string().max(100_000).openapi({ example: 'title:"software engineer" AND (java OR kotlin) NOT manager' }),
    limit: z.number().int().min(0).max(maxSearchLimit).default(defaultSearchLimit),
    offset: z.number().int().min(0).optional().openapi({ description: 'skip this many results (or use cursor)' }),
    cursor: z.string().optional().openapi({ description: 'nextCursor of the previous page' }),
    filters: z
      .object({
        location: z.string().optional().openapi({ description: 'same as AND location:"..."' }),
        openProfile: z.boolean().optional(),
        openToWork: z.boolean().optional(),
        degree: z.array(z.number().int()).optional(),
      })
      .optional()
      .openapi({ description: 'location and openProfile are supported (openProfile also as `openProfile:true` in the query); openToWork and degree not yet' }),
    sort: z.enum(rankSorts).optional().openapi({ description: 'relevance (BM25, default) | priority | fit | reply; a ranked search returns fit, replyLikelihood, priority and why (docs/ranking.md)' }),
    roleId: z.string().optional().openapi({ description: 'rank against a saved role (its criteria; this query is searched)' }),
    seatId: z.string().optional().openapi({ description: 'with ranking: the seat that will reach out' }),
  })
  .openapi('SearchRequest');

const searchResultSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    headline: z.string(),
    location: z.string(),
    profileUrl: z.string().nullable(),
    score: z.number().openapi({ description: 'relevance, higher is better; comparable within one result list only' }),
    matched: z
      .record(z.enum(searchFieldNames as [string, ...string[]]), z.array(z.string()))
      .openapi({ description: 'per field, the query terms that matched there (normalised: java, "front end", eng*)', example: { title: ['"software engineer"'], skill: ['java'] } }),
    fit: z.number().optional().openapi({ description: 'ranked searches: fit to the role 0-100' }),
    replyLikelihood: z.number().optional().openapi({ description: 'ranked searches: estimated reply chance in percent' }),
    priority: z.number().optional().openapi({ description: 'ranked searches: who to contact first, 0-100' }),
    why: z.unknown().optional().openapi({ description: 'ranked searches: the explanation (summary, items, weights)' }),
  })
  .openapi('SearchResult');

const searchResponseSchema = z
  .object({
    total: z.number().int(),
    results: z.array(searchResultSchema),
    nextCursor: z.string().nullable(),
    tookMs: z.number(),
  })
  .openapi('SearchResponse');

export function registerSearchRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/search',
      tags: ['search'],
      summary: 'Boolean candidate search',
      description:
        'Recruiter Boolean syntax with field filters (docs/search.md). A syntax error is a 400 with code query_syntax and details.column (1-based).',
      request: { body: { content: { 'application/json': { schema: searchRequestSchema } }, required: true } },
      responses: {
        200: { content: { 'application/json': { schema: searchResponseSchema } }, description: 'The total and one page, best first' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const started = performance.now();
      const body = c.req.valid('json');
      const workspaceId = c.get('workspaceId');
      const filters = body.filters ?? {};
      // ranking (src/ranking): a priority sort, a role, or the Open Profile filter go through rankedSearch
      const placed = filters.location ? `(${body.query}) location:"${filters.location.replace(/"/g, ' ')}"` : body.query;
      const rankedQuery = filters.openProfile === undefined ? placed : `(${placed}) openProfile:${filters.openProfile}`;
      if (searchNeedsRanking(rankedQuery, body.sort, body.roleId) && filters.openToWork === undefined && filters.degree === undefined) {
        if (body.cursor !== undefined) throw new AppError('invalid_input', 'ranked searches page with offset, not cursor');
        const store = c.get('store');
        const role = body.roleId ? await getRole(store, workspaceId, body.roleId) : null;
        const ranked = await rankedSearch(store, { query: rankedQuery, workspaceId, sort: body.sort ?? 'priority', role, seatId: body.seatId, limit: body.limit, offset: body.offset ?? 0 });
        return c.json({ total: ranked.total, results: ranked.results, nextCursor: null, tookMs: Math.round((performance.now() - started) * 10) / 10 }, 200);
      }
      let query = parseQueryOrThrow(body.query);
      const unsupported = (['openProfile', 'openToWork', 'degree'] as const).filter((k) => filters[k] !== undefined);
      if (unsupported.length) throw new AppError('invalid_input', `search filters ${unsupported.join(', ')} are not supported yet`, { filters: unsupported });
      const place = tokenize(filters.location ?? '');
      if (place.length) query = andNode([query, termNode(place, { field: 'location' })]);
      if (body.cursor !== undefined && body.offset !== undefined) throw new AppError('invalid_input', 'give either offset or cursor, not both');
      const key = `${workspaceId}\n${formatQuery(query)}`;
      const offset = body.cursor !== undefined ? decodeCursor(body.cursor, key) : (body.offset ?? 0);
      const response = await searchCandidates(c.get('store'), { query, workspaceId, limit: body.limit, offset });
      const next = offset + body.limit;
      return c.json(
        {
          ...response,
          nextCursor: body.limit > 0 && next < response.total ? encodeCursor(next, key) : null,
          tookMs: Math.round((performance.now() - started) * 10) / 10,
        },
        200,
      );
    },
  );
}
