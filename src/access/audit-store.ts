import type { Store } from '../db/open-database.ts';
import type { Database, Db } from '../db/schema.ts';
import type { AuditAction } from './audit-action.ts';

export interface AuditEntryInput {
  workspaceId: string | null;
  actorUserId: string | null;
  actor: string;
  via: 'session' | 'token' | 'cli' | 'system' | 'webhook';
  action: AuditAction;
  target?: string | null;
  outcome?: 'ok' | 'refused';
  details?: Record<string, unknown>;
  ip?: string | null;
}

export interface AuditEntry {
  id: number;
  workspaceId: string | null;
  at: string;
  actorUserId: string | null;
  actor: string;
  via: string;
  action: string;
  target: string | null;
  outcome: string;
  details: Record<string, unknown>;
  ip: string | null;
}


/** Appends one entry (the table refuses updates and deletes). Pass a transaction to record it with the change it describes. */
export async function appendAudit(db: Db, entry: AuditEntryInput, now: string = new Date().toISOString()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      at: now,
      actor_user_id: entry.actorUserId,
      actor: entry.actor,
      via: entry.via,
      action: entry.action,
      target: entry.target ?? null,
      outcome: entry.outcome ?? 'ok',
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  /** entries older than this id (paging backwards) */
  before?: number;
  limit?: number;
}

/**
 * A workspace's entries, newest first. Failed sign-ins name no workspace;
 * they are shown to the workspaces whose members' addresses were tried.
 */
export async function listAudit(store: Store, workspaceId: string, filter: AuditFilter = {}): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
  const memberEmails = store.db.selectFrom('workspace_members as m').innerJoin('auth_users as u', 'u.id', 'm.user_id').select('u.email').where('m.workspace_id', '=', workspaceId);
  let q = store.db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('workspace_id', '=', workspaceId), eb.and([eb('workspace_id', 'is', null), eb('actor', 'in', memberEmails)])]));
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.actor) q = q.where('actor', 'like', `%${filter.actor.replace(/[%_]/g, '')}%`);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.before) q = q.where('id', '<', filter.before);
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({ id: Number(r.id), workspaceId: r.workspace_id, at: r.at, actorUserId: r.actor_user_id, actor: r.actor, via: r.via, action: r.action, target: r.target, outcome: r.outcome, details: JSON.parse(r.details) as Record<string, unknown>, ip: r.ip })),
    nextBefore: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
  };
}

/** Failed sign-ins for an address since a time: the per-account limit on top of the per-address one. */
export async function countFailedSignIns(store: Store, email: string, since: string): Promise<number> {
  const row = await store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'sign_in_failed').where('actor', '=', email).where('at', '>=', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}
