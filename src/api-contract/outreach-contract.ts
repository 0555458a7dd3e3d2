import { createRoute, z } from '@hono/zod-openapi';
import { fromDomain } from './domain-schema.ts';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { lintFindingSchema } from './lint-finding-schema.ts';
import { seatOutlookSchema } from './seat-outlook-schema.ts';
import { channelSchema } from '../core/channel.ts';
import { campaignInputSchema, campaignSourceSchema, campaignStatuses } from '../outreach/campaigns/campaign.ts';
import { sequenceSchema } from '../outreach/campaigns/sequence-step.ts';
import { executorRoutingSchema } from '../outreach/delivery/executor-registry.ts';
import { outcomeReportSchema } from '../outreach/enrollment/outcome-report.ts';
import { suppressionInputSchema, suppressionReasons } from '../outreach/enrollment/suppression.ts';
import { pacingRulesSchema } from '../outreach/planning/pacing-rules.ts';
import { messageRoleSchema } from '../messages/message-role.ts';
import { roleProfileSchema } from '../ranking/role-profile.ts';

/** Outreach routes: /api/campaigns, /api/suppressions, /api/tasks, /api/outcomes, /api/outreach (handlers: src/api/routes/outreach-routes.ts). */

/** A campaign as stored (src/outreach/campaigns/campaign.ts), built from the domain's own schemas. */
export const campaignSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    roleId: z.string().nullable(),
    role: roleProfileSchema.nullable().openapi({ description: 'the inline role profile the campaign ranks against (null: a saved role, roleId, or none)' }),
    messageRole: messageRoleSchema.nullable().openapi({ description: 'what messages say about the role (title, company, skills, pitch)' }),
    status: z.enum(campaignStatuses),
    sequence: sequenceSchema,
    seatIds: z.array(z.string()),
    executors: executorRoutingSchema,
    source: campaignSourceSchema,
    createdAt: z.string(),
    launchedAt: z.string().nullable(),
    updatedAt: z.string(),
    enrollments: z.number(),
    byState: z.record(z.string(), z.number()),
    actions: z.record(z.string(), z.number()),
  })
  .openapi('Campaign');

export const taskSchema = z
  .object({
    actionId: z.string(),
    campaignId: z.string(),
    campaignName: z.string(),
    seatId: z.string(),
    candidateId: z.number(),
    candidateName: z.string(),
    channel: channelSchema,
    stepKey: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    withNote: z.boolean(),
    profileUrl: z.string().nullable(),
    email: z.string().nullable(),
    dueAt: z.string(),
    /** the template variant of the text (null without variants) */
    variant: z.string().nullable(),
    /** lint findings on the text, stored when it was queued (warnings only: texts with errors are never queued) */
    lint: z.array(lintFindingSchema),
  })
  .openapi('Task');

export const suppressionSchema = z
  .object({
    id: z.number(),
    candidateId: z.number().nullable(),
    email: z.string().nullable(),
    profileUrl: z.string().nullable(),
    reason: z.enum(suppressionReasons),
    note: z.string(),
    createdAt: z.string(),
    keyHash: z.string().nullable().optional().openapi({ description: "an erased person's hashed email or profile URL: the entry's only key then" }),
  })
  .openapi('Suppression');

export const pacingSchema = fromDomain(pacingRulesSchema).openapi('PacingRules');

const idParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
const stepsSchema = z.object({ steps: sequenceSchema });

export const listCampaignsRoute = createRoute({ method: 'get', path: '/api/campaigns', tags: ['outreach'], summary: 'List campaigns', responses: answers(z.object({ campaigns: z.array(campaignSchema) }), 'Campaigns') });

export const createCampaignRoute = createRoute({
  method: 'post',
  path: '/api/campaigns',
  tags: ['outreach'],
  summary: 'Create a campaign (candidates from a search, a list of ids or a file of ids; the default sequence unless given)',
  request: { ...jsonBody(campaignInputSchema.and(z.object({ launch: z.boolean().default(false) }))) },
  responses: { 201: json(campaignSchema, 'The campaign'), ...errorResponses },
});

export const defaultSequenceRoute = createRoute({
  method: 'get',
  path: '/api/campaigns/default-sequence',
  tags: ['outreach'],
  summary: 'The default sequence (the framework of spec section 6) a campaign gets when it names none',
  responses: answers(stepsSchema, 'The steps'),
});

export const getCampaignRoute = createRoute({ method: 'get', path: '/api/campaigns/{id}', tags: ['outreach'], summary: 'Show a campaign', request: { params: idParam }, responses: answers(campaignSchema, 'The campaign') });

const statusRoute = <V extends 'launch' | 'pause' | 'stop'>(verb: V, summary: string) =>
  createRoute({ method: 'post', path: `/api/campaigns/{id}/${verb}`, tags: ['outreach'], summary, request: { params: idParam }, responses: answers(campaignSchema, 'The campaign') });
