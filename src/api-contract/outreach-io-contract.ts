import { createRoute, z } from '@hono/zod-openapi';
import { errorBodySchema, errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { errorCodes } from '../core/error-codes.ts';
import { channelSchema } from '../core/channel.ts';
import { outcomeInputSchema } from '../outreach/delivery/executors/outcome-input.ts';

/**
 * Outreach I/O routes: outcomes coming in (the signed inbound webhook and
 * CSV import, both through applyOutcome) and the campaign simulation
 * (handlers: src/api/routes/outreach-io-routes.ts).
 */
const outcomeKindSchema = z.enum(['accepted', 'replied', 'bounced', 'declined_invitation']);
const replyKindSchema = z.enum(['positive', 'negative', 'decline', 'quick_reply']);

export const ingestResultSchema = z
  .object({
    applied: z.number(),
    duplicates: z.number().openapi({ description: 'outcomes whose id (given, or derived from the content) was applied before: nothing changed' }),
    failed: z.number(),
    results: z.array(
      z.union([
        z.object({ ref: z.number(), ok: z.literal(true), candidateId: z.number(), kind: outcomeKindSchema, duplicate: z.literal(true).optional().openapi({ description: 'the outcome id had been applied before: nothing changed' }) }),
        z.object({ ref: z.number(), ok: z.literal(false), code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...Array<keyof typeof errorCodes>]), message: z.string() }),
      ]),
    ),
  })
  .openapi('OutcomeIngestResult');

export const webhookBodySchema = z
  .object({ outcomes: z.array(outcomeInputSchema).min(1).max(1000) })
  .openapi('InboundOutcomes', {
    example: { outcomes: [{ candidateId: 42, campaignId: 'rust-berlin', kind: 'replied', replyKind: 'positive', channel: 'inmail', at: '2026-03-05T09:30:00Z' }] },
  });

const simulationCounts = {
  invitations: z.number(),
  acceptances: z.number(),
  messages: z.number(),
  inmailsPaid: z.number(),
  inmailsFree: z.number(),
  emails: z.number(),
  phoneTasks: z.number(),
  withdrawals: z.number(),
  creditsSpent: z.number(),
  creditsRefunded: z.number(),
  replies: z.number().openapi({ description: 'people who answered for the first time (any reply kind, any channel)' }),
  costUsd: z.number().openapi({ description: "credits consumed net of refunds, at the plan's price per credit" }),
  costPerReply: z.number().nullable(),
};

/** src/outreach/simulation/simulate-campaign.ts: SimulationDay */
export const simulationDaySchema = z.object({ date: z.string(), ...simulationCounts });

/** src/outreach/simulation/simulate-campaign.ts: SimulationTotals */
export const simulationTotalsSchema = z.object({
  ...simulationCounts,
  candidates: z.number(),
  declines: z.number(),
  bounces: z.number(),
  repliesByKind: z.record(replyKindSchema, z.number()),
  repliesByChannel: z.partialRecord(channelSchema, z.number()),
  inmailReplies: z.number().openapi({ description: 'replies to InMails (each can refund a credit)' }),
  replyRate: z.number().nullable().openapi({ description: 'replies / people contacted' }),
  grossCostUsd: z.number().openapi({ description: 'credits spent before refunds, in USD' }),
  subscriptionUsd: z.number().openapi({ description: 'subscription fees the ledger charged in the period, for reference' }),
  creditsLeft: z.number().openapi({ description: 'credits left on the last day, summed over seats' }),
  inmailsRefused: z.number().openapi({ description: 'InMails the ledger or the plan could not fund' }),
});

const simulationRunSchema = z.object({ days: z.array(simulationDaySchema), totals: simulationTotalsSchema });

export const simulationSchema = simulationRunSchema
  .extend({
    campaign: z.object({ id: z.string(), name: z.string() }),
    seed: z.union([z.string(), z.number()]),
    startDate: z.string(),
    pricePerCreditUsd: z.number().nullable(),
    inmailOnly: simulationRunSchema,
  })
  .openapi('CampaignSimulation');

/** The signed inbound webhook; its signature check is a middleware the handler module adds (src/api/routes/outreach-io-routes.ts). */
export const webhookOutcomesRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/outcomes',
  tags: ['outreach'],
  summary: 'Signed inbound webhook: report outcomes (accepted, replied, bounced, declined invitation)',
  description:
    'HMAC-SHA256 over "<X-Scoutline-Timestamp>.<raw body>" with the workspace secret, hex, in X-Scoutline-Signature as "sha256=<hex>"; the timestamp (unix seconds) must be at most 5 minutes old and at most 30 seconds ahead (SCOUTLINE_WEBHOOK_MAX_SKEW_SECONDS). A second delivery of the same signed request answers 409 replayed; an outcome whose id (`id`, else derived from its content) was applied before is answered ok with duplicate: true and changes nothing. The workspace is ?workspace=<id> (default: default). See docs/executors.md.',
  request: {
    query: z.object({ workspace: z.string().optional() }),
    headers: z.object({
      'x-scoutline-signature': z.string().openapi({ example: 'sha256=5f1c...' }),
      'x-scoutline-timestamp': z.string().openapi({ example: '1767225600' }),
    }),
    ...jsonBody(webhookBodySchema),
  },
  responses: {
    200: json(ingestResultSchema, 'What happened to each outcome, in order (ref = index)'),
    401: json(errorBodySchema, 'Missing or wrong signature, or a timestamp too old or too far ahead (bad_signature)'),
    ...errorResponses,
    409: json(errorBodySchema, 'This signed delivery was already received (replayed): nothing applied again'),
  },
});

export const importOutcomesRoute = createRoute({
  method: 'post',
  path: '/api/outcomes/import',
  tags: ['outreach'],
  summary: 'Import outcomes from CSV (columns: candidate_id | profile_url | email, kind, reply_kind, channel, campaign_id, at)',
  request: { body: { content: { 'text/csv': { schema: z.string().openapi({ example: 'candidate_id,kind,reply_kind,channel,at\n42,replied,positive,inmail,2026-03-05' }) } }, required: true } },
  responses: {
    200: {
      content: { 'application/json': { schema: ingestResultSchema.extend({ errors: z.array(z.object({ line: z.number(), message: z.string() })) }) } },
      description: 'Rows applied, rows refused (ref = line in the file) and rows that could not be read',
    },
    ...errorResponses,
  },
});

export const campaignSimulationRoute = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/simulation',
  tags: ['outreach'],
  summary: 'Simulate the campaign against the sandbox LinkedIn, day by day, with an InMail-only comparison',
  request: {
    params: z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) }),
    query: z.object({
      days: z.coerce.number().int().min(1).max(365).default(30),
      seed: z.string().min(1).max(100).default('1'),
      start: z.string().optional().openapi({ description: 'first day YYYY-MM-DD (default today, UTC)' }),
    }),
  },
  responses: answers(simulationSchema, 'The simulation report'),
});
