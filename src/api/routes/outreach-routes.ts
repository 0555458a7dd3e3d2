import type { Context } from 'hono';
import type { AppEnv, ScoutlineApp } from '../app-env.ts';
import { completeTask, pauseSeatForToday } from '../../outreach/delivery/action-store.ts';
import { applyOutcome } from '../../outreach/enrollment/apply-outcome-store.ts';
import { createCampaignFromRequest } from '../../outreach/campaigns/create-campaign-store.ts';
import { getCampaign, listCampaigns, setCampaignStatus, updateCampaignSequence } from '../../outreach/campaigns/campaign-store.ts';
import { defaultSequence } from '../../outreach/campaigns/default-sequence.ts';
import { loadPacingRules, savePacingRules } from '../../outreach/planning/pacing-settings-store.ts';
import { addSuppression, listSuppressions, removeSuppression } from '../../outreach/enrollment/suppression-store.ts';
import { listTasks } from '../../outreach/delivery/task-queue-store.ts';
import { seatOutlooks } from '../../outreach/planning/seat-outlook-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { seesOnlyOwnSeats } from '../../access/seat-access.ts';
import { ownSeatIds, requireWorkableSeats } from '../../seats/seat-work-guard.ts';
import { getSeat } from '../../seats/seat-store.ts';
import { requireWorkableCampaign, requireWorkableTask } from '../../outreach/campaigns/campaign-work-guard-store.ts';
import type { CampaignStatus } from '../../outreach/campaigns/campaign.ts';
import {
  addSuppressionRoute,
  createCampaignRoute,
  defaultSequenceRoute,
  getCampaignRoute,
  getCampaignStepsRoute,
  getPacingRoute,
  launchCampaignRoute,
  listCampaignsRoute,
  listSuppressionsRoute,
  listTasksRoute,
  pauseCampaignRoute,
  pauseSeatRoute,
  putCampaignStepsRoute,
  putPacingRoute,
  removeSuppressionRoute,
  reportOutcomeRoute,
  stopCampaignRoute,
  taskDoneRoute,
  taskFailRoute,
  taskSkipRoute,
} from '../../api-contract/outreach-contract.ts';

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

