import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { fromDomain } from './domain-schema.ts';
import { seatSchema, seatWithCreditsSchema } from './seat-schema.ts';
import { creditOverridesSchema } from '../credits/credit-config.ts';
import { forecastOptionsSchema } from '../credits/credit-forecast.ts';
import { ledgerEventSchema } from '../credits/ledger-event.ts';
import { planSchema } from '../credits/plan-catalogue.ts';
import { adviceInputSchema } from '../credits/plan-advisor.ts';
import { simulationEventSchema } from '../credits/credit-simulation.ts';
import { seatInputSchema } from '../seats/seat.ts';

/** Seats and InMail credits: ledgers, recording, transfers, cost, forecast, plan advice, simulation, plan catalogue (docs/credits.md). */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2025-03-01' });
const seatParam = z.object({ seatId: z.string().min(1).openapi({ param: { name: 'seatId', in: 'path' }, example: 'ann-lee' }) });
const dateQuery = z.object({ date: date.optional().openapi({ description: 'as of this UTC day (default today)' }) });

const rulesSchema = z.object({ lotLifetimeDays: z.number(), refundWindowDays: z.number(), refundLotLifetimeDays: z.number(), purchaseLotLifetimeDays: z.number() });
export const creditCatalogueSchema = z
  .object({
    plans: z.array(fromDomain(planSchema).openapi('CreditPlan')),
    rules: rulesSchema,
    overrides: fromDomain(creditOverridesSchema).openapi({ description: "the workspace's own overrides of the defaults (PUT /api/credits/plans)" }),
  })
  .openapi('CreditCatalogue');

export const creditPlansRoute = createRoute({
  method: 'get',
  path: '/api/credits/plans',
  tags: ['credits'],
  summary: "The plan catalogue with the workspace's overrides",
  responses: answers(creditCatalogueSchema, 'Plans and rules'),
});

export const creditPlansPutRoute = createRoute({
  method: 'put',
  path: '/api/credits/plans',
  tags: ['credits'],
  summary: "Replace the workspace's plan and rule overrides ({} restores the defaults)",
  request: jsonBody(fromDomain(creditOverridesSchema).openapi('CreditOverrides')),
  responses: answers(creditCatalogueSchema, 'Plans and rules'),
});

export const seatsRoute = createRoute({
  method: 'get',
  path: '/api/seats',
  tags: ['seats'],
  summary: 'Seats with their plan and current balance',
  request: { query: dateQuery },
  responses: answers(z.object({ seats: z.array(seatWithCreditsSchema) }), 'Seats'),
});

export const seatCreateRoute = createRoute({
  method: 'post',
  path: '/api/seats',
  tags: ['seats'],
  summary: 'Add a seat; with a plan, its subscription starts on `since` (default today)',
  request: jsonBody(
    seatInputSchema
      .extend({
        since: date.optional().openapi({ description: 'with a plan: the day its subscription starts (default today)' }),
        ownerUserId: fromDomain(seatInputSchema.shape.ownerUserId).openapi({ description: 'give the seat to this member of the workspace (default: unassigned)' }),
      })
      .openapi('SeatInput'),
  ),
  responses: { 201: json(z.object({ seat: seatSchema, balance: z.number() }), 'The new seat'), ...errorResponses },
});

export const seatAssignRoute = createRoute({
  method: 'patch',
  path: '/api/seats/{seatId}',
  tags: ['seats'],
  summary: 'Give the seat to a member of the workspace, or take it back (ownerUserId null): a recruiter works only the seats they own',
  request: { params: seatParam, ...jsonBody(z.object({ ownerUserId: z.string().min(1).nullable() }).openapi('SeatAssignment')) },
  responses: answers(z.object({ seat: seatSchema }), 'The seat'),
});

const lotSchema = z.object({ source: z.enum(['grant', 'refund', 'purchase', 'transfer']), granted: z.string(), expires: z.string(), remaining: z.number() });
const totalsSchema = z.object({
  inmailsCharged: z.number(),
  inmailsFree: z.number(),
  replies: z.number(),
  refunds: z.number(),
  granted: z.number(),
  purchased: z.number(),
  transferredIn: z.number(),
  transferredOut: z.number(),
  expired: z.number(),
  forfeited: z.number(),
  subscriptionUsd: z.number(),
  purchaseUsd: z.number(),
});
export const creditSummarySchema = z
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
    totals: totalsSchema,
  })
  .openapi('CreditSummary');

export const seatCreditsRoute = createRoute({
  method: 'get',
  path: '/api/seats/{seatId}/credits',
  tags: ['credits'],
  summary: 'Balance, lots and expiry dates, credits expiring in 14 days, InMails awaiting reply with their last refund day',
  request: { params: seatParam, query: dateQuery },
  responses: answers(creditSummarySchema, 'Credit summary'),
});

/**
 * One ledger event as the API serves it: the domain's event (ledger-event.ts)
 * without the plan terms a subscribe or switch stores. Events stored before
 * the defaults of `openProfile` and `kind` may lack them.
 */
