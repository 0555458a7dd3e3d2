import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database, Dialect } from '../db/schema.ts';
import { AppError } from '../core/app-error.ts';
import { fts5RowForDocument, type Fts5Row } from './fts5-row.ts';
import type { SearchDocument } from './search-document.ts';
import { searchFieldNames } from './search-fields.ts';
import { tokenizeDocument } from './tokenized-document.ts';
import { tsvectorLiteral } from './tsvector-document.ts';

/**
 * Keeps the full-text index in step with the candidates table. Called by the
 * candidate store inside its write transactions: inserts or replaces the
 * index rows of the given candidates, in multi-row statements. On SQLite,
 * `raw` (the better-sqlite3 handle under `db`, whose transaction this is)
 * lets the rows go through one prepared statement instead.
 */
/**
 * A candidate to index: its search document (the candidate store makes it,
 * src/candidates/candidate-search-document.ts: search knows documents, not
 * candidates), or (SQLite with `raw` only) its FTS5 row already built for
 * `workspaceId` (see prepared-candidates.ts).
 */
export type IndexRow = { id: number; workspaceId: string; document: SearchDocument; fts5?: undefined } | { id: number; workspaceId: string; document: null; fts5: Fts5Row };

type CandidateIndexRow = Extract<IndexRow, { fts5?: undefined }>;

export async function indexCandidates(db: Kysely<Database>, dialect: Dialect, rows: IndexRow[], raw?: SqliteDatabase.Database): Promise<void> {
  if (!(dialect === 'sqlite' && raw) && rows.some((r) => r.document === null)) {
    throw new AppError('internal', 'prebuilt FTS5 rows need the SQLite connection handle');
  }
  if (rows.length === 0) return;
  if (dialect === 'sqlite' && raw) insertFts5Prepared(raw, rows);
  else if (dialect === 'sqlite') {
    // 12 parameters a row; SQLite allows 32,766 per statement
    for (let i = 0; i < rows.length; i += sqliteBatch) await insertFts5(db, rows.slice(i, i + sqliteBatch) as CandidateIndexRow[]);
  } else {
    for (let i = 0; i < rows.length; i += postgresBatch) await upsertTsvectors(db, rows.slice(i, i + postgresBatch) as CandidateIndexRow[]);
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
const ftsColumnList = ['rowid', ...searchFieldNames, 'ws'];
const insertTexts = new Map<number, string>();

/** `INSERT OR REPLACE ... VALUES (?, ...), ...` for n rows, made once per batch size. */
function insertFts5Text(n: number): string {
  let text = insertTexts.get(n);
  if (!text) {
    const row = `(${ftsColumnList.map(() => '?').join(', ')})`;
    text = `INSERT OR REPLACE INTO search_fts (${ftsColumnList.join(', ')}) VALUES ${Array.from({ length: n }, () => row).join(', ')}`;
    insertTexts.set(n, text);
  }
  return text;
}

// The statement text is fixed and the values are bound, so it is run as a compiled query (no query-builder work per row).
async function insertFts5(db: Kysely<Database>, rows: CandidateIndexRow[]): Promise<void> {
  const params: unknown[] = [];
  for (const { id, workspaceId, document } of rows) {
    const row = fts5RowForDocument(document, workspaceId);
    params.push(id);
    for (const f of searchFieldNames) params.push(row[f]);
    params.push(row.ws);
  }
  await db.executeQuery(CompiledQuery.raw(insertFts5Text(rows.length), params));
}

// One prepared single-row statement per connection: binding a row costs less than building and preparing
// a 2,400-parameter statement per batch.
const preparedInserts = new WeakMap<SqliteDatabase.Database, SqliteDatabase.Statement>();

function insertFts5Prepared(raw: SqliteDatabase.Database, rows: IndexRow[]): void {
  let insert = preparedInserts.get(raw);
  if (!insert) {
    insert = raw.prepare(insertFts5Text(1));
    preparedInserts.set(raw, insert);
  }
  const params: unknown[] = new Array(ftsColumnList.length);
  for (const { id, workspaceId, document, fts5 } of rows) {
    const row = fts5 ?? fts5RowForDocument(document!, workspaceId);
    params[0] = id;
    for (let f = 0; f < searchFieldNames.length; f++) params[f + 1] = row[searchFieldNames[f]];
    params[ftsColumnList.length - 1] = row.ws;
    insert.run(params);
  }
}

async function upsertTsvectors(db: Kysely<Database>, rows: CandidateIndexRow[]): Promise<void> {
  const values = rows.map(
    ({ id, workspaceId, document }) => sql`(${id}, ${workspaceId}, ${tsvectorLiteral(tokenizeDocument(document))}::tsvector)`,
  );
  await sql`INSERT INTO search_documents (id, workspace_id, doc) VALUES ${sql.join(values)}
    ON CONFLICT (id) DO UPDATE SET workspace_id = excluded.workspace_id, doc = excluded.doc`.execute(db);
}

/**
 * FTS5 write settings while a large import writes (SQLite only).
 * - `hashsize`: FTS5 keeps the terms of the rows being written in memory and
 *   writes them out as a new index segment whenever they pass this size
 *   (default 1 MiB, a few thousand profiles) and at each commit. With 64 MiB a
 *   bulk batch becomes one segment instead of one per MiB of its terms, so
 *   there is far less to merge (memory: at most 64 MiB of pending terms).
 * - `automerge` / `crisismerge`: by default FTS5 merges 4 segments of a level
 *   as soon as they exist, rewriting each posting list about log4(batches)
 *   times, which was the largest cost of a 1M import. Bulk settings let 16
 *   gather per level (crisis merge at 64).
 * Then the import restores the defaults and merges the index into one
 * segment (`optimize`), so queries after the import read fewer segments than
 * before. Searches stay complete throughout: only how segments are written
 * and merged changes.
 */
export interface Fts5WriteSettings {
  automerge: number;
  crisismerge: number;
  hashsize: number;
}

export const bulkFts5Settings: Fts5WriteSettings = { automerge: 16, crisismerge: 64, hashsize: 64 * 1024 * 1024 };
export const defaultFts5Settings: Fts5WriteSettings = { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024 };

export async function setFts5WriteSettings(db: Kysely<Database>, settings: Fts5WriteSettings): Promise<void> {
  for (const [name, value] of Object.entries(settings)) {
    // inlined: FTS5 wants integers and a bound JS number arrives as a real
    await sql.raw(`INSERT INTO search_fts (search_fts, rank) VALUES ('${name}', ${Math.trunc(value)})`).execute(db);
  }
}

/** Merges every segment of the index into one (FTS5 `optimize`). */
export async function optimizeFts5(db: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
}
