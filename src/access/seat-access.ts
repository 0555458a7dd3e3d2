import type { Role } from './role.ts';

/**
 * Row-level rule on top of the route policy table: who may work a seat
 * (send from it, answer its tasks, run its campaigns, record its credits).
 * Admins and owners work every seat; a recruiter only the seats assigned to
 * them (an unassigned seat is an admin's to give out); a viewer none.
 */
export interface SeatWorker {
  userId: string;
  role: Role | null;
}

export function canWorkSeat(who: SeatWorker, seat: { ownerUserId: string | null }): boolean {
  switch (who.role) {
    case 'owner':
    case 'admin':
      return true;
    case 'recruiter':
      return seat.ownerUserId !== null && seat.ownerUserId === who.userId;
    default:
      return false;
  }
}

/** Whether the caller sees every seat's tasks or only those of the seats they own (viewers read them all, changing nothing). */
export function seesOnlyOwnSeats(who: SeatWorker): boolean {
  return who.role === 'recruiter';
}

/** The refusal message naming the seat and who it belongs to. */
export function seatRefusalMessage(seat: { id: string }, ownerName: string | null): string {
  return ownerName === null
    ? `seat '${seat.id}' is not assigned to anyone; only an admin can work it (or assign it to you)`
    : `seat '${seat.id}' belongs to ${ownerName}; only its owner or an admin can work it`;
}
