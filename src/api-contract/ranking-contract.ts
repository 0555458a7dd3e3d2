import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { explanationSchema } from './explanation-schema.ts';
import { rankSorts } from '../ranking/candidate-score.ts';
import { feedbackVerdicts, outreachOutcomes } from '../ranking/ranking-model.ts';
import { roleProfileSchema } from '../ranking/role-profile.ts';

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

export const rankResultSchema = z
  .object({
    role: z.object({ id: z.string().nullable(), name: z.string(), query: z.string(), inferred: z.array(z.string()) }),
    total: z.number().int(),
    considered: z.number().int(),
    sort: z.enum(rankSorts),
    weights: z.string(),
    results: z.array(rankedCandidateSchema),
  })
  .openapi('RankResult');

/** A saved role: the role profile with its criteria filled in, and its id. */
export const savedRoleSchema = z.object({ ...roleProfileSchema.shape, id: z.string() }).openapi('Role');

export const rankBodySchema = z
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

export const roleIdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'backend-go' }) });
export const candidateIdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

export const learningStateSchema = z
  .object({
    weights: z.string(),
    examples: z.object({ feedback: z.number().int(), outcome: z.number().int() }),
    fitWeights: z.record(z.string(), z.number()),
    reply: z.object({ intercept: z.number(), coefficients: z.record(z.string(), z.number()) }),
  })
  .openapi('RankingModel');

export const postRankRoute = createRoute({
  method: 'post',
  path: '/api/rank',
  tags: ['ranking'],
  summary: 'Rank the matches of a role by priority (fit and reply likelihood), with explanations',
  request: { ...jsonBody(rankBodySchema) },
  responses: answers(rankResultSchema, 'Ranked candidates'),
});

export const postRolesRoute = createRoute({
  method: 'post',
  path: '/api/roles',
  tags: ['ranking'],
  summary: 'Save a role (create, or replace the role with the same id)',
  request: { ...jsonBody(roleProfileSchema) },
  responses: answers(savedRoleSchema, 'The saved role'),
});

export const getRolesRoute = createRoute({
  method: 'get',
  path: '/api/roles',
  tags: ['ranking'],
  summary: 'List saved roles',
  responses: answers(z.object({ roles: z.array(savedRoleSchema) }), 'Saved roles'),
});

export const getRolesByIdRoute = createRoute({
  method: 'get',
  path: '/api/roles/{id}',
  tags: ['ranking'],
  summary: 'Show a saved role',
  request: { params: roleIdParam },
  responses: answers(savedRoleSchema, 'The role'),
});

export const deleteRolesByIdRoute = createRoute({
  method: 'delete',
  path: '/api/roles/{id}',
  tags: ['ranking'],
  summary: 'Delete a saved role',
  request: { params: roleIdParam },
  responses: answers(z.object({ deleted: z.string() }), 'Deleted'),
});

export const postRolesExtractRoute = createRoute({
  method: 'post',
  path: '/api/roles/extract',
  tags: ['ranking'],
  summary: 'Extract role criteria (title, skills, seniority, location) from a job description',
  request: { ...jsonBody(z.object({ jobDescription: z.string().min(1).max(50_000) })) },
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
});

export const postCandidatesByIdFeedbackRoute = createRoute({
  method: 'post',
  path: '/api/candidates/{id}/feedback',
  tags: ['ranking'],
  summary: "Record a recruiter's verdict on a candidate for a role; the workspace model learns from it",
  request: {
    params: candidateIdParam,
    ...jsonBody(
      z.object({
        roleId: z.string().min(1).optional().openapi({ description: 'a saved role' }),
        query: z.string().min(1).max(4000).optional().openapi({ description: 'or, for a plain search, its query: the verdict is learned for it and no role is saved' }),
        verdict: z.enum(feedbackVerdicts),
        relevance: z.number().min(0).max(1).nullable().optional(),
      }),
    ),
  },
  responses: answers(z.object({ recorded: z.boolean(), weights: z.string() }), 'Recorded'),
});

export const postRankingOutcomesRoute = createRoute({
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
  responses: answers(z.object({ recorded: z.boolean(), weights: z.string() }), 'Recorded'),
});

export const getRankingModelRoute = createRoute({
  method: 'get',
  path: '/api/ranking/model',
  tags: ['ranking'],
  summary: "The workspace's ranking weights: priors, or learned from feedback and outcomes",
  responses: answers(learningStateSchema, 'Weights'),
});
