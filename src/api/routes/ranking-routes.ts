import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { AppError } from '../../core/app-error.ts';
import { rankSorts } from '../../ranking/candidate-score.ts';
import { extractCriteria } from '../../ranking/extract-criteria.ts';
import { recordFeedback, recordOutcomeForLearning } from '../../ranking/learn-from-outcomes.ts';
import { feedbackVerdicts, outreachOutcomes } from '../../ranking/ranking-model.ts';
import { countExamples, deleteRole, getRole, listRoles, loadRankingModel, saveRole } from '../../ranking/ranking-store.ts';
import { roleProfileSchema } from '../../ranking/role-profile.ts';
import { weightsStatement } from '../../ranking/explain.ts';
import { runSearch } from '../../search-request/run-search.ts';

const explanationSchema = z
  .object({
    summary: z.string(),
    items: z.array(z.object({ kind: z.enum(['fit', 'reply']), signal: z.string(), contribution: z.number(), text: z.string() })),
    weights: z.string(),
  })
  .openapi('RankExplanation');

export const rankedCandidateSchema = z
  .object({
    candidateId: z.number().int(),
    name: z.string(),
    headline: z.string(),
    location: z.string(),
    openProfile: z.boolean(),
    profileUrl: z.string().nullable(),
    fit: z.number().openapi({ description: 'how well the profile fits the role, 0-100' }),
    replyLikelihood: z.number().openapi({ description: 'estimated chance of a reply to outreach, in percent' }),
    priority: z.number().openapi({ description: 'who to contact first, 0-100: fit and reply chance combined' }),
    relevance: z.number().nullable().openapi({ description: 'BM25 text relevance normalised to the best match (0-1)' }),
    why: explanationSchema.optional(),
    signals: z.object({ fit: z.record(z.string(), z.number()), reply: z.record(z.string(), z.number()) }),
  })
  .openapi('RankedCandidate');

const rankResultSchema = z
  .object({
    role: z.object({ id: z.string().nullable(), name: z.string(), query: z.string(), inferred: z.array(z.string()) }),
    total: z.number().int(),
    considered: z.number().int(),
    sort: z.enum(rankSorts),
    weights: z.string(),
    results: z.array(rankedCandidateSchema),
  })
  .openapi('RankResult');

const savedRoleSchema = z.object({ id: z.string() }).passthrough().openapi('Role');

const rankBodySchema = z
  .object({
    role: roleProfileSchema.optional().openapi({ description: 'an inline role (ROLE.json format)' }),
    roleId: z.string().optional().openapi({ description: 'or the id of a saved role' }),
    seatId: z.string().optional().openapi({ description: 'the seat that will reach out (shared employer/school signals)' }),
    sort: z.enum(rankSorts).default('priority'),
    limit: z.number().int().min(1).max(1000).default(25),
    offset: z.number().int().min(0).default(0),
    considered: z.number().int().min(1).max(10_000).default(1000),
  })
  .openapi('RankRequest');

const roleIdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'backend-go' }) });
const candidateIdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

const learningStateSchema = z
  .object({
    weights: z.string(),
    examples: z.object({ feedback: z.number().int(), outcome: z.number().int() }),
    fitWeights: z.record(z.string(), z.number()),
    reply: z.object({ intercept: z.number(), coefficients: z.record(z.string(), z.number()) }),
  })
  .openapi('RankingModel');

