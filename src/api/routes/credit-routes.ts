import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../core/app-error.ts';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { forecastCredits } from '../../credits/credit-forecast.ts';
import { creditConfigFor, loadCreditOverrides, saveCreditOverrides } from '../../credits/credit-settings-store.ts';
import { simulateCredits } from '../../credits/credit-simulation.ts';
import { summarizeCredits } from '../../credits/credit-summary.ts';
import { effectiveCost } from '../../credits/effective-cost.ts';
import { ledgerStateAt } from '../../credits/ledger.ts';
import { advisePlans } from '../../credits/plan-advisor.ts';
import { addSeatWithPlan, listSeatsWithCredits, recordCreditEvent, seatCreditState, transferCredits, type CreditEventInput } from '../../credits/seat-credits.ts';
import { formatDay, parseDay, todayUtc } from '../../credits/utc-day.ts';
import { creditAuditEntry } from '../../credits/credit-audit-entry.ts';
import { setSeatOwner } from '../../seats/seat-store.ts';
import { requireWorkableSeats } from '../../seats/seat-work-guard.ts';
import { auditRequest, callerOf } from '../request-audit.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2025-03-01' });
const seatParam = z.object({ seatId: z.string().min(1).openapi({ param: { name: 'seatId', in: 'path' }, example: 'ann-lee' }) });
const dateQuery = z.object({ date: date.optional().openapi({ description: 'as of this UTC day (default today)' }) });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const planSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    monthlyAllocation: z.number(),
    cap: z.number(),
    priceUsd: z.number(),
    extraCreditPriceUsd: z.number(),
    purchaseCapPerMonth: z.number(),
    renewal: z.enum(['anniversary', 'first-of-month']),
    pooled: z.boolean(),
  })
  .openapi('CreditPlan');
const rulesSchema = z.object({ lotLifetimeDays: z.number(), refundWindowDays: z.number(), refundLotLifetimeDays: z.number(), purchaseLotLifetimeDays: z.number() });
const catalogueSchema = z.object({ plans: z.array(planSchema), rules: rulesSchema, overrides: z.record(z.string(), z.unknown()) }).openapi('CreditCatalogue');

const seatWithCreditsSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    plan: z.string().nullable(),
    paid: z.boolean(),
    timeZone: z.string(),
    contractId: z.string().nullable(),
    ownerUserId: z.string().nullable().openapi({ description: 'the member who works this seat; null: unassigned (only admins and owners work it)' }),
    createdAt: z.string(),
    balance: z.number(),
    awaitingReply: z.number(),
  })
  .passthrough()
  .openapi('SeatWithCredits');

const lotSchema = z.object({ source: z.enum(['grant', 'refund', 'purchase', 'transfer']), granted: z.string(), expires: z.string(), remaining: z.number() });
const summarySchema = z
  .object({
    seatId: z.string(),
    date: z.string(),
    plan: z.object({ id: z.string(), name: z.string(), monthlyAllocation: z.number(), cap: z.number(), renewal: z.string(), pooled: z.boolean() }).nullable(),
    balance: z.number(),
    nextRenewal: z.string().nullable(),
    lots: z.array(lotSchema),
    expiringSoon: z.object({ withinDays: z.number(), until: z.string(), count: z.number(), lots: z.array(z.object({ expires: z.string(), remaining: z.number() })) }),
    awaitingReply: z.array(z.object({ to: z.string(), sent: z.string(), openProfile: z.boolean(), refundableUntil: z.string().nullable() })),
    purchases: z.object({ thisMonth: z.number(), cap: z.number().nullable() }),
    totals: z.record(z.string(), z.number()),
  })
  .openapi('CreditSummary');

const eventInputSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('subscribe'), plan: z.string(), date: date.optional() }),
    z.object({ type: z.literal('switch'), plan: z.string(), date: date.optional() }),
    z.object({ type: z.literal('cancel'), date: date.optional() }),
    z.object({ type: z.literal('inmail'), to: z.string().min(1), openProfile: z.boolean().optional(), date: date.optional() }),
    z.object({ type: z.literal('reply'), from: z.string().min(1), kind: z.enum(['positive', 'negative', 'decline', 'quick_reply']).optional(), date: date.optional() }),
    z.object({ type: z.literal('purchase'), count: z.number().int().min(1), date: date.optional() }),
  ])
  .openapi('CreditEventInput');
const storedEventSchema = z
  .object({
    seq: z.number(),
    type: z.string(),
    date: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string().nullable().openapi({ description: "a member's user id, 'cli' (the local CLI), 'system' (the outreach engine, demo data), or null for events from before accounts" }),
    author: z.object({ userId: z.string(), email: z.string(), name: z.string() }).nullable().openapi({ description: 'the member who recorded it, when recordedBy is a user' }),
  })
  .passthrough();
