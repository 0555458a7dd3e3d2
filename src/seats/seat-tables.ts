import type { ColumnType } from 'kysely';

/** A LinkedIn seat of the workspace (migration 0001; owner 0013): the seats domain owns the table, others read it through seat-store.ts. */
export interface SeatTable {
  id: string;
  workspace_id: string;
  name: string;
  plan: string | null;
  paid: number;
  time_zone: string;
  /** JSON WorkingHours */
  working_hours: string;
  weekly_invite_cap: number;
  contract_id: string | null;
  /** JSON string[] */
  employers: string;
  /** JSON string[] */
  schools: string;
  created_at: string;
  /** the member whose LinkedIn account this is (migration 0013); null: unassigned, only admins work it */
  owner_user_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SeatTables {
  seats: SeatTable;
}
