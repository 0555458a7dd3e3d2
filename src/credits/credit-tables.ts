import type { ColumnType, Generated } from 'kysely';

/**
 * Tables owned by src/credits. A seat's credit history is append-only: rows
 * are inserted, never updated (a trigger refuses UPDATE on both backends);
 * the current state is always derived by replaying them (ledger.ts).
 * Workspace overrides of the plan catalogue live in `workspaces.settings`
 * under the key `credits`.
 */
export interface CreditEventTable {
  id: Generated<number>;
  seat_id: string;
  /** 1, 2, 3, ... per seat; unique with seat_id, the replay order */
  seq: number;
  /** YYYY-MM-DD, UTC day of the event; never before the previous row's date */
  date: string;
  /** ledger event type: subscribe, switch, cancel, inmail, reply, purchase, transfer_out, transfer_in */
  type: string;
  /** JSON: the whole LedgerEvent (subscribe/switch carry the plan terms in force when recorded) */
  payload: string;
  /** ISO timestamp of the recording */
  created_at: string;
  /** who recorded it: a user id, 'cli' or 'system' (migration 0013); null for events before accounts */
  recorded_by: ColumnType<string | null, string | null | undefined, never>;
}

export interface CreditTables {
  credit_events: CreditEventTable;
}
