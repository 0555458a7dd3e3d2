import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ScoutlineApp } from '../app-env.ts';
import { errorBodySchema, errorResponses } from '../../api-contract/error-body.ts';
import { AppError } from '../../core/app-error.ts';
import { parseDay } from '../../credits/utc-day.ts';
import { applyOutcome } from '../../outreach/enrollment/apply-outcome-store.ts';
import { ingestOutcomes } from '../../outreach/delivery/executors/ingest-outcomes-store.ts';
import { importOutcomeCsv } from '../../outreach/delivery/executors/import-outcome-csv-store.ts';
import { outcomeInputSchema } from '../../outreach/delivery/executors/outcome-input.ts';
import { loadWebhookSecret } from '../../outreach/delivery/executors/webhook-secret-store.ts';
import { claimWebhookDelivery, releaseWebhookDelivery } from '../../outreach/delivery/executors/webhook-replay-store.ts';
import { defaultReplayWindowSeconds, maxFutureSkewFrom, maxSkewEnv, signatureHeader, timestampHeader, verifySignature } from '../../outreach/delivery/executors/webhook-signature.ts';
import { loadSimulationInput } from '../../outreach/simulation/simulate-campaign-input-store.ts';
import { simulateCampaign } from '../../outreach/simulation/simulate-campaign.ts';

/**
 * Outreach I/O routes: outcomes coming in (the signed inbound webhook and
 * CSV import, both through applyOutcome) and the campaign simulation.
 */
const ingestResultSchema = z
  .object({
    applied: z.number(),
    duplicates: z.number().openapi({ description: 'outcomes whose id (given, or derived from the content) was applied before: nothing changed' }),
    failed: z.number(),
    results: z.array(
      z.union([
        z.object({ ref: z.number(), ok: z.literal(true), candidateId: z.number(), kind: z.string(), duplicate: z.literal(true).optional().openapi({ description: 'the outcome id had been applied before: nothing changed' }) }),
        z.object({ ref: z.number(), ok: z.literal(false), code: z.string(), message: z.string() }),
      ]),
    ),
  })
  .openapi('OutcomeIngestResult');

const webhookBodySchema = z
  .object({ outcomes: z.array(outcomeInputSchema).min(1).max(1000) })
  .openapi('InboundOutcomes', {
    example: { outcomes: [{ candidateId: 42, campaignId: 'rust-berlin', kind: 'replied', replyKind: 'positive', channel: 'inmail', at: '2026-03-05T09:30:00Z' }] },
  });

/**
 * Verifies the signature over the raw body before anything parses it, then
 * claims the delivery in the replay store: a second delivery of the same
 * signed request is refused with 409 `replayed` (issue #14; docs/executors.md).
 * The claim is given back when the request is not answered 200 (a bad body,
 * a storage failure), so the sender's retry is not mistaken for a replay.
 */
const verifyInboundSignature: MiddlewareHandler<AppEnv> = async (c, next) => {
  const raw = await c.req.text();
  // the webhook has no caller to take a workspace from: it names one (?workspace=, default 'default'), and its secret decides
  const workspaceId = c.req.query('workspace') || 'default';
  c.set('workspaceId', workspaceId);
  const secret = await loadWebhookSecret(c.get('store'), workspaceId, c.get('access').secretsKey);
  const skew = maxFutureSkewFrom(process.env);
  if (!skew.ok) throw new AppError('config_error', skew.message, { setting: maxSkewEnv });
  const now = new Date();
  const check = verifySignature({ secret, rawBody: raw, signature: c.req.header(signatureHeader), timestamp: c.req.header(timestampHeader), nowSeconds: now.getTime() / 1000, maxFutureSkewSeconds: skew.seconds });
  if (!check.ok) {
    const why = {
      missing_secret: 'no webhook secret is configured (workspace settings webhooks.outcomesSecret or SCOUTLINE_WEBHOOK_SECRET)',
      missing_signature: `the ${signatureHeader} header is missing`,
      missing_timestamp: `the ${timestampHeader} header is missing`,
      bad_timestamp: `the ${timestampHeader} header is not a unix time in seconds`,
      stale_timestamp: `the timestamp is more than ${defaultReplayWindowSeconds} seconds old (outside the replay window)`,
      future_timestamp: `the timestamp is more than ${skew.seconds} seconds ahead of the server's clock (${maxSkewEnv})`,
      bad_signature: 'the signature does not match the body',
    }[check.reason];
    throw new AppError('bad_signature', why, { reason: check.reason });
  }
  const store = c.get('store');
  const signature = c.req.header(signatureHeader) ?? '';
  const claim = await claimWebhookDelivery(store, { workspaceId, signature, timestampSeconds: check.timestamp, replayWindowSeconds: defaultReplayWindowSeconds, now });
  if (!claim.ok) {
    throw new AppError('replayed', `this signed delivery was already received at ${claim.receivedAt}; nothing was applied again (a sender retrying may take 409 replayed as delivered)`, { receivedAt: claim.receivedAt });
  }
  try {
    await next();
  } finally {
    if (c.res.status !== 200) await releaseWebhookDelivery(store, workspaceId, signature).catch(() => undefined);
  }
};

