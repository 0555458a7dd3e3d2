import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { auditRequest } from '../request-audit.ts';
import { executorSettingsInputSchema } from '../../outreach/delivery/executors/executor-settings-update.ts';
import { loadExecutorSettingsView, saveExecutorSettings } from '../../outreach/delivery/executors/executor-settings-store.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const secretState = z.object({ set: z.boolean() }).openapi('SecretState', { description: 'whether the secret is stored; the value itself is never returned' });

const viewSchema = z
  .object({
    smtp: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'host, port, secure, auth { user, pass: SecretState }, from, ... as stored; null: SCOUTLINE_SMTP_* applies' }),
    webhook: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'url, secret: SecretState, maxAttempts, ...; null: SCOUTLINE_EXECUTOR_WEBHOOK_* applies' }),
    sandbox: z.record(z.string(), z.unknown()).nullable(),
    outcomesSecret: secretState,
  })
  .openapi('ExecutorSettings');

/**
 * The workspace's executor settings (SMTP, outgoing webhook, sandbox) and
 * the inbound outcomes webhook's secret, for admins. Secrets are stored
 * sealed (access/stored-secrets.ts) and shown only as `{ set }`; an
 * omitted secret keeps the stored one, `null` clears it.
 */
export function registerSettingsRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/settings/executors', tags: ['settings'], summary: 'Executor settings and the inbound webhook secret (secrets as { set })', responses: { 200: json(viewSchema, 'The settings'), ...errorResponses } }),
    async (c) => c.json(await loadExecutorSettingsView(c.get('store').db, c.get('workspaceId')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/settings/executors',
      tags: ['settings'],
      summary: 'Change executor settings: a section left out is kept, null removes it; in a section, a secret left out is kept and null clears it. The worker reads them at its start.',
      request: { body: { content: { 'application/json': { schema: executorSettingsInputSchema } }, required: true } },
      responses: { 200: json(z.object({ settings: viewSchema, changed: z.array(z.string()) }), 'The settings now, and the fields that changed'), ...errorResponses },
    }),
    async (c) => {
      const { view, changed } = await saveExecutorSettings(c.get('store'), c.get('workspaceId'), c.req.valid('json'), c.get('access').secretsKey, {
        // field paths only: never a value, secret or not
        inTransaction: (trx, paths) => auditRequest(c, { action: 'settings_changed', target: 'executors', details: { changed: paths } }, trx),
      });
      return c.json({ settings: view, changed }, 200);
    },
  );
}
