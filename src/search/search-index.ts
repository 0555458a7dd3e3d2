import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CandidateInput } from '../candidates/candidate.ts';
import type { Database, Dialect } from '../db/schema.ts';
import { fts5Row } from './fts5-row.ts';
import { searchDocumentFor } from './search-document.ts';
import { searchFieldNames } from './search-fields.ts';
import { tokenizeDocument } from './tokenized-document.ts';
import { tsvectorLiteral } from './tsvector-document.ts';

/**
 * Keeps the full-text index in step with the candidates table. Called by the
 * candidate store inside its write transactions: inserts or replaces the
 * index rows of the given candidates, in multi-row statements.
 */
export async function indexCandidates(
  db: Kysely<Database>,
  dialect: Dialect,
  rows: Array<{ id: number; workspaceId: string; candidate: CandidateInput }>,
): Promise<void> {
  if (rows.length === 0) return;
  if (dialect === 'sqlite') {
    // 12 parameters a row; SQLite allows 32,766 per statement
    for (let i = 0; i < rows.length; i += sqliteBatch) await insertFts5(db, rows.slice(i, i + sqliteBatch));
  } else {
    for (let i = 0; i < rows.length; i += postgresBatch) await upsertTsvectors(db, rows.slice(i, i + postgresBatch));
  }
}

export async function removeFromIndex(db: Kysely<Database>, dialect: Dialect, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    if (dialect === 'sqlite') await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(part)})`.execute(db);
    else await db.deleteFrom('search_documents').where('id', 'in', part).execute();
  }
}

const sqliteBatch = 200;
const postgresBatch = 500;
const ftsColumns = sql.raw(['rowid', ...searchFieldNames, 'ws'].join(', '));

async function insertFts5(db: Kysely<Database>, rows: Array<{ id: number; workspaceId: string; candidate: CandidateInput }>): Promise<void> {
  const values: RawBuilder<unknown>[] = rows.map(({ id, workspaceId, candidate }) => {
    const row = fts5Row(tokenizeDocument(searchDocumentFor(candidate)), workspaceId);
    return sql`(${sql.join([id, ...searchFieldNames.map((f) => row[f]), row.ws])})`;
  });
  await sql`INSERT OR REPLACE INTO search_fts (${ftsColumns}) VALUES ${sql.join(values)}`.execute(db);
}

async function upsertTsvectors(db: Kysely<Database>, rows: Array<{ id: number; workspaceId: string; candidate: CandidateInput }>): Promise<void> {
  const values = rows.map(
    ({ id, workspaceId, candidate }) => sql`(${id}, ${workspaceId}, ${tsvectorLiteral(tokenizeDocument(searchDocumentFor(candidate)))}::tsvector)`,
  );
  await sql`INSERT INTO search_documents (id, workspace_id, doc) VALUES ${sql.join(values)}
    ON CONFLICT (id) DO UPDATE SET workspace_id = excluded.workspace_id, doc = excluded.doc`.execute(db);
}
