import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ScoutlineApp } from '../app-env.ts';
import { campaignSimulationRoute, importOutcomesRoute, webhookOutcomesRoute } from '../../api-contract/outreach-io-contract.ts';
import { AppError } from '../../core/app-error.ts';
import { parseDay } from '../../credits/utc-day.ts';
import { applyOutcome } from '../../outreach/enrollment/apply-outcome-store.ts';
import { ingestOutcomes } from '../../outreach/delivery/executors/ingest-outcomes-store.ts';
import { importOutcomeCsv } from '../../outreach/delivery/executors/import-outcome-csv-store.ts';
import { loadWebhookSecret } from '../../outreach/delivery/executors/webhook-secret-store.ts';
import { claimWebhookDelivery, releaseWebhookDelivery } from '../../outreach/delivery/executors/webhook-replay-store.ts';
import { defaultReplayWindowSeconds, maxFutureSkewFrom, maxSkewEnv, signatureHeader, timestampHeader, verifySignature } from '../../outreach/delivery/executors/webhook-signature.ts';
import { loadSimulationInput } from '../../outreach/simulation/simulate-campaign-input-store.ts';
import { simulateCampaign } from '../../outreach/simulation/simulate-campaign.ts';

/**
 * Outreach I/O routes: outcomes coming in (the signed inbound webhook and
 * CSV import, both through applyOutcome) and the campaign simulation.
 * Definitions: src/api-contract/outreach-io-contract.ts.
 */

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

export function registerOutreachIoRoutes(app: ScoutlineApp): void {
  app.openapi(
    { ...webhookOutcomesRoute, middleware: [verifyInboundSignature] },
    async (c) => {
      const body = c.req.valid('json');
      const summary = await ingestOutcomes(c.get('store'), c.get('workspaceId'), body.outcomes.map((outcome, ref) => ({ ref, outcome })), 'webhook', (s, w, r) => applyOutcome(s, w, r));
      return c.json(summary, 200);
    },
  );

  app.openapi(
    importOutcomesRoute,
    async (c) => {
      const text = await c.req.text();
      const { summary, errors } = await importOutcomeCsv(c.get('store'), c.get('workspaceId'), text);
      return c.json({ ...summary, errors }, 200);
    },
  );

  app.openapi(
    campaignSimulationRoute,
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