const [subscribeEvent, switchEvent, cancelEvent, inmailEvent, replyEvent, purchaseEvent, transferOutEvent, transferInEvent] = ledgerEventSchema.options;
const servedEvents = [
  subscribeEvent.omit({ terms: true }),
  switchEvent.omit({ terms: true }),
  cancelEvent,
  inmailEvent.extend({ openProfile: inmailEvent.shape.openProfile.unwrap().optional() }),
  replyEvent.extend({ kind: replyEvent.shape.kind.unwrap().optional() }),
  purchaseEvent,
  transferOutEvent,
  transferInEvent,
] as const;
export const creditEventSchema = z.discriminatedUnion('type', [...servedEvents]);

const recordMeta = {
  seq: z.number().int(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable().openapi({ description: "a member's user id, 'cli' (the local CLI), 'system' (the outreach engine, demo data), or null for events from before accounts" }),
  author: z.object({ userId: z.string(), email: z.string(), name: z.string() }).nullable().openapi({ description: 'the member who recorded it, when recordedBy is a user' }),
  summary: z.string().openapi({ description: "the event in words, seats by name: 'bought 10 credits', 'moved 5 credits to Alex Morgan'" }),
};
/** A recorded event of a seat's history: the event's own fields with its number and who recorded it when. */
export const storedCreditEventSchema = z.discriminatedUnion('type', [
  servedEvents[0].extend(recordMeta),
  servedEvents[1].extend(recordMeta),
  servedEvents[2].extend(recordMeta),
  servedEvents[3].extend(recordMeta),
  servedEvents[4].extend(recordMeta),
  servedEvents[5].extend(recordMeta),
  servedEvents[6].extend(recordMeta),
  servedEvents[7].extend(recordMeta),
]);

export const seatCreditEventsRoute = createRoute({
  method: 'get',
  path: '/api/seats/{seatId}/credits/events',
  tags: ['credits'],
  summary: "The seat's recorded credit events (append-only), in order",
  request: { params: seatParam },
  responses: answers(z.object({ seatId: z.string(), events: z.array(storedCreditEventSchema) }), 'History'),
});

export const creditEventInputSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('subscribe'), plan: z.string(), date: date.optional() }),
    z.object({ type: z.literal('switch'), plan: z.string(), date: date.optional() }),
    z.object({ type: z.literal('cancel'), date: date.optional() }),
    z.object({ type: z.literal('inmail'), to: z.string().min(1), openProfile: z.boolean().optional(), date: date.optional() }),
    z.object({ type: z.literal('reply'), from: z.string().min(1), kind: z.enum(['positive', 'negative', 'decline', 'quick_reply']).optional(), date: date.optional() }),
    z.object({ type: z.literal('purchase'), count: z.number().int().min(1), date: date.optional() }),
  ])
  .openapi('CreditEventInput');

/** What recording an event did (ledger-cursor.ts LedgerEffect); days are whole UTC day numbers (0 = 1970-01-01). */
export const creditEffectSchema = z.object({
  granted: z.number().optional().openapi({ description: 'subscribe/switch: credits granted on the day' }),
  forfeited: z.number().optional().openapi({ description: 'cancel/switch: credits wiped' }),
  inmailId: z.number().optional().openapi({ description: 'inmail: its number in the history' }),
  charged: z.boolean().optional().openapi({ description: 'inmail: whether it took a credit' }),
  refundableUntil: z.number().int().nullable().optional().openapi({ description: 'inmail: last day (day number) a reply earns a refund' }),
  closedInMailId: z.number().nullable().optional().openapi({ description: 'reply: the InMail it closed, null if none was open' }),
  refunded: z.boolean().optional().openapi({ description: 'reply: whether a credit came back' }),
  costUsd: z.number().optional().openapi({ description: 'purchase: price paid' }),
  movedLots: z
    .array(z.object({ granted: z.number().int(), expires: z.number().int(), count: z.number() }))
    .optional()
    .openapi({ description: 'transfer_out: the credits moved (day numbers), soonest expiry first' }),
});

export const seatCreditEventCreateRoute = createRoute({
  method: 'post',
  path: '/api/seats/{seatId}/credits/events',
  tags: ['credits'],
  summary: 'Record a subscribe, switch, cancel, InMail, reply or purchase; refusals answer 409 with the refusal code',
  request: { params: seatParam, ...jsonBody(creditEventInputSchema) },
  responses: {
    201: json(z.object({ seatId: z.string(), seq: z.number(), event: creditEventSchema, effect: creditEffectSchema, balance: z.number() }), 'Recorded'),
    ...errorResponses,
  },
});

export const creditTransferSchema = z
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

export const creditTransferRoute = createRoute({
  method: 'post',
  path: '/api/credits/transfers',
  tags: ['credits'],
  summary: 'Move credits between two seats of one recruiter-corporate contract',
  request: jsonBody(z.object({ fromSeat: z.string(), toSeat: z.string(), count: z.number().int().min(1), date: date.optional() }).openapi('CreditTransferInput')),
  responses: { 201: json(creditTransferSchema, 'Moved'), ...errorResponses },
});

