import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { completeTask, pauseSeatForToday } from '../../outreach/delivery/action-store.ts';
import { applyOutcome, outcomeReportSchema } from '../../outreach/enrollment/apply-outcome-store.ts';
import { campaignInputSchema } from '../../outreach/campaigns/campaign.ts';
import { createCampaignFromRequest } from '../../outreach/campaigns/create-campaign-store.ts';
import { getCampaign, listCampaigns, setCampaignStatus, updateCampaignSequence } from '../../outreach/campaigns/campaign-store.ts';
import type { OutcomeReport } from '../../outreach/delivery/executor.ts';
import { pacingRulesSchema } from '../../outreach/planning/pacing-rules.ts';
import { loadPacingRules, savePacingRules } from '../../outreach/planning/pacing-settings-store.ts';
import { sequenceSchema } from '../../outreach/campaigns/sequence-step.ts';
import { suppressionInputSchema } from '../../outreach/enrollment/suppression.ts';
import { addSuppression, listSuppressions, removeSuppression } from '../../outreach/enrollment/suppression-store.ts';
import { listTasks } from '../../outreach/delivery/task-queue-store.ts';
import { seatOutlooks } from '../../outreach/planning/seat-outlook-store.ts';
import { seatOutlookSchema } from './seat-outlook-schema.ts';
import { lintFindingSchema } from './lint-finding-schema.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { seesOnlyOwnSeats } from '../../access/seat-access.ts';
import { ownSeatIds, requireWorkableSeats } from '../../seats/seat-work-guard.ts';
import { getSeat } from '../../seats/seat-store.ts';
import { requireWorkableCampaign, requireWorkableTask } from '../../outreach/campaigns/campaign-work-guard-store.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { CampaignStatus } from '../../outreach/campaigns/campaign.ts';

/** GET /api/tasks?seat=: a seat of the workspace (not_found otherwise), and for a recruiter one of their own. */
async function requireWorkableSeatsToRead(c: Context<AppEnv>, seatId: string): Promise<void> {
  const caller = callerOf(c);
  if (seesOnlyOwnSeats(caller)) await requireWorkableSeats(c.get('store'), c.get('workspaceId'), caller, [seatId]);
  else await getSeat(c.get('store'), c.get('workspaceId'), seatId);
}


const statusAction = { running: 'campaign_launched', paused: 'campaign_paused', stopped: 'campaign_stopped' } as const;

function auditStatusChange(c: Context<AppEnv>, campaignId: string) {
  return {
    inTransaction: (trx: Parameters<typeof auditRequest>[2], change: { from: CampaignStatus; to: CampaignStatus }) =>
      change.to === 'draft' ? Promise.resolve() : auditRequest(c, { action: statusAction[change.to], target: `campaign:${campaignId}`, details: { from: change.from, to: change.to } }, trx),
  };
}

/** Outreach routes: /api/campaigns, /api/suppressions, /api/tasks, /api/outcomes. Thin over src/outreach. */
const campaignSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    roleId: z.string().nullable(),
    role: z.unknown(),
    messageRole: z.unknown(),
    status: z.enum(['draft', 'running', 'paused', 'stopped']),
    sequence: z.array(z.unknown()),
    seatIds: z.array(z.string()),
    executors: z.record(z.string(), z.string()),
    source: z.unknown(),
    createdAt: z.string(),
    launchedAt: z.string().nullable(),
    updatedAt: z.string(),
    enrollments: z.number(),
    byState: z.record(z.string(), z.number()),
    actions: z.record(z.string(), z.number()),
  })
  .openapi('Campaign');

