import type { Kysely } from 'kysely';
import type { CandidateInput } from '../candidates/candidate.ts';
import type { Database, Dialect } from '../db/schema.ts';

/**
 * Keeps the full-text index in step with the candidates table. Called by the
 * candidate store inside its write transactions. (Stub until the search work
 * lands: the search engineer replaces the bodies.)
 */
export async function indexCandidates(
  _db: Kysely<Database>,
  _dialect: Dialect,
  _rows: Array<{ id: number; workspaceId: string; candidate: CandidateInput }>,
): Promise<void> {}

export async function removeFromIndex(_db: Kysely<Database>, _dialect: Dialect, _ids: number[]): Promise<void> {}