/** Outreach routes: /api/campaigns, /api/suppressions, /api/tasks, /api/outcomes. Thin over src/outreach; definitions in src/api-contract/outreach-contract.ts. */
export function registerOutreachRoutes(app: ScoutlineApp): void {
  app.openapi(listCampaignsRoute, async (c) => c.json({ campaigns: await listCampaigns(c.get('store'), c.get('workspaceId')) }, 200));

  app.openapi(createCampaignRoute, async (c) => {
    const body = c.req.valid('json');
    await requireWorkableSeats(c.get('store'), c.get('workspaceId'), callerOf(c), body.seatIds);
    const created = await createCampaignFromRequest(c.get('store'), c.get('workspaceId'), body, {
      inTransaction: (trx, cmp) =>
        auditRequest(c, { action: 'campaign_created', target: `campaign:${cmp.id}`, details: { seatIds: body.seatIds, source: body.source.kind, candidates: cmp.enrolled } }, trx),
    });
    // launched here rather than by createCampaignFromRequest, so the launch has its own audit entry with the campaign's id
    const out = body.launch ? await setCampaignStatus(c.get('store'), c.get('workspaceId'), created.id, 'running', new Date().toISOString(), auditStatusChange(c, created.id)) : created;
    return c.json(out, 201);
  });

  // before /api/campaigns/{id}, which would take default-sequence for an id
  app.openapi(defaultSequenceRoute, (c) => c.json({ steps: defaultSequence }, 200));

  app.openapi(getCampaignRoute, async (c) => c.json(await getCampaign(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200));

  for (const [route, to] of [
    [launchCampaignRoute, 'running'],
    [pauseCampaignRoute, 'paused'],
    [stopCampaignRoute, 'stopped'],
  ] as const) {
    app.openapi(route, async (c) => {
      const { id } = c.req.valid('param');
      await requireWorkableCampaign(c.get('store'), c.get('workspaceId'), callerOf(c), id);
      return c.json(await setCampaignStatus(c.get('store'), c.get('workspaceId'), id, to, new Date().toISOString(), auditStatusChange(c, id)), 200);
    });
  }

  app.openapi(getCampaignStepsRoute, async (c) => c.json({ steps: (await getCampaign(c.get('store'), c.get('workspaceId'), c.req.valid('param').id)).sequence }, 200));

  app.openapi(putCampaignStepsRoute, async (c) => {
    const { id } = c.req.valid('param');
    await requireWorkableCampaign(c.get('store'), c.get('workspaceId'), callerOf(c), id);
    return c.json({ steps: (await updateCampaignSequence(c.get('store'), c.get('workspaceId'), id, c.req.valid('json').steps)).sequence }, 200);
  });

  app.openapi(listSuppressionsRoute, async (c) => c.json({ suppressions: await listSuppressions(c.get('store'), c.get('workspaceId')) }, 200));

  app.openapi(addSuppressionRoute, async (c) => c.json(await addSuppression(c.get('store'), c.get('workspaceId'), c.req.valid('json')), 201));

  app.openapi(removeSuppressionRoute, async (c) => {
    const { id } = c.req.valid('param');
    await removeSuppression(c.get('store'), c.get('workspaceId'), id);
    return c.json({ deleted: id }, 200);
  });

  app.openapi(listTasksRoute, async (c) => {
    const q = c.req.valid('query');
    const store = c.get('store');
    const ws = c.get('workspaceId');
    const caller = callerOf(c);
    let seatIds: string[] | undefined;
    if (q.seat) await requireWorkableSeatsToRead(c, q.seat);
    else if (seesOnlyOwnSeats(caller)) seatIds = await ownSeatIds(store, ws, caller.userId);
    const tasks = await listTasks(store, ws, { seatId: q.seat, seatIds, limit: q.limit });
    return c.json({ tasks, seats: await seatOutlooks(store, ws, { seatId: q.seat, seatIds }) }, 200);
  });

  for (const [route, outcome] of [
    [taskDoneRoute, 'done'],
    [taskSkipRoute, 'skipped'],
    [taskFailRoute, 'failed'],
  ] as const) {
    app.openapi(route, async (c) => {
      // the body is optional: a bare POST marks the task without a message
      const body = (await c.req.json().catch(() => ({}))) as { message?: string };
      const { id } = c.req.valid('param');
      const store = c.get('store');
      const caller = callerOf(c);
      await requireWorkableTask(store, c.get('workspaceId'), caller, id);
      const row = await completeTask(store, c.get('workspaceId'), id, outcome, new Date().toISOString(), body.message ?? '', { recordedBy: caller.userId });
      return c.json({ actionId: row.id, status: row.status }, 200);
    });
  }

  app.openapi(getPacingRoute, async (c) => c.json(await loadPacingRules(c.get('store').db, c.get('workspaceId')), 200));
  app.openapi(putPacingRoute, async (c) => {
    const rules = c.req.valid('json');
    return c.json(
      await savePacingRules(c.get('store'), c.get('workspaceId'), rules, {
        inTransaction: (trx) => auditRequest(c, { action: 'settings_changed', target: 'outreach.pacing', details: { rules } }, trx),
      }),
      200,
    );
  });

  app.openapi(pauseSeatRoute, async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { reason?: string };
    const { id } = c.req.valid('param');
    await requireWorkableSeats(c.get('store'), c.get('workspaceId'), callerOf(c), [id]);
    return c.json(await pauseSeatForToday(c.get('store'), c.get('workspaceId'), id, body.reason ?? 'limit reported'), 200);
  });

  app.openapi(reportOutcomeRoute, async (c) => c.json(await applyOutcome(c.get('store'), c.get('workspaceId'), c.req.valid('json')), 200));
}
