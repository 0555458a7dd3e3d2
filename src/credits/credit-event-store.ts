import type { Database, Dialect, Db } from '../db/schema.ts';
import type { LedgerEvent } from './ledger-event.ts';

/**
 * Storage of seats' credit histories: rows in `credit_events`, appended in
 * `seq` order and never changed. Validation against the ledger happens in
 * seat-credits.ts before a row is written.
 */
export interface StoredCreditEvent {
  seq: number;
  event: LedgerEvent;
  createdAt: string;
  /** who recorded it: a user id, 'cli' (the local CLI) or 'system' (the outreach engine); null for events from before accounts */
  recordedBy: string | null;
}


/** A seat's whole history in replay order. */
export async function loadCreditEvents(db: Db, seatId: string): Promise<StoredCreditEvent[]> {
  const rows = await db.selectFrom('credit_events').select(['seq', 'payload', 'created_at', 'recorded_by']).where('seat_id', '=', seatId).orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), event: JSON.parse(r.payload) as LedgerEvent, createdAt: r.created_at, recordedBy: r.recorded_by ?? null }));
}

/**
 * Appends events after `lastSeq`, each with its author; the unique
 * (seat_id, seq) index rejects a concurrent writer that read the same history.
 */
export async function appendCreditEvents(db: Db, seatId: string, lastSeq: number, events: readonly LedgerEvent[], now: string, recordedBy: string): Promise<number> {
  if (events.length === 0) return lastSeq;
  await db
    .insertInto('credit_events')
    .values(events.map((event, i) => ({ seat_id: seatId, seq: lastSeq + i + 1, date: event.date, type: event.type, payload: JSON.stringify(event), created_at: now, recorded_by: recordedBy })))
    .execute();
  return lastSeq + events.length;
}