export const creditCostSchema = z
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

export const seatCreditCostRoute = createRoute({
  method: 'get',
  path: '/api/seats/{seatId}/credits/cost',
  tags: ['credits'],
  summary: 'Effective cost per InMail sent and per reply (subscription fees and purchases)',
  request: { params: seatParam, query: z.object({ from: date.optional(), date: date.optional() }) },
  responses: answers(creditCostSchema, 'Cost'),
});

export const creditForecastRequestSchema = forecastOptionsSchema
  .extend({
    seatId: z.string().optional().openapi({ description: "start from this seat's ledger" }),
    plan: z.string().optional().openapi({ description: 'or: a fresh subscription to this plan on `date`' }),
    date: date.optional(),
  })
  .openapi('CreditForecastRequest');

export const creditForecastSchema = z
  .object({
    from: z.string(),
    startBalance: z.number(),
    plan: z.string().nullable(),
    options: fromDomain(forecastOptionsSchema).openapi({ description: 'the options the forecast ran with, defaults filled in' }),
    days: z.array(z.object({ date: z.string(), expected: z.number(), mean: z.number(), p10: z.number(), p50: z.number(), p90: z.number() })),
    runsDry: z.object({ expected: z.string().nullable(), p10: z.string().nullable(), p50: z.string().nullable(), p90: z.string().nullable(), probability: z.number() }),
    expectedTotals: z.object({ sends: z.number(), refused: z.number(), replies: z.number(), refunds: z.number() }),
  })
  .openapi('CreditForecast');

export const creditForecastRoute = createRoute({
  method: 'post',
  path: '/api/credits/forecast',
  tags: ['credits'],
  summary: 'Project the balance for 180 days (expected and a Monte Carlo 10th-90th percentile band) and the first day the seat runs dry',
  request: jsonBody(creditForecastRequestSchema),
  responses: answers(creditForecastSchema, 'Forecast'),
});

/** One plan's figures in a scenario (plan-advisor.ts PlanOption). */
const planOptionSchema = z.object({
  plan: z.string(),
  name: z.string(),
  priceUsd: z.number(),
  feasible: z.boolean().openapi({ description: 'can the plan carry the volume with refunds and the purchase cap?' }),
  maxMonthlySends: z.number().nullable().openapi({ description: 'the most sends a month the plan carries at this reply rate' }),
  creditsNeeded: z.number(),
  creditsNeededWithoutRefunds: z.number(),
  extraCredits: z.number(),
  monthlyCostUsd: z.number(),
  costPerInMailUsd: z.number(),
  costPerReplyUsd: z.number(),
  costPerReplyWithoutRefundsUsd: z.number(),
  expectedReplies: z.number(),
  expectedRefunds: z.number(),
});
/** The connection-request channel in a scenario (plan-advisor.ts ChannelOption). */
const channelOptionSchema = z.object({
  channel: z.literal('connection_request'),
  feasible: z.boolean(),
  monthlyCapacity: z.number(),
  expectedReplies: z.number(),
  costPerReplyUsd: z.number(),
  note: z.string(),
});
export const planAdviceSchema = z
  .object({
    monthlySends: z.number(),
    openProfileShare: z.number(),
    scenarios: z.array(
      z.object({
        replyRate: z.number(),
        perCredit: z.object({ creditPriceUsd: z.number(), costPerReplyUsd: z.number(), costPerReplyWithRefundsUsd: z.number() }),
        plans: z.array(planOptionSchema),
        connectionRequests: channelOptionSchema,
        cheapestPlan: z.string().nullable(),
        recommendation: z.string(),
      }),
    ),
  })
  .openapi('PlanAdvice');

export const creditAdviceRoute = createRoute({
  method: 'post',
  path: '/api/credits/advice',
  tags: ['credits'],
  summary: 'Compare plans and connection requests by cost per reply for a monthly outreach volume',
  request: jsonBody(fromDomain(adviceInputSchema).openapi('PlanAdviceRequest')),
  responses: answers(planAdviceSchema, 'Advice'),
});

export const creditSimulationSchema = z
  .object({
    results: z.array(
      z.object({
        type: z.string().openapi({ description: "the event's type, as given" }),
        ok: z.boolean(),
        reason: z.string().nullable().openapi({ description: 'the refusal code, null when the event was accepted' }),
        balance: z.number(),
      }),
    ),
  })
  .openapi('CreditSimulation');

/**
 * The simulation's input (credit-simulation.ts). A malformed event is refused
 * by the domain's own check, with `details.index` naming it (docs/credits.md).
 */
export const creditSimulationInputSchema = z.object({ events: z.array(simulationEventSchema) }).openapi('CreditSimulationInput');

export const creditSimulateRoute = createRoute({
  method: 'post',
  path: '/api/credits/simulate',
  tags: ['credits'],
  summary: "Run one seat's events through the ledger: one {type, ok, reason, balance} per event (same contract as `credits simulate --json`)",
  request: jsonBody(creditSimulationInputSchema),
  responses: answers(creditSimulationSchema, 'Results'),
});
