import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { isRole, roleAtLeast, type Role } from './role.ts';
import { unassignSeatsOf } from '../seats/seat-store.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}

function asRole(value: string): Role {
  if (!isRole(value)) throw new AppError('storage_error', `a member has an unknown role '${value}'`);
  return value;
}

/** The workspaces a user belongs to, with their role, oldest membership first. */
export async function listUserWorkspaces(store: Store, userId: string): Promise<WorkspaceSummary[]> {
  const rows = await store.db
    .selectFrom('workspace_members as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['w.id', 'w.name', 'm.role', 'm.created_at'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .orderBy('w.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: asRole(r.role) }));
}

export async function memberRole(store: Store, workspaceId: string, userId: string): Promise<Role | null> {
  const row = await store.db.selectFrom('workspace_members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  return row ? asRole(row.role) : null;
}

export async function listMembers(store: Store, workspaceId: string): Promise<Member[]> {
  const rows = await store.db
    .selectFrom('workspace_members as m')
    .innerJoin('auth_users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.email', 'u.name', 'm.role', 'm.created_at'])
    .where('m.workspace_id', '=', workspaceId)
    .orderBy('m.created_at')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: asRole(r.role), joinedAt: r.created_at }));
}

export async function getMember(store: Store, workspaceId: string, userId: string): Promise<Member> {
  const m = (await listMembers(store, workspaceId)).find((x) => x.userId === userId);
  if (!m) throw new AppError('not_found', `no member '${userId}' in this workspace`, { userId });
  return m;
}

/** Adds a member, or keeps the higher of the two roles when they already belong (accepting a second invitation never demotes). */
export async function addMember(store: Store, workspaceId: string, userId: string, role: Role, now: string = new Date().toISOString()): Promise<Role> {
  const existing = await memberRole(store, workspaceId, userId);
  if (existing) {
    if (roleAtLeast(existing, role)) return existing;
    await store.db.updateTable('workspace_members').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    return role;
  }
  await store.db.insertInto('workspace_members').values({ workspace_id: workspaceId, user_id: userId, role, created_at: now }).execute();
  return role;
}

/**
 * Changes a member's role. Rules: only an owner makes or unmakes owners, and
 * a workspace always keeps at least one owner.
 */
export async function changeMemberRole(store: Store, workspaceId: string, actorRole: Role, userId: string, role: Role): Promise<Member> {
  return withWriteTransaction(store, async (trx) => {
    const row = await trx.selectFrom('workspace_members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `no member '${userId}' in this workspace`, { userId });
    const current = asRole(row.role);
    if ((current === 'owner' || role === 'owner') && actorRole !== 'owner') throw new AppError('forbidden', 'only an owner can make or change an owner');
    if (current === 'owner' && role !== 'owner') await assertAnotherOwner(trx, workspaceId, userId);
    await trx.updateTable('workspace_members').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    return null;
  }).then(() => getMember(store, workspaceId, userId));
}

/** Removes a member: their seats go back to unassigned and their tokens for this workspace are revoked. */
export async function removeMember(store: Store, workspaceId: string, actorRole: Role, userId: string, now: string = new Date().toISOString()): Promise<void> {
  await withWriteTransaction(store, async (trx) => {
    const row = await trx.selectFrom('workspace_members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `no member '${userId}' in this workspace`, { userId });
    if (asRole(row.role) === 'owner') {
      if (actorRole !== 'owner') throw new AppError('forbidden', 'only an owner can remove an owner');
      await assertAnotherOwner(trx, workspaceId, userId);
    }
    await trx.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    await unassignSeatsOf(trx, workspaceId, userId);
    await trx.updateTable('api_tokens').set({ revoked_at: now }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  });
}

async function assertAnotherOwner(trx: Pick<Store['db'], 'selectFrom'>, workspaceId: string, userId: string): Promise<void> {
  const others = await trx.selectFrom('workspace_members').select('user_id').where('workspace_id', '=', workspaceId).where('role', '=', 'owner').where('user_id', '!=', userId).execute();
  if (others.length === 0) throw new AppError('conflict', 'a workspace needs at least one owner: make someone else owner first');
}

/** A new workspace with its creator as owner. */
export async function createWorkspace(store: Store, name: string, ownerUserId: string, now: string = new Date().toISOString()): Promise<WorkspaceSummary> {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('invalid_input', 'a workspace needs a name');
  const base =
    trimmed
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'workspace';
  const taken = new Set((await store.db.selectFrom('workspaces').select('id').where('id', 'like', `${base}%`).execute()).map((r) => r.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  await withWriteTransaction(store, async (trx) => {
    await trx.insertInto('workspaces').values({ id, name: trimmed, settings: '{}', created_at: now }).execute();
    await trx.insertInto('workspace_members').values({ workspace_id: id, user_id: ownerUserId, role: 'owner', created_at: now }).execute();
  });
  return { id, name: trimmed, role: 'owner' };
}
