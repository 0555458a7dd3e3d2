import { z } from 'zod';
import { planSchema, type Plan } from './plan-catalogue.ts';
import { parseDay } from './utc-day.ts';

/**
 * One fact in a seat's credit history. Dates are whole UTC days
 * (`YYYY-MM-DD`); a history is in date order, same-day events in the order
 * they happened.
 *
 * `subscribe` and `switch` may carry `terms`: the plan as it was configured
 * when the event was recorded, so a later change of the workspace's plan
 * catalogue does not rewrite the past. Without `terms` the plan id is looked
 * up in the catalogue.
 *
 * Pooling (recruiter-corporate) is two events, one in each seat's history:
 * `transfer_out` on the giving seat and `transfer_in` on the receiving seat,
 * sharing a `transferId`. The moved credits come out of the giver's
 * soonest-expiring lots and keep their grant and expiry dates; `transfer_in`
 * lists those lots so each seat's history replays on its own.
 */
export type ReplyKind = 'positive' | 'negative' | 'decline' | 'quick_reply';
export const replyKinds: readonly ReplyKind[] = ['positive', 'negative', 'decline', 'quick_reply'];

export interface TransferredLot {
  /** grant date of the lot the credits came from */
  granted: string;
  expires: string;
  count: number;
}

export type LedgerEvent =
  | { type: 'subscribe'; date: string; plan: string; terms?: Plan }
  | { type: 'switch'; date: string; plan: string; terms?: Plan }
  | { type: 'cancel'; date: string }
  | { type: 'inmail'; date: string; to: string; openProfile?: boolean }
  | { type: 'reply'; date: string; from: string; kind?: ReplyKind }
  | { type: 'purchase'; date: string; count: number }
  | { type: 'transfer_out'; date: string; count: number; toSeat: string; transferId: string }
  | { type: 'transfer_in'; date: string; count: number; fromSeat: string; transferId: string; lots: TransferredLot[] };

export type LedgerEventType = LedgerEvent['type'];

export const dateSchema = z.string().refine((s) => parseDay(s) !== null, 'expected a calendar date YYYY-MM-DD');
const personId = z.string().min(1).max(512);
const count = z.number().int().min(1).max(100_000);

/** zod schema for one ledger event at a boundary (API body, stored payload). */
export const ledgerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), date: dateSchema, plan: z.string().min(1), terms: planSchema.optional() }),
  z.object({ type: z.literal('switch'), date: dateSchema, plan: z.string().min(1), terms: planSchema.optional() }),
  z.object({ type: z.literal('cancel'), date: dateSchema }),
  z.object({ type: z.literal('inmail'), date: dateSchema, to: personId, openProfile: z.boolean().default(false) }),
  z.object({ type: z.literal('reply'), date: dateSchema, from: personId, kind: z.enum(['positive', 'negative', 'decline', 'quick_reply']).default('positive') }),
  z.object({ type: z.literal('purchase'), date: dateSchema, count }),
  z.object({ type: z.literal('transfer_out'), date: dateSchema, count, toSeat: z.string().min(1), transferId: z.string().min(1) }),
  z.object({
    type: z.literal('transfer_in'),
    date: dateSchema,
    count,
    fromSeat: z.string().min(1),
    transferId: z.string().min(1),
    lots: z.array(z.object({ granted: dateSchema, expires: dateSchema, count })).min(1),
  }),
]);
