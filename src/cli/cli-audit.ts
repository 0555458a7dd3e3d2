import type { Database, Db } from '../db/schema.ts';
import { appendAudit } from '../access/audit-store.ts';
import type { AuditAction } from '../access/audit-action.ts';

/**
 * The local CLI works on the database file itself and so acts as the owner
 * (docs/security.md); what it changes is still audited, as `via: cli`, with
 * the operating-system user who ran it.
 */
export function localCliActor(): string {
  const user = process.env.SUDO_USER || process.env.USER || process.env.LOGNAME || 'unknown';
  return `local cli (${user})`;
}

export async function auditCli(db: Db, workspaceId: string, action: AuditAction, target: string | null, details: Record<string, unknown> = {}): Promise<void> {
  await appendAudit(db, { workspaceId, actorUserId: null, actor: localCliActor(), via: 'cli', action, target, details });
}
