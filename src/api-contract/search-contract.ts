import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { json, jsonBody } from './json-content.ts';
import { explanationSchema } from './explanation-schema.ts';
import { defaultSearchLimit, maxSearchLimit } from '../search-request/search-candidates.ts';
import { searchFieldNames } from '../search/search-fields.ts';
import { rankSorts } from '../ranking/candidate-score.ts';

export const searchRequestSchema = z
  .object({
    query: z.string().max(100_000).openapi({ example: 'title:"software engineer" AND (java OR kotlin) NOT manager', description: 'Boolean query; may be blank when filters are given' }),
    limit: z.number().int().min(0).max(maxSearchLimit).default(defaultSearchLimit),
    offset: z.number().int().min(0).optional().openapi({ description: 'skip this many results (or use cursor)' }),
    cursor: z.string().optional().openapi({ description: 'nextCursor of the previous page' }),
    filters: z
      .object({
        location: z.string().max(500).optional().openapi({ description: 'same as AND location:"...": these words in a row in the location text; blank: no filter', example: 'Berlin' }),
        openProfile: z.boolean().optional().openapi({ description: 'true: only Open Profile members (InMail free); false: only the others. Same as AND openProfile:true' }),
        openToWork: z.boolean().optional().openapi({ description: 'true: only members marked Open to Work; false: only the others. Same as AND openToWork:true' }),
        degree: z
          .array(z.number().int().min(1).max(3))
          .max(3)
          .optional()
          .openapi({ description: 'connection degrees to keep, any of them: [2], [1, 2]. Same as AND degree:(1 OR 2). An unknown degree matches none; [] filters nothing', example: [1, 2] }),
      })
      .strict()
      .optional()
      .openapi({ description: 'Filters AND-ed to the query (docs/search.md). With filters, query may be blank: the filters alone are the search (e.g. every Open Profile member)' }),
    sort: z.enum(rankSorts).optional().openapi({ description: 'relevance (BM25, default) | priority | fit | reply; a ranked search returns fit, replyLikelihood, priority and why (docs/ranking.md)' }),
    roleId: z.string().optional().openapi({ description: 'rank against a saved role (its criteria; this query is searched)' }),
    seatId: z.string().optional().openapi({ description: 'with ranking: the seat that will reach out' }),
  })
  .openapi('SearchRequest');

export const searchResultSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    headline: z.string(),
    location: z.string(),
    profileUrl: z.string().nullable(),
    openProfile: z.boolean().openapi({ description: 'an Open Profile member: an InMail to them is free' }),
    openToWork: z.boolean(),
    degree: z.number().int().nullable().openapi({ description: 'connection degree to the workspace (1, 2, 3), null when unknown' }),
    score: z.number().openapi({ description: 'relevance, higher is better; comparable within one result list only' }),
    matched: z
      .partialRecord(z.enum(searchFieldNames as [string, ...string[]]), z.array(z.string()))
      .openapi({ description: 'per field, the query terms that matched there (normalised: java, "front end", eng*)', example: { title: ['"software engineer"'], skill: ['java'] } }),
    fit: z.number().optional().openapi({ description: 'ranked searches: fit to the role 0-100' }),
    replyLikelihood: z.number().optional().openapi({ description: 'ranked searches: estimated reply chance in percent' }),
    priority: z.number().optional().openapi({ description: 'ranked searches: who to contact first, 0-100' }),
    why: explanationSchema.optional().openapi({ description: 'ranked searches: the explanation (summary, items, weights)' }),
  })
  .openapi('SearchResult');

export const searchResponseSchema = z
  .object({
    total: z.number().int(),
    results: z.array(searchResultSchema),
    nextCursor: z.string().nullable(),
    tookMs: z.number(),
  })
  .openapi('SearchResponse');

export const searchRoute = createRoute({
  method: 'post',
  path: '/api/search',
  tags: ['search'],
  summary: 'Boolean candidate search',
  description:
    'Recruiter Boolean syntax with field filters (docs/search.md). A syntax error is a 400 with code query_syntax and details.column (1-based).',
  request: { ...jsonBody(searchRequestSchema) },
  responses: {
    200: json(searchResponseSchema, 'The total and one page, best first'),
    ...errorResponses,
  },
});

export const searchFieldSchema = z
  .object({
    name: z.enum(searchFieldNames as [string, ...string[]]).openapi({ description: 'what a recruiter types before the colon: title:engineer' }),
    description: z.string(),
  })
  .openapi('SearchField');

export const getSearchFieldsRoute = createRoute({
  method: 'get',
  path: '/api/search/fields',
  tags: ['search'],
  summary: "The query language's fields (field:term), for query boxes and their suggestions",
  responses: {
    200: json(z.object({ fields: z.array(searchFieldSchema) }), 'Every field, in the order of the spec'),
    ...errorResponses,
  },
});
