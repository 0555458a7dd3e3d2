import type { LedgerEvent } from './ledger-event.ts';

/**
 * A ledger event in a recruiter's words ("bought 10 credits", "InMail to
 * ada@example.com (Open Profile, free)"), as the credits page, the API and
 * `scoutline credits history` show it. Seats are named through `seatName`.
 */
export function ledgerEventText(e: LedgerEvent, seatName: (id: string) => string = (id) => id): string {
  switch (e.type) {
    case 'subscribe':
      return `subscribed to ${e.plan}`;
    case 'switch':
      return `switched to ${e.plan}`;
    case 'cancel':
      return 'cancelled the plan';
    case 'inmail':
      return `InMail to ${e.to}${e.openProfile ? ' (Open Profile, free)' : ''}`;
    case 'reply':
      return `reply from ${e.from}${e.kind ? ` (${e.kind.replace('_', ' ')})` : ''}`;
    case 'purchase':
      return `bought ${e.count} credit${e.count === 1 ? '' : 's'}`;
    case 'transfer_out':
      return `moved ${e.count} credit${e.count === 1 ? '' : 's'} to ${seatName(e.toSeat)}`;
    case 'transfer_in':
      return `received ${e.count} credit${e.count === 1 ? '' : 's'} from ${seatName(e.fromSeat)}`;
  }
}
