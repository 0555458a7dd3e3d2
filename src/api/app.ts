import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Store } from '../db/open-database.ts';
import type { AppEnv } from './app-env.ts';
import { errorResponse } from './error-response.ts';
import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { registerCandidateRoutes } from './routes/candidate-routes.ts';
import { registerImportRoutes } from './routes/import-routes.ts';
import { registerSearchRoutes } from './routes/search-routes.ts';
import { registerCreditRoutes } from './routes/credit-routes.ts';
import { registerRankingRoutes } from './routes/ranking-routes.ts';
import { registerMessageRoutes } from './routes/message-routes.ts';
import { registerOutreachRoutes } from './routes/outreach-routes.ts';
import { registerAnalyticsRoutes } from './routes/analytics-routes.ts';
import { registerOutreachIoRoutes } from './routes/outreach-io-routes.ts';
import { registerCampaignCandidateRoutes } from './routes/campaign-candidate-routes.ts';
import { registerAccountRoutes } from './routes/account-routes.ts';
import { registerMemberRoutes } from './routes/member-routes.ts';
import { registerTokenRoutes } from './routes/token-routes.ts';
import { registerAuditRoutes } from './routes/audit-routes.ts';
import { registerSettingsRoutes } from './routes/settings-routes.ts';
import { registerBackupRoutes } from './routes/backup-routes.ts';
import { registerPrivacyRoutes } from './routes/privacy-routes.ts';
import type { BackupStatus } from '../operations/backup-status.ts';
import type { AccessContext } from '../access/access-context.ts';
import { browserGuard } from './browser-guard.ts';
import { accessMiddleware } from './access-middleware.ts';
import { bodyLimitsFromEnv, type BodyLimits } from './body-limits.ts';
import { bodyLimitMiddleware, jsonBodyMiddleware } from './request-body.ts';
import { routeBodiesOf, type RouteBody } from './route-bodies.ts';

export interface AppOptions {
  store: Store;
  /** sign-in, keys and browser rules (createAccessContext) */
  access: AccessContext;
  /** folder with the built web UI; served at / when present */
  webRoot?: string;
  /** SQLite: import bodies of at least this many bytes (Content-Length) through a worker thread (default workerImportMinBytes) */
  workerImportMinBytes?: number;
  /** request body limits over those of the environment (bodyLimitsFromEnv; docs/operations.md) */
  bodyLimits?: Partial<BodyLimits>;
  /** the running backup scheduler's status (serve --backup-dir); absent: not scheduled */
  backupStatus?: () => BackupStatus;
}

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures use the same error shape and code table as everything else.
    defaultHook: (result, c) => {
      if (!result.success) {
        const target = (result as { target?: string }).target ?? 'request';
        const e = zodIssuesToAppError(result.error.issues, target);
        return c.json(e.toJSON(), 400);
      }
    },
  });
  app.use('*', async (c, next) => {
    c.set('store', options.store);
    c.set('access', options.access);
    c.set('workspaceId', '');
    c.set('principal', undefined);
    await next();
  });
  // Order matters: host and origin checks first, then who is calling and whether the route lets them.
  // Body limits apply before authentication (nothing oversized is read for anyone); bodies are parsed after it.
  const limits: BodyLimits = { ...bodyLimitsFromEnv(process.env), ...options.bodyLimits };
  let bodies: Map<string, RouteBody> | undefined;
  app.use('*', browserGuard());
  app.use('*', bodyLimitMiddleware(limits));
  app.use('*', accessMiddleware());
  app.use('*', jsonBodyMiddleware(() => (bodies ??= routeBodiesOf(app.openAPIRegistry.definitions))));
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  app.get('/api/health', (c) => c.json({ ok: true, database: options.store.dialect }));
  registerCandidateRoutes(app);
  registerImportRoutes(app, { workerMinBytes: options.workerImportMinBytes, maxRecordBytes: limits.importRecord });
  registerSearchRoutes(app);
  registerCreditRoutes(app);
  registerRankingRoutes(app);
  registerMessageRoutes(app);
  registerOutreachRoutes(app);
  registerAnalyticsRoutes(app);
  registerOutreachIoRoutes(app);
  registerCampaignCandidateRoutes(app);
  registerAccountRoutes(app);
  registerMemberRoutes(app);
  registerTokenRoutes(app);
  registerAuditRoutes(app);
  registerPrivacyRoutes(app);
  registerSettingsRoutes(app);
  registerBackupRoutes(app, { status: options.backupStatus });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Scoutline API', version: '0.1.0', description: 'Sourcing and outreach for recruiters.' },
  });

  const webRoot = options.webRoot ?? resolve(import.meta.dirname, '../../web/dist');
  if (existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webRoot }));
    app.get('/favicon.svg', serveStatic({ path: join(webRoot, 'favicon.svg') }));
    // The UI is a single-page app: every non-API path gets index.html.
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
  }
  return app;
}
