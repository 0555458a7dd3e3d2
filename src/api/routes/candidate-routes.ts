import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../error-response.ts';
import { candidateInputSchema } from '../../candidates/candidate.ts';
import { deleteCandidate, getCandidate, listCandidates, normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';

const candidateSchema = z
  .object({
    id: z.number().int(),
    workspaceId: z.string(),
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    headline: z.string(),
    summary: z.string(),
    location: z.object({ city: z.string(), region: z.string(), country: z.string(), timeZone: z.string() }),
    positions: z.array(z.object({ title: z.string(), company: z.string(), start: z.string().nullable(), end: z.string().nullable(), description: z.string(), location: z.string() })),
    education: z.array(z.object({ school: z.string(), degree: z.string(), field: z.string(), start: z.string().nullable(), end: z.string().nullable() })),
    skills: z.array(z.string()),
    profileUrl: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    linkedin: z.object({
      openProfile: z.boolean(),
      openToWork: z.boolean(),
      premium: z.boolean(),
      degree: z.number().nullable(),
      mutualConnections: z.number(),
      lastActive: z.string().nullable(),
    }),
    tags: z.array(z.string()),
    source: z.string(),
    importedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Candidate');

const idParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

export function registerCandidateRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates',
      tags: ['candidates'],
      summary: 'List candidates',
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
          openProfile: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: {
        200: { content: { 'application/json': { schema: z.object({ total: z.number(), candidates: z.array(candidateSchema) }) } }, description: 'A page of candidates' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listCandidates(c.get('store'), c.get('workspaceId'), {
        limit: q.limit,
        offset: q.offset,
        openProfile: q.openProfile === undefined ? undefined : q.openProfile === 'true',
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates/{id}',
      tags: ['candidates'],
      summary: 'Show one candidate',
      request: { params: idParam },
      responses: { 200: { content: { 'application/json': { schema: candidateSchema } }, description: 'The candidate' }, ...errorResponses },
    }),
    async (c) => c.json(await getCandidate(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/candidates',
      tags: ['candidates'],
      summary: 'Create or merge candidates (dedupe by profile URL, then email)',
      request: {
        body: { content: { 'application/json': { schema: z.object({ candidates: z.array(candidateInputSchema).min(1).max(1000) }) } }, required: true },
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({ results: z.array(z.object({ id: z.number(), outcome: z.enum(['imported', 'updated', 'unchanged']) })) }),
            },
          },
          description: 'What happened to each input',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const res = await upsertCandidates(c.get('store'), c.get('workspaceId'), body.candidates.map(normaliseCandidateInput));
      return c.json({ results: res.outcomes.map((o) => ({ id: o.id, outcome: o.outcome })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/candidates/{id}',
      tags: ['candidates'],
      summary: 'Delete a candidate',
      request: { params: idParam },
      responses: { 200: { content: { 'application/json': { schema: z.object({ deleted: z.number() }) } }, description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await deleteCandidate(c.get('store'), c.get('workspaceId'), id);
      return c.json({ deleted: id }, 200);
    },
  );
}