export const launchCampaignRoute = statusRoute('launch', 'Launch a campaign');
export const pauseCampaignRoute = statusRoute('pause', 'Pause a campaign');
export const stopCampaignRoute = statusRoute('stop', 'Stop a campaign');

export const getCampaignStepsRoute = createRoute({ method: 'get', path: '/api/campaigns/{id}/steps', tags: ['outreach'], summary: "A campaign's sequence", request: { params: idParam }, responses: answers(stepsSchema, 'The steps') });

export const putCampaignStepsRoute = createRoute({
  method: 'put',
  path: '/api/campaigns/{id}/steps',
  tags: ['outreach'],
  summary: 'Replace the sequence (steps a candidate already reached cannot change: 409 conflict)',
  request: { params: idParam, ...jsonBody(z.object({ steps: sequenceSchema })) },
  responses: answers(stepsSchema, 'The steps'),
});

export const listSuppressionsRoute = createRoute({ method: 'get', path: '/api/suppressions', tags: ['outreach'], summary: 'The suppression list', responses: answers(z.object({ suppressions: z.array(suppressionSchema) }), 'Suppressions') });

export const addSuppressionRoute = createRoute({
  method: 'post',
  path: '/api/suppressions',
  tags: ['outreach'],
  summary: 'Suppress a person in every campaign (stops their active enrollments)',
  request: { ...jsonBody(suppressionInputSchema) },
  responses: { 201: json(z.object({ entry: suppressionSchema, stoppedEnrollments: z.array(z.string()) }), 'Added'), ...errorResponses },
});

export const removeSuppressionRoute = createRoute({
  method: 'delete',
  path: '/api/suppressions/{id}',
  tags: ['outreach'],
  summary: 'Remove a suppression',
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: answers(z.object({ deleted: z.number() }), 'Removed'),
});

export const listTasksRoute = createRoute({
  method: 'get',
  path: '/api/tasks',
  tags: ['outreach'],
  summary: "The task queue: due LinkedIn actions waiting for the recruiter (a recruiter sees only their own seats' tasks; admins, owners and viewers see all)",
  request: { query: z.object({ seat: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
  // seats: per seat the caps left and what comes next (src/outreach/planning/seat-outlook-store.ts)
  responses: answers(z.object({ tasks: z.array(taskSchema), seats: z.array(seatOutlookSchema) }), 'Tasks'),
});

const taskAnswerRoute = <V extends 'done' | 'skip' | 'fail'>(verb: V, outcome: string) =>
  createRoute({
    method: 'post',
    path: `/api/tasks/{id}/${verb}`,
    tags: ['outreach'],
    summary: `Mark a task ${outcome}`,
    request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ message: z.string().max(500).default('') }) } }, required: false } },
    responses: answers(z.object({ actionId: z.string(), status: z.string() }), 'The task'),
  });
export const taskDoneRoute = taskAnswerRoute('done', 'done');
export const taskSkipRoute = taskAnswerRoute('skip', 'skipped');
export const taskFailRoute = taskAnswerRoute('fail', 'failed');

export const getPacingRoute = createRoute({ method: 'get', path: '/api/outreach/pacing', tags: ['outreach'], summary: "The workspace's pacing rules (spec 4), defaults filled in", responses: answers(pacingSchema, 'Pacing rules') });

export const putPacingRoute = createRoute({
  method: 'put',
  path: '/api/outreach/pacing',
  tags: ['outreach'],
  summary: "Set the workspace's pacing rules (withdrawal age, pending limit, re-invite block, note quota, daily limits, weekday weights); rules left out take their defaults",
  request: { ...jsonBody(pacingRulesSchema.partial().strict()) },
  responses: answers(pacingSchema, 'The rules in force'),
});

export const pauseSeatRoute = createRoute({
  method: 'post',
  path: '/api/outreach/seats/{id}/pause',
  tags: ['outreach'],
  summary: 'A limit was reported: pause the seat for the rest of its local day',
  request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().max(500).default('limit reported') }) } }, required: false } },
  responses: answers(z.object({ seatId: z.string(), pausedOn: z.string() }), 'Paused'),
});

export const reportOutcomeRoute = createRoute({
  method: 'post',
  path: '/api/outcomes',
  tags: ['outreach'],
  summary: 'Report an outcome (accepted, replied, bounced, declined_invitation): advances the state machine, a reply stops the sequence, an InMail reply refunds',
  request: { ...jsonBody(outcomeReportSchema) },
  responses: {
    200: json(
      z.object({
        outcomeId: z.number(),
        id: z.string().openapi({ description: "the outcome's id (given, or derived from its content)" }),
        duplicate: z.boolean().openapi({ description: 'the id had been applied before: nothing changed this time' }),
        candidateId: z.number(),
        kind: z.string(),
        changes: z.array(z.object({ enrollmentId: z.string(), event: z.string(), from: z.string(), to: z.string(), applied: z.boolean() })),
        refunds: z.array(z.object({ seatId: z.string(), refunded: z.boolean() })),
        cancelledActions: z.number(),
        learned: z.boolean(),
      }),
      'What changed',
    ),
    ...errorResponses,
  },
});
