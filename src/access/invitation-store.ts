import { randomUUID } from 'node:crypto';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { hashOpaqueToken, looksLikeOpaqueToken, newOpaqueToken } from './opaque-token.ts';
import { isRole, roleAtLeast, type Role } from './role.ts';

export interface Invitation {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string | null;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

export const invitationDays = 7;

type Row = { id: string; workspace_id: string; email: string | null; role: string; created_by: string; created_at: string; expires_at: string; accepted_at: string | null; revoked_at: string | null; workspace_name: string };

function rowToInvitation(r: Row, now: string): Invitation {
  const status = r.accepted_at ? 'accepted' : r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'pending';
  return { id: r.id, workspaceId: r.workspace_id, workspaceName: r.workspace_name, email: r.email, role: isRole(r.role) ? r.role : 'viewer', createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, acceptedAt: r.accepted_at, revokedAt: r.revoked_at, status };
}

function selectInvitations(store: Store) {
  return store.db
    .selectFrom('workspace_invitations as i')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .select(['i.id', 'i.workspace_id', 'i.email', 'i.role', 'i.created_by', 'i.created_at', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'w.name as workspace_name']);
}

/** An invitation by link (email null) or for one address; only an owner invites owners. The token is returned once. */
export async function createInvitation(
  store: Store,
  input: { workspaceId: string; email: string | null; role: Role; createdBy: string; actorRole: Role },
  now: Date = new Date(),
): Promise<{ token: string; invitation: Invitation }> {
  if (input.role === 'owner' && input.actorRole !== 'owner') throw new AppError('forbidden', 'only an owner can invite an owner');
  if (!roleAtLeast(input.actorRole, 'admin')) throw new AppError('forbidden', 'only admins and owners invite people');
  const email = input.email === null ? null : normaliseEmail(input.email);
  const token = newOpaqueToken('inv');
  const id = randomUUID();
  await store.db
    .insertInto('workspace_invitations')
    .values({ id, workspace_id: input.workspaceId, email, role: input.role, token_hash: hashOpaqueToken(token), created_by: input.createdBy, created_at: now.toISOString(), expires_at: new Date(now.getTime() + invitationDays * 86_400_000).toISOString(), accepted_at: null, accepted_by: null, revoked_at: null })
    .execute();
  return { token, invitation: await getInvitation(store, input.workspaceId, id, now.toISOString()) };
}

export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  // one address, no display name, no line breaks: it goes into an email header
  if (!/^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/.test(email) || email.length > 254) throw new AppError('invalid_input', `'${raw.replace(/[\r\n]/g, ' ')}' is not an email address`);
  return email;
}

export async function getInvitation(store: Store, workspaceId: string, id: string, now: string = new Date().toISOString()): Promise<Invitation> {
  const row = await selectInvitations(store).where('i.workspace_id', '=', workspaceId).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `no invitation '${id}'`, { id });
  return rowToInvitation(row, now);
}

export async function listInvitations(store: Store, workspaceId: string, now: string = new Date().toISOString()): Promise<Invitation[]> {
  return (await selectInvitations(store).where('i.workspace_id', '=', workspaceId).orderBy('i.created_at', 'desc').execute()).map((r) => rowToInvitation(r, now));
}

export async function revokeInvitation(store: Store, workspaceId: string, id: string, now: string = new Date().toISOString()): Promise<Invitation> {
  const inv = await getInvitation(store, workspaceId, id, now);
  if (inv.status === 'pending') await store.db.updateTable('workspace_invitations').set({ revoked_at: now }).where('id', '=', id).execute();
  return getInvitation(store, workspaceId, id, now);
}

/** The pending invitation behind a link token, or not_found (unknown, used, revoked and expired links all look the same). */
export async function findPendingInvitation(store: Store, token: string, now: string = new Date().toISOString()): Promise<Invitation> {
  const missing = new AppError('not_found', 'this invitation link is not valid: it may have expired, been used or been revoked');
  if (!looksLikeOpaqueToken(token, 'inv')) throw missing;
  const row = await selectInvitations(store).where('i.token_hash', '=', hashOpaqueToken(token)).executeTakeFirst();
  if (!row) throw missing;
  const inv = rowToInvitation(row, now);
  if (inv.status !== 'pending') throw missing;
  return inv;
}

/** Marks an invitation used; false when another request used it first (a link works once). */
export async function markInvitationAccepted(store: Store, id: string, userId: string, now: string = new Date().toISOString()): Promise<boolean> {
  const r = await store.db.updateTable('workspace_invitations').set({ accepted_at: now, accepted_by: userId }).where('id', '=', id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
