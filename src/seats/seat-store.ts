import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { Database, Db, Dialect } from '../db/schema.ts';
import type { SeatTable } from './seat-tables.ts';
import { isValidTimeZone, seatInputSchema, type Seat, type SeatInput } from './seat.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

type SeatRow = Selectable<SeatTable>;

export function rowToSeat(row: SeatRow): Seat {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    plan: row.plan,
    paid: Number(row.paid) === 1,
    timeZone: row.time_zone,
    workingHours: JSON.parse(row.working_hours),
    weeklyInviteCap: Number(row.weekly_invite_cap),
    contractId: row.contract_id,
    employers: JSON.parse(row.employers),
    schools: JSON.parse(row.schools),
    ownerUserId: row.owner_user_id ?? null,
    createdAt: row.created_at,
  };
}

/** A seat id derived from its name: lower-case letters, digits and '-'. */
export function seatIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'seat';
}

/**
 * Validates a seat input: the time zone must be a real IANA zone, and a seat
 * with a plan is a paid LinkedIn account (a plan implies `paid`, so the
 * input `{ plan: 'recruiter-lite' }` is a paid seat without saying so twice).
 * Plan ids are not checked here: the plan catalogue is the credits domain's
 * and a workspace may add its own plans.
 */
export function validateSeatInput(raw: unknown): SeatInput {
  const parsed = seatInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw zodIssuesToAppError(parsed.error.issues, 'seat');
  }
  const input = parsed.data;
  if (!isValidTimeZone(input.timeZone)) throw new AppError('invalid_input', `unknown time zone '${input.timeZone}'`, { timeZone: input.timeZone });
  if (input.workingHours.start >= input.workingHours.end) {
    throw new AppError('invalid_input', `working hours must start before they end (${input.workingHours.start}-${input.workingHours.end})`);
  }
  return { ...input, paid: input.paid || input.plan !== null };
}

/**
 * Adds a seat to a workspace. Without an explicit id the id is derived from
 * the name, with -2, -3, ... appended when this workspace already uses it;
 * an explicit id that is taken is a conflict. A seat given to a member
 * (ownerUserId) needs that member to belong to the workspace.
 *
 * Seat ids are unique across workspaces (the table's primary key), so an id
 * used by another workspace cannot be taken either; the refusal is worded
 * the same whichever workspace uses it, and a derived id that another
 * workspace uses gets a random suffix instead of the next number, so neither
 * answer tells another workspace's seats apart from this one's
 * (docs/security.md, "Workspace isolation").
 */
export async function addSeat(store: Store, workspaceId: string, raw: unknown, now: string = new Date().toISOString()): Promise<Seat> {
  const input = validateSeatInput(raw);
  if (input.ownerUserId !== null) await requireMember(store.db, workspaceId, input.ownerUserId);
  let id: string;
  if (input.id) {
    const exists = await store.db.selectFrom('seats').select('id').where('id', '=', input.id).executeTakeFirst();
    if (exists) throw new AppError('conflict', `seat id '${input.id}' is already in use: choose another id, or leave it out to derive one from the name`, { id: input.id });
    id = input.id;
  } else {
    id = await freeSeatId(store.db, workspaceId, seatIdFromName(input.name));
  }
  const row: SeatRow = {
    id,
    workspace_id: workspaceId,
    name: input.name,
    plan: input.plan,
    paid: input.paid ? 1 : 0,
    time_zone: input.timeZone,
    working_hours: JSON.stringify(input.workingHours),
    weekly_invite_cap: input.weeklyInviteCap,
    contract_id: input.contractId,
    employers: JSON.stringify(input.employers),
    schools: JSON.stringify(input.schools),
    created_at: now,
    owner_user_id: input.ownerUserId,
  };
  await store.db.insertInto('seats').values(row).execute();
  return rowToSeat(row);
}

export async function getSeat(store: Pick<Store, 'db'>, workspaceId: string, id: string): Promise<Seat> {
  return readSeat(store.db, workspaceId, id);
}

/** getSeat on a handle (inside a caller's transaction); not_found names the seat as `detailKey` in the details. */
export async function readSeat(db: Db, workspaceId: string, id: string, detailKey = 'id'): Promise<Seat> {
  const row = await db.selectFrom('seats').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `seat '${id}' does not exist`, { [detailKey]: id });
  return rowToSeat(row);
}

/**
 * A seat by id alone, for the outreach engine, which works on rows that
 * already name their seat (an action, a campaign's seat list): the seat
 * exists while they do (foreign keys), so a missing one is a broken row.
 */