const taskSchema = z
  .object({
    actionId: z.string(),
    campaignId: z.string(),
    campaignName: z.string(),
    seatId: z.string(),
    candidateId: z.number(),
    candidateName: z.string(),
    channel: z.string(),
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

const suppressionSchema = z
  .object({ id: z.number(), candidateId: z.number().nullable(), email: z.string().nullable(), profileUrl: z.string().nullable(), reason: z.string(), note: z.string(), createdAt: z.string() })
  .openapi('Suppression');

const idParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

export function registerOutreachRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/campaigns', tags: ['outreach'], summary: 'List campaigns', responses: { 200: json(z.object({ campaigns: z.array(campaignSchema) }), 'Campaigns'), ...errorResponses } }),
    async (c) => c.json({ campaigns: (await listCampaigns(c.get("store"), c.get("workspaceId"))) as never[] }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns',
      tags: ['outreach'],
      summary: 'Create a campaign (candidates from a search, a list of ids or a file of ids; the default sequence unless given)',
      request: { body: { content: { 'application/json': { schema: campaignInputSchema.and(z.object({ launch: z.boolean().default(false) })) } }, required: true } },
      responses: { 201: json(campaignSchema, 'The campaign'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await requireWorkableSeats(c.get('store'), c.get('workspaceId'), callerOf(c), body.seatIds);
      const created = await createCampaignFromRequest(c.get('store'), c.get('workspaceId'), body, {
        inTransaction: (trx, cmp) =>
          auditRequest(c, { action: 'campaign_created', target: `campaign:${cmp.id}`, details: { seatIds: body.seatIds, source: body.source.kind, candidates: cmp.enrolled } }, trx),
      });
      // launched here rather than by createCampaignFromRequest, so the launch has its own audit entry with the campaign's id
      const out = body.launch ? await setCampaignStatus(c.get('store'), c.get('workspaceId'), created.id, 'running', new Date().toISOString(), auditStatusChange(c, created.id)) : created;
      return c.json(out as never, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/campaigns/{id}', tags: ['outreach'], summary: 'Show a campaign', request: { params: idParam }, responses: { 200: json(campaignSchema, 'The campaign'), ...errorResponses } }),
    async (c) => c.json((await getCampaign(c.get('store'), c.get('workspaceId'), c.req.valid('param').id)) as never, 200),
  );

  for (const [verb, to] of [
    ['launch', 'running'],
    ['pause', 'paused'],
    ['stop', 'stopped'],
  ] as const) {
    app.openapi(
      createRoute({ method: 'post', path: `/api/campaigns/{id}/${verb}`, tags: ['outreach'], summary: `${verb[0].toUpperCase()}${verb.slice(1)} a campaign`, request: { params: idParam }, responses: { 200: json(campaignSchema, 'The campaign'), ...errorResponses } }),
      async (c) => {
        const { id } = c.req.valid('param');
        await requireWorkableCampaign(c.get('store'), c.get('workspaceId'), callerOf(c), id);
        return c.json((await setCampaignStatus(c.get('store'), c.get('workspaceId'), id, to, new Date().toISOString(), auditStatusChange(c, id))) as never, 200);
      },
    );
  }

  app.openapi(
    createRoute({ method: 'get', path: '/api/campaigns/{id}/steps', tags: ['outreach'], summary: "A campaign's sequence", request: { params: idParam }, responses: { 200: json(z.object({ steps: z.array(z.unknown()) }), 'The steps'), ...errorResponses } }),
    async (c) => c.json({ steps: (await getCampaign(c.get('store'), c.get('workspaceId'), c.req.valid('param').id)).sequence }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/campaigns/{id}/steps',
      tags: ['outreach'],
      summary: 'Replace the sequence (steps a candidate already reached cannot change: 409 conflict)',
      request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ steps: sequenceSchema }) } }, required: true } },
      responses: { 200: json(z.object({ steps: z.array(z.unknown()) }), 'The steps'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireWorkableCampaign(c.get('store'), c.get('workspaceId'), callerOf(c), id);
      return c.json({ steps: (await updateCampaignSequence(c.get('store'), c.get('workspaceId'), id, c.req.valid('json').steps)).sequence }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/suppressions', tags: ['outreach'], summary: 'The suppression list', responses: { 200: json(z.object({ suppressions: z.array(suppressionSchema) }), 'Suppressions'), ...errorResponses } }),
    async (c) => c.json({ suppressions: await listSuppressions(c.get('store'), c.get('workspaceId')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/suppressions',
      tags: ['outreach'],
      summary: 'Suppress a person in every campaign (stops their active enrollments)',
      request: { body: { content: { 'application/json': { schema: suppressionInputSchema } }, required: true } },
      responses: { 201: json(z.object({ entry: suppressionSchema, stoppedEnrollments: z.array(z.string()) }), 'Added'), ...errorResponses },
    }),
    async (c) => c.json(await addSuppression(c.get('store'), c.get('workspaceId'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/suppressions/{id}',
      tags: ['outreach'],
      summary: 'Remove a suppression',
      request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: json(z.object({ deleted: z.number() }), 'Removed'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await removeSuppression(c.get('store'), c.get('workspaceId'), id);
      return c.json({ deleted: id }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks',
      tags: ['outreach'],
      summary: "The task queue: due LinkedIn actions waiting for the recruiter (a recruiter sees only their own seats' tasks; admins, owners and viewers see all)",
      request: { query: z.object({ seat: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
      // seats: per seat the caps left and what comes next (src/outreach/planning/seat-outlook-store.ts)
      responses: { 200: json(z.object({ tasks: z.array(taskSchema), seats: z.array(seatOutlookSchema) }), 'Tasks'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const store = c.get('store');
      const ws = c.get('workspaceId');
      const caller = callerOf(c);
      let seatIds: string[] | undefined;
      if (q.seat) await requireWorkableSeatsToRead(c, q.seat);
      else if (seesOnlyOwnSeats(caller)) seatIds = await ownSeatIds(store, ws, caller.userId);
      const tasks = await listTasks(store, ws, { seatId: q.seat, seatIds, limit: q.limit });
      return c.json({ tasks, seats: await seatOutlooks(store, ws, { seatId: q.seat, seatIds }) }, 200);
    },
  );

  for (const [verb, outcome] of [
    ['done', 'done'],
    ['skip', 'skipped'],
    ['fail', 'failed'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/tasks/{id}/${verb}`,
        tags: ['outreach'],
        summary: `Mark a task ${outcome}`,
        request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ message: z.string().max(500).default('') }) } }, required: false } },
        responses: { 200: json(z.object({ actionId: z.string(), status: z.string() }), 'The task'), ...errorResponses },
      }),
      async (c) => {
        const body = (await c.req.json().catch(() => ({}))) as { message?: string };
        const { id } = c.req.valid('param');
        const store = c.get('store');
        const caller = callerOf(c);
        await requireWorkableTask(store, c.get('workspaceId'), caller, id);
        const row = await completeTask(store, c.get('workspaceId'), id, outcome, new Date().toISOString(), body.message ?? '', { recordedBy: caller.userId });
        return c.json({ actionId: row.id, status: row.status }, 200);
      },
    );
  }

  const pacingSchema = pacingRulesSchema.openapi('PacingRules');
  app.openapi(
    createRoute({ method: 'get', path: '/api/outreach/pacing', tags: ['outreach'], summary: "The workspace's pacing rules (spec 4), defaults filled in", responses: { 200: json(pacingSchema, 'Pacing rules'), ...errorResponses } }),
    async (c) => c.json(await loadPacingRules(c.get('store').db, c.get('workspaceId')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/outreach/pacing',
      tags: ['outreach'],
      summary: "Set the workspace's pacing rules (withdrawal age, pending limit, re-invite block, note quota, daily limits, weekday weights); rules left out take their defaults",
      request: { body: { content: { 'application/json': { schema: pacingRulesSchema.partial().strict() } }, required: true } },
      responses: { 200: json(pacingSchema, 'The rules in force'), ...errorResponses },
    }),
    async (c) => {
      const rules = c.req.valid('json');
      return c.json(
        await savePacingRules(c.get('store'), c.get('workspaceId'), rules, {
          inTransaction: (trx) => auditRequest(c, { action: 'settings_changed', target: 'outreach.pacing', details: { rules } }, trx),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/outreach/seats/{id}/pause',
      tags: ['outreach'],
      summary: 'A limit was reported: pause the seat for the rest of its local day',
      request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().max(500).default('limit reported') }) } }, required: false } },
      responses: { 200: json(z.object({ seatId: z.string(), pausedOn: z.string() }), 'Paused'), ...errorResponses },
    }),
    async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { reason?: string };
      const { id } = c.req.valid('param');
      await requireWorkableSeats(c.get('store'), c.get('workspaceId'), callerOf(c), [id]);
      return c.json(await pauseSeatForToday(c.get('store'), c.get('workspaceId'), id, body.reason ?? 'limit reported'), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/outcomes',
      tags: ['outreach'],
      summary: 'Report an outcome (accepted, replied, bounced, declined_invitation): advances the state machine, a reply stops the sequence, an InMail reply refunds',
      request: { body: { content: { 'application/json': { schema: outcomeReportSchema } }, required: true } },
      responses: {
        200: json(
          z.object({
            outcomeId: z.number(),
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
    }),
    async (c) => c.json(await applyOutcome(c.get('store'), c.get('workspaceId'), c.req.valid('json') as OutcomeReport), 200),
  );
}
