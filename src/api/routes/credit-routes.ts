import type { Context } from 'hono';
import { AppError } from '../../core/app-error.ts';
import { zodIssuesToAppError, type IssueLike } from '../../core/zod-issues.ts';
import type { AppEnv, ScoutlineApp } from '../app-env.ts';
import {
  creditAdviceRoute,
  creditForecastRoute,
  creditPlansPutRoute,
  creditPlansRoute,
  creditSimulateRoute,
  creditTransferRoute,
  seatAssignRoute,
  seatCreateRoute,
  seatCreditCostRoute,
  seatCreditEventCreateRoute,
  seatCreditEventsRoute,
  seatCreditsRoute,
  seatsRoute,
} from '../../api-contract/credit-contract.ts';
import { forecastCredits } from '../../credits/credit-forecast.ts';
import { creditConfigFor, loadCreditOverrides, saveCreditOverrides } from '../../credits/credit-settings-store.ts';
import { simulateCredits } from '../../credits/credit-simulation.ts';
import { summarizeCredits } from '../../credits/credit-summary.ts';
import { effectiveCost } from '../../credits/effective-cost.ts';
import { ledgerStateAt } from '../../credits/ledger.ts';
import { ledgerEventText } from '../../credits/ledger-event-text.ts';
import { advisePlans } from '../../credits/plan-advisor.ts';
import { addSeatWithPlan, listSeatsWithCredits, recordCreditEvent, seatCreditState, transferCredits } from '../../credits/seat-credits.ts';
import type { LedgerEvent } from '../../credits/ledger-event.ts';
import { formatDay, parseDay, todayUtc } from '../../credits/utc-day.ts';
import { creditAuditEntry } from '../../credits/credit-audit-entry.ts';
import { listSeats, setSeatOwner } from '../../seats/seat-store.ts';
import { requireWorkableSeats } from '../../seats/seat-work-guard.ts';
import { auditRequest, callerOf } from '../request-audit.ts';

/** An event without the plan terms a subscribe or switch stores (each kind of event keeps its own fields). */
type ServedEvent = LedgerEvent extends infer E ? (E extends LedgerEvent ? Omit<E, 'terms'> : never) : never;

function stripTerms(e: LedgerEvent): ServedEvent {
  if (e.type === 'subscribe' || e.type === 'switch') {
    const { terms: _terms, ...rest } = e;
    return rest;
  }
  return e;
}

/**
 * A simulation body the route's schema refuses is refused by the domain's own
 * check instead, so the answer names the offending event (`details.index`),
 * as the CLI's does (docs/credits.md, "Simulation contract").
 */
async function refuseSimulation(c: Context<AppEnv>, target: string, issues: ReadonlyArray<IssueLike>): Promise<never> {
  if (target === 'json') simulateCredits(await c.req.json<unknown>(), await creditConfigFor(c.get('store').db, c.get('workspaceId')));
  throw zodIssuesToAppError(issues, target);
}