const effectSchema = z.record(z.string(), z.unknown());

const costSchema = z
  .object({
    seatId: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    spendUsd: z.number(),
    subscriptionUsd: z.number(),
    purchaseUsd: z.number(),
    inmailsSent: z.number(),
    inmailsCharged: z.number(),
    replies: z.number(),
    refunds: z.number(),
    creditsAcquired: z.number(),
    costPerCreditUsd: z.number().nullable(),
    costPerInMailUsd: z.number().nullable(),
    costPerReplyUsd: z.number().nullable(),
    netCreditsPerInMail: z.number().nullable(),
  })
  .openapi('CreditCost');

const forecastRequestSchema = z
  .object({
    seatId: z.string().optional().openapi({ description: "start from this seat's ledger" }),
    plan: z.string().optional().openapi({ description: 'or: a fresh subscription to this plan on `date`' }),
    date: date.optional(),
    weeklySends: z.number().int().min(0),
    replyRate: z.number().min(0).max(1),
    days: z.number().int().min(1).max(730).optional(),
    runs: z.number().int().min(1).max(5000).optional(),
    seed: z.number().int().optional(),
    openProfileShare: z.number().min(0).max(1).optional(),
    sendWeekdays: z.array(z.number().int().min(1).max(7)).optional(),
    replyDelayDays: z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).optional(),
  })
  .openapi('CreditForecastRequest');
const forecastSchema = z
  .object({
    from: z.string(),
    startBalance: z.number(),
    plan: z.string().nullable(),
    options: z.record(z.string(), z.unknown()),
    days: z.array(z.object({ date: z.string(), expected: z.number(), mean: z.number(), p10: z.number(), p50: z.number(), p90: z.number() })),
    runsDry: z.object({ expected: z.string().nullable(), p10: z.string().nullable(), p50: z.string().nullable(), p90: z.string().nullable(), probability: z.number() }),
    expectedTotals: z.object({ sends: z.number(), refused: z.number(), replies: z.number(), refunds: z.number() }),
  })
  .openapi('CreditForecast');

const adviceRequestSchema = z
  .object({
    monthlySends: z.number().int().min(1),
    replyRates: z.array(z.number()).optional(),
    openProfileShare: z.number().min(0).max(1).optional(),
    connectionAcceptRate: z.number().min(0).max(1).optional(),
    weeklyInviteCap: z.number().int().min(0).optional(),
  })
  .openapi('PlanAdviceRequest');
const adviceSchema = z
  .object({
    monthlySends: z.number(),
    openProfileShare: z.number(),
    scenarios: z.array(
      z.object({
        replyRate: z.number(),
        perCredit: z.object({ creditPriceUsd: z.number(), costPerReplyUsd: z.number(), costPerReplyWithRefundsUsd: z.number() }),
        plans: z.array(z.record(z.string(), z.unknown())),
        connectionRequests: z.record(z.string(), z.unknown()),
        cheapestPlan: z.string().nullable(),
        recommendation: z.string(),
      }),
    ),
  })
  .openapi('PlanAdvice');

const simulateResultSchema = z
  .object({ results: z.array(z.object({ type: z.string(), ok: z.boolean(), reason: z.string().nullable(), balance: z.number() })) })
  .openapi('CreditSimulation');

const transferSchema = z
  .object({
    transferId: z.string(),
    fromSeat: z.string(),
    toSeat: z.string(),
    count: z.number(),
    date: z.string(),
    lots: z.array(z.object({ granted: z.string(), expires: z.string(), count: z.number() })),
    balances: z.object({ from: z.number(), to: z.number() }),
  })
  .openapi('CreditTransfer');

function stripTerms<T extends object>(e: T): Omit<T, 'terms'> {
  const { terms: _terms, ...rest } = e as T & { terms?: unknown };
  return rest;
}

