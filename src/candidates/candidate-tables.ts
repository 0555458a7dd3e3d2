import type { Generated } from 'kysely';

/** Tables owned by the foundation: workspaces, candidates and their email index (seats: src/seats/seat-tables.ts). */
export interface WorkspaceTable {
  id: string;
  name: string;
  /** JSON: workspace overrides (plan catalogue, pacing defaults, ...) */
  settings: string;
  created_at: string;
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
  candidates: CandidateTable;
  candidate_emails: CandidateEmailTable;
}
