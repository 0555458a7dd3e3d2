import type { Selectable } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { SeatTable } from '../candidates/candidate-tables.ts';
import { isValidTimeZone, seatInputSchema, type Seat, type SeatInput } from './seat.ts';

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
    throw new AppError('invalid_input', `invalid seat: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'seat'}: ${i.message}`).join('; ')}`);
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
 * the name, with -2, -3, ... appended when taken; an explicit id that is
 * taken is a conflict.
 */
export async function addSeat(store: Store, workspaceId: string, raw: unknown, now: string = new Date().toISOString()): Promise<Seat> {
  const input = validateSeatInput(raw);
  // Seat ids are unique across workspaces (the table's primary key).
  let id: string;
  if (input.id) {
    const exists = await store.db.selectFrom('seats').select('id').where('id', '=', input.id).executeTakeFirst();
    if (exists) throw new AppError('conflict', `seat '${input.id}' already exists`, { id: input.id });
    id = input.id;
  } else {
    const base = seatIdFromName(input.name);
    const taken = new Set((await store.db.selectFrom('seats').select('id').where('id', 'like', `${base}%`).execute()).map((r) => r.id));
    id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
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

export async function getSeat(store: Store, workspaceId: string, id: string): Promise<Seat> {
  const row = await store.db.selectFrom('seats').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `seat '${id}' does not exist`, { id });
  return rowToSeat(row);
}

/** The seats of a workspace, oldest first (ties by id). */
export async function listSeats(store: Store, workspaceId: string): Promise<Seat[]> {
  const rows = await store.db.selectFrom('seats').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
  return rows.map(rowToSeat);
}

/** Gives a seat to a member (or takes it back to unassigned with null); the caller checks the member belongs to the workspace. */
export async function setSeatOwner(store: Store, workspaceId: string, id: string, ownerUserId: string | null): Promise<Seat> {
  const result = await store.db.updateTable('seats').set({ owner_user_id: ownerUserId }).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found', `seat '${id}' does not exist`, { id });
  return getSeat(store, workspaceId, id);
}
