import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CandidateTable } from './candidate-tables.ts';

export type CandidateRow = Selectable<CandidateTable>;
export type CandidateRowValues = Insertable<CandidateTable>;

/**
 * The few reads and writes the candidate upsert needs, inside its
 * transaction. One implementation goes through Kysely (both backends); the
 * SQLite one uses prepared statements on the raw handle for bulk imports.
 * Both must behave the same: the store tests run the upsert on each.
 */
export interface CandidateWriteOps {
  rowsByUrls(workspaceId: string, urls: string[]): Promise<CandidateRow[]>;
  emailOwners(workspaceId: string, emails: string[]): Promise<Array<{ email: string; candidate_id: number }>>;
  rowsByIds(ids: number[]): Promise<CandidateRow[]>;
  /** inserts the rows and returns their new ids, in order */
  insert(rows: CandidateRowValues[]): Promise<number[]>;
  update(id: number, values: Updateable<CandidateTable>): Promise<void>;
  /** email index rows; an email already owned by a candidate keeps its owner */
  insertEmails(rows: Array<{ workspace_id: string; email: string; candidate_id: number }>): Promise<void>;
}