export async function seatOfRow(db: Db, seatId: string): Promise<Seat> {
  const row = await db.selectFrom('seats').selectAll().where('id', '=', seatId).executeTakeFirst();
  if (!row) throw new AppError('internal', `seat '${seatId}' named by an outreach row does not exist`, { seatId });
  return rowToSeat(row);
}

/** The workspace a seat belongs to; undefined when there is no such seat. */
export async function workspaceOfSeat(db: Db, seatId: string): Promise<string | undefined> {
  return (await db.selectFrom('seats').select('workspace_id').where('id', '=', seatId).executeTakeFirst())?.workspace_id;
}

/** A workspace's seats, oldest first (ties by id), optionally only those named. */
export async function listSeatsOn(db: Db, workspaceId: string, only: { seatIds?: readonly string[] } = {}): Promise<Seat[]> {
  let q = db.selectFrom('seats').selectAll().where('workspace_id', '=', workspaceId);
  if (only.seatIds?.length === 0) return [];
  if (only.seatIds) q = q.where('id', 'in', [...only.seatIds]);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(rowToSeat);
}

/** Serialises writers of these seats' histories on PostgreSQL (`FOR UPDATE`, in id order so two writers cannot deadlock); SQLite's write transaction already does. */
export async function lockSeats(db: Db, dialect: Dialect, seatIds: readonly string[]): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const id of [...seatIds].sort()) await db.selectFrom('seats').select('id').where('id', '=', id).forUpdate().execute();
}

/** The seat's LinkedIn plan as its credit ledger last set it (a subscribe or switch sets it and makes the seat paid; a cancel clears it). */
export async function setSeatPlan(db: Db, seatId: string, change: { plan: string } | { cancelled: true }): Promise<void> {
  if ('plan' in change) await db.updateTable('seats').set({ plan: change.plan, paid: 1 }).where('id', '=', seatId).execute();
  else await db.updateTable('seats').set({ plan: null }).where('id', '=', seatId).execute();
}

/** A member leaving the workspace leaves their seats unassigned. */
export async function unassignSeatsOf(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.updateTable('seats').set({ owner_user_id: null }).where('workspace_id', '=', workspaceId).where('owner_user_id', '=', userId).execute();
}

/** Whether the workspace has this seat (a reference to check, without loading it). */
export async function seatExists(store: Pick<Store, 'db'>, workspaceId: string, id: string): Promise<boolean> {
  return (await store.db.selectFrom('seats').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The seats of a workspace, oldest first (ties by id). */
export async function listSeats(store: Pick<Store, 'db'>, workspaceId: string): Promise<Seat[]> {
  return listSeatsOn(store.db, workspaceId);
}

/**
 * Gives a seat to a member of the workspace (or takes it back to unassigned
 * with null). Refused with not_found for a seat or a user that is not in the
 * workspace. `inTransaction` runs in the same transaction after the change
 * (the audit entry), with the owner before and after.
 */
export async function setSeatOwner(
  store: Store,
  workspaceId: string,
  id: string,
  ownerUserId: string | null,
  opts: { inTransaction?: (trx: Db, change: { from: string | null; to: string | null }) => Promise<void> } = {},
): Promise<Seat> {
  await withWriteTransaction(store, async (trx) => {
    const row = await trx.selectFrom('seats').select('owner_user_id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `seat '${id}' does not exist`, { id });
    if (ownerUserId !== null) await requireMember(trx, workspaceId, ownerUserId);
    await trx.updateTable('seats').set({ owner_user_id: ownerUserId }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    await opts.inTransaction?.(trx, { from: row.owner_user_id ?? null, to: ownerUserId });
  });
  return getSeat(store, workspaceId, id);
}

async function requireMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  const member = await db.selectFrom('workspace_members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  if (!member) throw new AppError('not_found', `user '${userId}' is not a member of this workspace: a seat can only go to a member`, { ownerUserId: userId });
}

/** The first of base, base-2, base-3, ... this workspace does not use; if another workspace uses that one, base-<random> instead. */
async function freeSeatId(db: Kysely<Database>, workspaceId: string, base: string): Promise<string> {
  const rows = await db.selectFrom('seats').select(['id', 'workspace_id']).where('id', 'like', `${base}%`).execute();
  const ours = new Set(rows.filter((r) => r.workspace_id === workspaceId).map((r) => r.id));
  const all = new Set(rows.map((r) => r.id));
  let id = base;
  for (let n = 2; ours.has(id); n++) id = `${base}-${n}`;
  while (all.has(id)) id = `${base}-${randomBytes(3).toString('hex')}`;
  return id;
}