/** Seats and InMail credits: ledgers, recording, transfers, cost, forecast, plan advice, simulation, plan catalogue. */
export function registerCreditRoutes(app: ScoutlineApp): void {
  app.openapi(creditPlansRoute, async (c) => {
    const db = c.get('store').db;
    const config = await creditConfigFor(db, c.get('workspaceId'));
    return c.json({ plans: Object.values(config.plans), rules: config.rules, overrides: await loadCreditOverrides(db, c.get('workspaceId')) }, 200);
  });

  app.openapi(creditPlansPutRoute, async (c) => {
    const config = await saveCreditOverrides(c.get('store'), c.get('workspaceId'), c.req.valid('json'), {
      inTransaction: (trx, saved) =>
        auditRequest(c, { action: 'settings_changed', target: 'credits', details: { plans: Object.keys(saved.plans ?? {}), rules: Object.keys(saved.rules ?? {}) } }, trx),
    });
    return c.json({ plans: Object.values(config.plans), rules: config.rules, overrides: await loadCreditOverrides(c.get('store').db, c.get('workspaceId')) }, 200);
  });

  app.openapi(seatsRoute, async (c) => c.json({ seats: await listSeatsWithCredits(c.get('store'), c.get('workspaceId'), c.req.valid('query').date) }, 200));

  app.openapi(seatCreateRoute, async (c) => {
    const r = await addSeatWithPlan(c.get('store'), c.get('workspaceId'), c.req.valid('json'), new Date(), { recordedBy: callerOf(c).userId });
    // two writes (the seat, then its subscription on the ledger): the entry follows them
    await auditRequest(c, { action: 'seat_created', target: `seat:${r.seat.id}`, details: { plan: r.seat.plan, contractId: r.seat.contractId, ownerUserId: r.seat.ownerUserId } });
    return c.json(r, 201);
  });

  app.openapi(seatAssignRoute, async (c) => {
    const { seatId } = c.req.valid('param');
    const seat = await setSeatOwner(c.get('store'), c.get('workspaceId'), seatId, c.req.valid('json').ownerUserId, {
      inTransaction: (trx, change) => auditRequest(c, { action: 'seat_assigned', target: `seat:${seatId}`, details: { from: change.from, to: change.to } }, trx),
    });
    return c.json({ seat }, 200);
  });

  app.openapi(seatCreditsRoute, async (c) => {
    const { seatId } = c.req.valid('param');
    const s = await seatCreditState(c.get('store'), c.get('workspaceId'), seatId, c.req.valid('query').date);
    const summary = summarizeCredits(s.state, s.date, { config: s.config });
    return c.json({ seatId, ...summary, totals: { ...summary.totals } }, 200);
  });

  app.openapi(seatCreditEventsRoute, async (c) => {
    const { seatId } = c.req.valid('param');
    const store = c.get('store');
    const s = await seatCreditState(store, c.get('workspaceId'), seatId);
    const userIds = [...new Set(s.stored.map((e) => e.recordedBy).filter((v): v is string => v !== null && v !== 'cli' && v !== 'system'))];
    const users = userIds.length ? await store.db.selectFrom('auth_users').select(['id', 'email', 'name']).where('id', 'in', userIds).execute() : [];
    const byId = new Map(users.map((u) => [u.id, { userId: u.id, email: u.email, name: u.name }]));
    const seatNames = new Map((await listSeats(store, c.get('workspaceId'))).map((x) => [x.id, x.name]));
    const summary = (e: LedgerEvent) => ledgerEventText(e, (id) => seatNames.get(id) ?? id);
    return c.json(
      { seatId, events: s.stored.map((e) => ({ seq: e.seq, ...stripTerms(e.event), recordedAt: e.createdAt, recordedBy: e.recordedBy, author: (e.recordedBy && byId.get(e.recordedBy)) || null, summary: summary(e.event) })) },
      200,
    );
  });

  app.openapi(seatCreditEventCreateRoute, async (c) => {
    const { seatId } = c.req.valid('param');
    const caller = callerOf(c);
    await requireWorkableSeats(c.get('store'), c.get('workspaceId'), caller, [seatId]);
    const r = await recordCreditEvent(c.get('store'), c.get('workspaceId'), seatId, c.req.valid('json'), new Date(), {
      recordedBy: caller.userId,
      inTransaction: (trx, recorded) => auditRequest(c, creditAuditEntry(seatId, recorded.event, recorded.seq), trx),
    });
    return c.json({ seatId: r.seatId, seq: r.seq, event: stripTerms(r.event), effect: r.effect, balance: r.balance }, 201);
  });

  app.openapi(creditTransferRoute, async (c) =>
    c.json(
      await transferCredits(c.get('store'), c.get('workspaceId'), c.req.valid('json'), new Date(), {
        recordedBy: callerOf(c).userId,
        inTransaction: (trx, t) =>
          auditRequest(c, { action: 'credits_moved', target: `seat:${t.fromSeat}`, details: { transferId: t.transferId, fromSeat: t.fromSeat, toSeat: t.toSeat, count: t.count, date: t.date } }, trx),
      }),
      201,
    ),
  );

  app.openapi(seatCreditCostRoute, async (c) => {
    const { seatId } = c.req.valid('param');
    const q = c.req.valid('query');
    const s = await seatCreditState(c.get('store'), c.get('workspaceId'), seatId, q.date);
    if (q.from && parseDay(q.from) === null) throw new AppError('invalid_input', `from: not a date: ${q.from}`);
    const since = q.from ? ledgerStateAt(s.history, q.from, s.config) : undefined;
    return c.json({ seatId, from: q.from ?? null, to: s.date, ...effectiveCost(s.state, since) }, 200);
  });

  app.openapi(creditForecastRoute, async (c) => {
    const { seatId, plan, date: day, ...options } = c.req.valid('json');
    if (!seatId === !plan) throw new AppError('invalid_input', 'give either seatId or plan');
    let forecast;
    if (seatId) {
      const s = await seatCreditState(c.get('store'), c.get('workspaceId'), seatId, day);
      forecast = forecastCredits(s.state, s.date, options, s.config);
    } else {
      const start = day ?? formatDay(todayUtc());
      if (parseDay(start) === null) throw new AppError('invalid_input', `date: not a date: ${start}`);
      const config = await creditConfigFor(c.get('store').db, c.get('workspaceId'));
      forecast = forecastCredits(ledgerStateAt([{ type: 'subscribe', date: start, plan: plan! }], start, config), start, options, config);
    }
    return c.json(forecast, 200);
  });

  app.openapi(creditAdviceRoute, async (c) => c.json(advisePlans(c.req.valid('json'), await creditConfigFor(c.get('store').db, c.get('workspaceId'))), 200));

  app.openapi(
    creditSimulateRoute,
    async (c) => c.json(simulateCredits(c.req.valid('json'), await creditConfigFor(c.get('store').db, c.get('workspaceId'))), 200),
    (result, c) => (result.success ? undefined : refuseSimulation(c, result.target, result.error.issues)),
  );
}