const simulationRunSchema = z.object({
  days: z.array(
    z.object({
      date: z.string(),
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
      replies: z.number(),
      costUsd: z.number(),
      costPerReply: z.number().nullable(),
    }),
  ),
  totals: z.record(z.string(), z.unknown()),
});
const simulationSchema = simulationRunSchema
  .extend({
    campaign: z.object({ id: z.string(), name: z.string() }),
    seed: z.union([z.string(), z.number()]),
    startDate: z.string(),
    pricePerCreditUsd: z.number().nullable(),
    inmailOnly: simulationRunSchema,
  })
  .openapi('CampaignSimulation');

export function registerOutreachIoRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks/outcomes',
      tags: ['outreach'],
      summary: 'Signed inbound webhook: report outcomes (accepted, replied, bounced, declined invitation)',
      description:
        'HMAC-SHA256 over "<X-Scoutline-Timestamp>.<raw body>" with the workspace secret, hex, in X-Scoutline-Signature as "sha256=<hex>"; the timestamp (unix seconds) must be at most 5 minutes old and at most 30 seconds ahead (SCOUTLINE_WEBHOOK_MAX_SKEW_SECONDS). A second delivery of the same signed request answers 409 replayed; an outcome whose id (`id`, else derived from its content) was applied before is answered ok with duplicate: true and changes nothing. The workspace is ?workspace=<id> (default: default). See docs/executors.md.',
      middleware: [verifyInboundSignature],
      request: {
        query: z.object({ workspace: z.string().optional() }),
        headers: z.object({
          'x-scoutline-signature': z.string().openapi({ example: 'sha256=5f1c...' }),
          'x-scoutline-timestamp': z.string().openapi({ example: '1767225600' }),
        }),
        body: { content: { 'application/json': { schema: webhookBodySchema } }, required: true },
      },
      responses: {
        200: { content: { 'application/json': { schema: ingestResultSchema } }, description: 'What happened to each outcome, in order (ref = index)' },
        401: { content: { 'application/json': { schema: errorBodySchema } }, description: 'Missing or wrong signature, or a timestamp too old or too far ahead (bad_signature)' },
        ...errorResponses,
        409: { content: { 'application/json': { schema: errorBodySchema } }, description: 'This signed delivery was already received (replayed): nothing applied again' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const summary = await ingestOutcomes(c.get('store'), c.get('workspaceId'), body.outcomes.map((outcome, ref) => ({ ref, outcome })), 'webhook', (s, w, r) => applyOutcome(s, w, r));
      return c.json(summary, 200);
    },
  );

  app.openapi(
    createRoute({
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
    }),
    async (c) => {
      const text = await c.req.text();
      const { summary, errors } = await importOutcomeCsv(c.get('store'), c.get('workspaceId'), text);
      return c.json({ ...summary, errors }, 200);
    },
  );

  app.openapi(
    createRoute({
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
      responses: { 200: { content: { 'application/json': { schema: simulationSchema } }, description: 'The simulation report' }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const startDate = q.start ?? new Date().toISOString().slice(0, 10);
      // the last year is refused: its days would run past 9999-12-31, which no date type here can hold (a 500 before)
      if (parseDay(startDate) === null || startDate >= '9999') throw new AppError('invalid_input', `start must be a YYYY-MM-DD date before 9999, got '${startDate}'`);
      const input = await loadSimulationInput(c.get('store'), c.get('workspaceId'), id, { days: q.days, seed: q.seed, startDate });
      return c.json(simulateCampaign(input), 200);
    },
  );
}
