import { randomUUID } from 'node:crypto';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { hashOpaqueToken, looksLikeOpaqueToken, newOpaqueToken, opaqueTokenPrefix } from './opaque-token.ts';
import { isRole, lesserRole, roleAtLeast, type Role } from './role.ts';
import { memberRole } from './membership-store.ts';

export interface ApiToken {
  id: string;
  workspaceId: string;
  userId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function rowToToken(r: { id: string; workspace_id: string; user_id: string; name: string; role: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null }): ApiToken {
  return { id: r.id, workspaceId: r.workspace_id, userId: r.user_id, name: r.name, role: isRole(r.role) ? r.role : 'viewer', prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

/** Creates a token for a member, with at most their role; the clear token is in the result and nowhere else. */
export async function createApiToken(
  store: Store,
  input: { workspaceId: string; userId: string; name: string; role: Role },
  now: string = new Date().toISOString(),
): Promise<{ token: string; info: ApiToken }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new AppError('invalid_input', 'a token needs a name of 1 to 100 characters');
  const userRole = await memberRole(store, input.workspaceId, input.userId);
  if (!userRole) throw new AppError('not_found', 'no such member in this workspace');
  if (!roleAtLeast(userRole, input.role)) throw new AppError('forbidden', `a token cannot have more than your role (${userRole})`);
  const token = newOpaqueToken('tok');
  const row = { id: randomUUID(), workspace_id: input.workspaceId, user_id: input.userId, name, role: input.role, token_hash: hashOpaqueToken(token), prefix: opaqueTokenPrefix(token), created_at: now, last_used_at: null, revoked_at: null };
  await store.db.insertInto('api_tokens').values(row).execute();
  return { token, info: rowToToken(row) };
}

/** Tokens of a workspace: all of them for `userId` undefined (admins), else that user's. */
export async function listApiTokens(store: Store, workspaceId: string, userId?: string): Promise<ApiToken[]> {
  let q = store.db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId);
  if (userId) q = q.where('user_id', '=', userId);
  return (await q.orderBy('created_at', 'desc').execute()).map(rowToToken);
}

export async function revokeApiToken(store: Store, workspaceId: string, id: string, onlyUserId?: string, now: string = new Date().toISOString()): Promise<ApiToken> {
  let q = store.db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (onlyUserId) q = q.where('user_id', '=', onlyUserId);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('not_found', `no token '${id}'`, { id });
  if (!row.revoked_at) await store.db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
  return rowToToken({ ...row, revoked_at: row.revoked_at ?? now });
}

export interface TokenIdentity {
  tokenId: string;
  userId: string;
  email: string;
  name: string;
  workspaceId: string;
  role: Role;
}

/**
 * The identity behind a bearer token, or null: unknown, revoked, or its user
 * no longer a member. Its role is the lesser of the token's and the user's
 * current role, so demoting someone demotes their tokens too.
 */
export async function verifyApiToken(store: Store, token: string, now: string = new Date().toISOString()): Promise<TokenIdentity | null> {
  if (!looksLikeOpaqueToken(token, 'tok')) return null;
  const row = await store.db
    .selectFrom('api_tokens as t')
    .innerJoin('auth_users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.workspace_id', 't.user_id', 't.role', 't.revoked_at', 't.last_used_at', 'u.email', 'u.name'])
    .where('t.token_hash', '=', hashOpaqueToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || !isRole(row.role)) return null;
  const current = await memberRole(store, row.workspace_id, row.user_id);
  if (!current) return null;
  // last-used to the minute: one write per token per minute, not one per request
  if (!row.last_used_at || row.last_used_at.slice(0, 16) !== now.slice(0, 16)) {
    await store.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { tokenId: row.id, userId: row.user_id, email: row.email, name: row.name, workspaceId: row.workspace_id, role: lesserRole(row.role, current) };
}