export function registerRankingRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rank',
      tags: ['ranking'],
      summary: 'Rank the matches of a role by priority (fit and reply likelihood), with explanations',
      request: { body: { content: { 'application/json': { schema: rankBodySchema } }, required: true } },
      responses: { 200: { content: { 'application/json': { schema: rankResultSchema } }, description: 'Ranked candidates' }, ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const store = c.get('store');
      const ws = c.get('workspaceId');
      if (!body.role && !body.roleId) throw new AppError('invalid_input', 'give either role (inline) or roleId (saved role)');
      // the role's own query is the search: the one search entry point ranks it (src/search-request)
      const role = body.role ?? (await getRole(store, ws, body.roleId!));
      const { considered, sort, limit, offset, seatId } = body;
      const found = await runSearch(store, ws, { query: role.query, role, sort, limit, offset, considered, seatId });
      if (found.kind !== 'rank') throw new Error('unreachable: a request with a role ranks');
      return c.json(found.ranking, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/roles',
      tags: ['ranking'],
      summary: 'Save a role (create, or replace the role with the same id)',
      request: { body: { content: { 'application/json': { schema: roleProfileSchema } }, required: true } },
      responses: { 200: { content: { 'application/json': { schema: savedRoleSchema } }, description: 'The saved role' }, ...errorResponses },
    }),
    async (c) => c.json(await saveRole(c.get('store'), c.get('workspaceId'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/roles',
      tags: ['ranking'],
      summary: 'List saved roles',
      responses: { 200: { content: { 'application/json': { schema: z.object({ roles: z.array(savedRoleSchema) }) } }, description: 'Saved roles' }, ...errorResponses },
    }),
    async (c) => c.json({ roles: await listRoles(c.get('store'), c.get('workspaceId')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/roles/{id}',
      tags: ['ranking'],
      summary: 'Show a saved role',
      request: { params: roleIdParam },
      responses: { 200: { content: { 'application/json': { schema: savedRoleSchema } }, description: 'The role' }, ...errorResponses },
    }),
    async (c) => c.json(await getRole(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/roles/{id}',
      tags: ['ranking'],
      summary: 'Delete a saved role',
      request: { params: roleIdParam },
      responses: { 200: { content: { 'application/json': { schema: z.object({ deleted: z.string() }) } }, description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await deleteRole(c.get('store'), c.get('workspaceId'), id);
      return c.json({ deleted: id }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/roles/extract',
      tags: ['ranking'],
      summary: 'Extract role criteria (title, skills, seniority, location) from a job description',
      request: { body: { content: { 'application/json': { schema: z.object({ jobDescription: z.string().min(1).max(50_000) }) } }, required: true } },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
                titles: z.array(z.string()),
                mustHaveSkills: z.array(z.string()),
                niceToHaveSkills: z.array(z.string()),
                seniority: z.object({ min: z.string().optional(), max: z.string().optional() }).nullable(),
                yearsOfExperience: z.object({ min: z.number().optional(), max: z.number().optional() }).nullable(),
                locations: z.array(z.string()),
                timeZones: z.array(z.string()),
                remote: z.boolean(),
              }),
            },
          },
          description: 'Extracted criteria',
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(extractCriteria(c.req.valid('json').jobDescription), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/candidates/{id}/feedback',
      tags: ['ranking'],
      summary: "Record a recruiter's verdict on a candidate for a role; the workspace model learns from it",
      request: {
        params: candidateIdParam,
        body: {
          content: { 'application/json': { schema: z.object({ roleId: z.string().min(1), verdict: z.enum(feedbackVerdicts), relevance: z.number().min(0).max(1).nullable().optional() }) } },
          required: true,
        },
      },
      responses: { 200: { content: { 'application/json': { schema: z.object({ recorded: z.boolean(), weights: z.string() }) } }, description: 'Recorded' }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const model = await recordFeedback(c.get('store'), c.get('workspaceId'), { candidateId: id, roleId: body.roleId, verdict: body.verdict, relevance: body.relevance ?? null });
      return c.json({ recorded: true, weights: weightsStatement(model.info) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/ranking/outcomes',
      tags: ['ranking'],
      summary: 'Record an outreach outcome (accepted, replied, ignored) for learning',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ candidateId: z.number().int().positive(), roleId: z.string().nullable().optional(), seatId: z.string().nullable().optional(), outcome: z.enum(outreachOutcomes) }) } },
          required: true,
        },
      },
      responses: { 200: { content: { 'application/json': { schema: z.object({ recorded: z.boolean(), weights: z.string() }) } }, description: 'Recorded' }, ...errorResponses },
    }),
    async (c) => {
      const model = await recordOutcomeForLearning(c.get('store'), c.get('workspaceId'), c.req.valid('json'));
      return c.json({ recorded: true, weights: weightsStatement(model.info) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ranking/model',
      tags: ['ranking'],
      summary: "The workspace's ranking weights: priors, or learned from feedback and outcomes",
      responses: { 200: { content: { 'application/json': { schema: learningStateSchema } }, description: 'Weights' }, ...errorResponses },
    }),
    async (c) => {
      const store = c.get('store');
      const ws = c.get('workspaceId');
      const model = await loadRankingModel(store, ws);
      return c.json({ weights: weightsStatement(model.info), examples: await countExamples(store, ws), fitWeights: model.fitWeights, reply: model.reply }, 200);
    },
  );
}
