import type { ScoutlineApp } from '../app-env.ts';
import { listAuditRoute } from '../../api-contract/audit-contract.ts';
import { listAudit } from '../../access/audit-store.ts';

/** The append-only audit log of the workspace, newest first, for admins. */
export function registerAuditRoutes(app: ScoutlineApp): void {
  app.openapi(listAuditRoute, async (c) => c.json(await listAudit(c.get('store'), c.get('workspaceId'), c.req.valid('query')), 200));
}
