import type { ScoutlineApp } from '../app-env.ts';
import { auditRequest } from '../request-audit.ts';
import { executorSettingsRoute, saveExecutorSettingsRoute } from '../../api-contract/settings-contract.ts';
import { loadExecutorSettingsView, saveExecutorSettings } from '../../outreach/delivery/executors/executor-settings-store.ts';

/**
 * The workspace's executor settings (SMTP, outgoing webhook, sandbox) and
 * the inbound outcomes webhook's secret, for admins. Secrets are stored
 * sealed (access/stored-secrets.ts) and shown only as `{ set }`; an
 * omitted secret keeps the stored one, `null` clears it.
 */
export function registerSettingsRoutes(app: ScoutlineApp): void {
  app.openapi(executorSettingsRoute, async (c) => c.json(await loadExecutorSettingsView(c.get('store').db, c.get('workspaceId')), 200));

  app.openapi(saveExecutorSettingsRoute, async (c) => {
    const { view, changed } = await saveExecutorSettings(c.get('store'), c.get('workspaceId'), c.req.valid('json'), c.get('access').secretsKey, {
      // field paths only: never a value, secret or not
      inTransaction: (trx, paths) => auditRequest(c, { action: 'settings_changed', target: 'executors', details: { changed: paths } }, trx),
    });
    return c.json({ settings: view, changed }, 200);
  });
}