/** Seats and InMail credits: ledgers, recording, transfers, cost, forecast, plan advice, simulation, plan catalogue. */
export function registerCreditRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/credits/plans', tags: ['credits'], summary: "The plan catalogue with the workspace's overrides", responses: { 200: json(catalogueSchema, 'Plans and rules'), ...errorResponses } }),
    async (c) => {
      const db = c.get('store').db;
      const config = await creditConfigFor(db, c.get('workspaceId'));
      return c.json({ plans: Object.values(config.plans), rules: config.rules, overrides: (await loadCreditOverrides(db, c.get('workspaceId'))) as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/credits/plans',
      tags: ['credits'],
      summary: "Replace the workspace's plan and rule overrides ({} restores the defaults)",
      request: body(z.object({ plans: z.record(z.string(), z.record(z.string(), z.unknown())).optional(), rules: z.record(z.string(), z.number()).optional() }).openapi('CreditOverrides')),
      responses: { 200: json(catalogueSchema, 'Plans and rules'), ...errorResponses },
    }),
    async (c) => {
      const config = await saveCreditOverrides(c.get('store'), c.get('workspaceId'), c.req.valid('json'), {
        inTransaction: (trx, saved) =>
          auditRequest(c, { action: 'settings_changed', target: 'credits', details: { plans: Object.keys(saved.plans ?? {}), rules: Object.keys(saved.rules ?? {}) } }, trx),
      });
      return c.json({ plans: Object.values(config.plans), rules: config.rules, overrides: (await loadCreditOverrides(c.get('store').db, c.get('workspaceId'))) as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/seats',
      tags: ['seats'],
      summary: 'Seats with their plan and current balance',
      request: { query: dateQuery },
      responses: { 200: json(z.object({ seats: z.array(seatWithCreditsSchema) }), 'Seats'), ...errorResponses },
    }),
    async (c) => c.json({ seats: await listSeatsWithCredits(c.get('store'), c.get('workspaceId'), c.req.valid('query').date) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/seats',
      tags: ['seats'],
      summary: 'Add a seat; with a plan, its subscription starts on `since` (default today)',
      request: body(
        z
          .object({
            name: z.string().min(1),
            id: z.string().optional(),
            plan: z.string().nullable().optional(),
            since: date.optional(),
            paid: z.boolean().optional(),
            contractId: z.string().nullable().optional(),
            timeZone: z.string().optional(),
            weeklyInviteCap: z.number().int().optional(),
            ownerUserId: z.string().min(1).nullable().optional().openapi({ description: 'give the seat to this member of the workspace (default: unassigned)' }),
          })
          .passthrough()
          .openapi('SeatInput'),
      ),
      responses: { 201: json(z.object({ seat: seatWithCreditsSchema.omit({ balance: true, awaitingReply: true }), balance: z.number() }), 'The new seat'), ...errorResponses },
    }),
    async (c) => {
      const r = await addSeatWithPlan(c.get('store'), c.get('workspaceId'), c.req.valid('json'), new Date(), { recordedBy: callerOf(c).userId });
      // two writes (the seat, then its subscription on the ledger): the entry follows them
      await auditRequest(c, { action: 'seat_created', target: `seat:${r.seat.id}`, details: { plan: r.seat.plan, contractId: r.seat.contractId, ownerUserId: r.seat.ownerUserId } });
      return c.json(r, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/seats/{seatId}',
      tags: ['seats'],
      summary: 'Give the seat to a member of the workspace, or take it back (ownerUserId null): a recruiter works only the seats they own',
      request: { params: seatParam, ...body(z.object({ ownerUserId: z.string().min(1).nullable() }).openapi('SeatAssignment')) },
      responses: { 200: json(z.object({ seat: seatWithCreditsSchema.omit({ balance: true, awaitingReply: true }) }), 'The seat'), ...errorResponses },
    }),
    async (c) => {
      const { seatId } = c.req.valid('param');
      const seat = await setSeatOwner(c.get('store'), c.get('workspaceId'), seatId, c.req.valid('json').ownerUserId, {
        inTransaction: (trx, change) => auditRequest(c, { action: 'seat_assigned', target: `seat:${seatId}`, details: { from: change.from, to: change.to } }, trx),
      });
      return c.json({ seat }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/seats/{seatId}/credits',
      tags: ['credits'],
      summary: 'Balance, lots and expiry dates, credits expiring in 14 days, InMails awaiting reply with their last refund day',
      request: { params: seatParam, query: dateQuery },
      responses: { 200: json(summarySchema, 'Credit summary'), ...errorResponses },
    }),
    async (c) => {
      const { seatId } = c.req.valid('param');
      const s = await seatCreditState(c.get('store'), c.get('workspaceId'), seatId, c.req.valid('query').date);
      const summary = summarizeCredits(s.state, s.date, { config: s.config });
      return c.json({ seatId, ...summary, totals: { ...summary.totals } }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/seats/{seatId}/credits/events',
      tags: ['credits'],
      summary: "The seat's recorded credit events (append-only), in order",
      request: { params: seatParam },
      responses: { 200: json(z.object({ seatId: z.string(), events: z.array(storedEventSchema) }), 'History'), ...errorResponses },
    }),
    async (c) => {
      const { seatId } = c.req.valid('param');
      const store = c.get('store');
      const s = await seatCreditState(store, c.get('workspaceId'), seatId);
      const userIds = [...new Set(s.stored.map((e) => e.recordedBy).filter((v): v is string => v !== null && v !== 'cli' && v !== 'system'))];
      const users = userIds.length ? await store.db.selectFrom('auth_users').select(['id', 'email', 'name']).where('id', 'in', userIds).execute() : [];
      const byId = new Map(users.map((u) => [u.id, { userId: u.id, email: u.email, name: u.name }]));
      return c.json(
        { seatId, events: s.stored.map((e) => ({ seq: e.seq, ...stripTerms(e.event), recordedAt: e.createdAt, recordedBy: e.recordedBy, author: (e.recordedBy && byId.get(e.recordedBy)) || null })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/seats/{seatId}/credits/events',
      tags: ['credits'],
      summary: 'Record a subscribe, switch, cancel, InMail, reply or purchase; refusals answer 409 with the refusal code',
      request: { params: seatParam, ...body(eventInputSchema) },
      responses: {
        201: json(z.object({ seatId: z.string(), seq: z.number(), event: z.record(z.string(), z.unknown()), effect: effectSchema, balance: z.number() }), 'Recorded'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { seatId } = c.req.valid('param');
      const caller = callerOf(c);
      await requireWorkableSeats(c.get('store'), c.get('workspaceId'), caller, [seatId]);
      const r = await recordCreditEvent(c.get('store'), c.get('workspaceId'), seatId, c.req.valid('json') as CreditEventInput, new Date(), {
        recordedBy: caller.userId,
        inTransaction: (trx, recorded) => auditRequest(c, creditAuditEntry(seatId, recorded.event, recorded.seq), trx),
      });
      return c.json({ seatId: r.seatId, seq: r.seq, event: stripTerms(r.event) as Record<string, unknown>, effect: r.effect as Record<string, unknown>, balance: r.balance }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credits/transfers',
      tags: ['credits'],
      summary: 'Move credits between two seats of one recruiter-corporate contract',
      request: body(z.object({ fromSeat: z.string(), toSeat: z.string(), count: z.number().int().min(1), date: date.optional() }).openapi('CreditTransferInput')),
      responses: { 201: json(transferSchema, 'Moved'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await transferCredits(c.get('store'), c.get('workspaceId'), c.req.valid('json'), new Date(), {
          recordedBy: callerOf(c).userId,
          inTransaction: (trx, t) =>
            auditRequest(c, { action: 'credits_moved', target: `seat:${t.fromSeat}`, details: { transferId: t.transferId, fromSeat: t.fromSeat, toSeat: t.toSeat, count: t.count, date: t.date } }, trx),
        }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/seats/{seatId}/credits/cost',
      tags: ['credits'],
      summary: 'Effective cost per InMail sent and per reply (subscription fees and purchases)',
      request: { params: seatParam, query: z.object({ from: date.optional(), date: date.optional() }) },
      responses: { 200: json(costSchema, 'Cost'), ...errorResponses },
    }),
    async (c) => {
      const { seatId } = c.req.valid('param');
      const q = c.req.valid('query');
      const s = await seatCreditState(c.get('store'), c.get('workspaceId'), seatId, q.date);
      if (q.from && parseDay(q.from) === null) throw new AppError('invalid_input', `from: not a date: ${q.from}`);
      const since = q.from ? ledgerStateAt(s.history, q.from, s.config) : undefined;
      return c.json({ seatId, from: q.from ?? null, to: s.date, ...effectiveCost(s.state, since) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credits/forecast',
      tags: ['credits'],
      summary: 'Project the balance for 180 days (expected and a Monte Carlo 10th-90th percentile band) and the first day the seat runs dry',
      request: body(forecastRequestSchema),
      responses: { 200: json(forecastSchema, 'Forecast'), ...errorResponses },
    }),
    async (c) => {
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
      return c.json({ ...forecast, options: forecast.options as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credits/advice',
      tags: ['credits'],
      summary: 'Compare plans and connection requests by cost per reply for a monthly outreach volume',
      request: body(adviceRequestSchema),
      responses: { 200: json(adviceSchema, 'Advice'), ...errorResponses },
    }),
    async (c) => {
      const advice = advisePlans(c.req.valid('json'), await creditConfigFor(c.get('store').db, c.get('workspaceId')));
      return c.json(JSON.parse(JSON.stringify(advice)) as z.infer<typeof adviceSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credits/simulate',
      tags: ['credits'],
      summary: 'Run one seat\'s events through the ledger: one {type, ok, reason, balance} per event (same contract as `credits simulate --json`)',
      request: body(z.object({ events: z.array(z.record(z.string(), z.unknown())) }).openapi('CreditSimulationInput')),
      responses: { 200: json(simulateResultSchema, 'Results'), ...errorResponses },
    }),
    async (c) => c.json(simulateCredits(c.req.valid('json'), await creditConfigFor(c.get('store').db, c.get('workspaceId'))), 200),
  );
}
