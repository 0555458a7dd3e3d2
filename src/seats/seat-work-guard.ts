import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { canWorkSeat, seatRefusalMessage, type SeatWorker } from '../access/seat-access.ts';
import { getSeat } from './seat-store.ts';
import type { Seat } from './seat.ts';

/**
 * The seats of this workspace the caller is about to work, checked against
 * the row-level rule (src/access/seat-access.ts): not_found for a seat that
 * is not in the workspace (another workspace's seat looks the same as one
 * that does not exist), forbidden naming the first seat the caller may not
 * work and its owner.
 */
export async function requireWorkableSeats(store: Store, workspaceId: string, who: SeatWorker, seatIds: readonly string[]): Promise<Seat[]> {
  const seats: Seat[] = [];
  for (const id of new Set(seatIds)) seats.push(await getSeat(store, workspaceId, id));
  const refused = seats.find((s) => !canWorkSeat(who, s));
  if (refused) {
    const owner = refused.ownerUserId
      ? await store.db.selectFrom('auth_users').select(['name', 'email']).where('id', '=', refused.ownerUserId).executeTakeFirst()
      : undefined;
    const ownerName = refused.ownerUserId ? owner?.name || owner?.email || 'another member' : null;
    throw new AppError('forbidden', seatRefusalMessage(refused, ownerName), { seatId: refused.id });
  }
  return seats;
}

/** The ids of the workspace's seats assigned to this user. */
export async function ownSeatIds(store: Store, workspaceId: string, userId: string): Promise<string[]> {
  const rows = await store.db.selectFrom('seats').select('id').where('workspace_id', '=', workspaceId).where('owner_user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => r.id);
}
