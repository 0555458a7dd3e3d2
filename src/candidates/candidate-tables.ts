import type { ColumnType, Generated } from 'kysely';

/** Tables owned by the foundation: workspaces, seats, candidates and their email index. */
export interface WorkspaceTable {
  id: string;
  name: string;
  /** JSON: workspace overrides (plan catalogue, pacing defaults, ...) */
  settings: string;
  created_at: string;
}

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

export interface CandidateTable {
  id: Generated<number>;
  workspace_id: string;
  name: string;
  first_name: string;
  last_name: string;
  headline: string;
  summary: string;
  city: string;
  region: string;
  country: string;
  time_zone: string;
  /** canonical LinkedIn profile URL, unique per workspace when present */
  profile_url: string | null;
  /** JSON arrays */
  positions: string;
  education: string;
  skills: string;
  emails: string;
  phones: string;
  tags: string;
  open_profile: number;
  open_to_work: number;
  premium: number;
  degree: number | null;
  mutual_connections: number;
  last_active: string | null;
  source: string;
  imported_at: string;
  updated_at: string;
}

export interface CandidateEmailTable {
  workspace_id: string;
  email: string;
  candidate_id: number;
}

export interface CandidateTables {
  workspaces: WorkspaceTable;
  seats: SeatTable;
  candidates: CandidateTable;
  candidate_emails: CandidateEmailTable;
}
