import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { Database, Db } from '../db/schema.ts';
import { appendAudit } from '../access/audit-store.ts';
import type { AuditAction } from '../access/audit-action.ts';
import { AppError } from '../core/app-error.ts';
import type { Principal } from '../access/principal.ts';

/** The authenticated caller of a route whose policy needs one (the middleware guarantees it). */
export function callerOf(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new AppError('unauthenticated', 'sign in first');
  return p;
}

/** Records what the caller of this request did, in their workspace. */
export async function auditRequest(
  c: Context<AppEnv>,
  entry: { action: AuditAction; target?: string | null; details?: Record<string, unknown>; outcome?: 'ok' | 'refused'; workspaceId?: string | null },
  db?: Db,
): Promise<void> {
  const p = c.get('principal');
  await appendAudit(db ?? c.get('store').db, {
    workspaceId: entry.workspaceId !== undefined ? entry.workspaceId : (p?.workspaceId ?? null),
    actorUserId: p?.userId ?? null,
    actor: p?.email ?? 'anonymous',
    via: p?.via ?? 'webhook',
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome,
    details: entry.details,
    ip: c.get('clientIp'),
  });
}
