import type { ColumnType, Generated } from 'kysely';

/** Recruiters' notes on a candidate (migration 0011-candidate-notes). Times ISO text (UTC). */
export interface CandidateNoteTable {
  id: Generated<number>;
  workspace_id: string;
  candidate_id: number;
  text: string;
  /** the seat (recruiter) who wrote it, when known */
  author_seat_id: string | null;
  /** the user who wrote it (migration 0013) */
  author_user_id: ColumnType<string | null, string | null | undefined, never>;
  created_at: string;
}

export interface CandidateNoteTables {
  candidate_notes: CandidateNoteTable;
}
