import type SqliteDatabase from 'better-sqlite3';
import type { Database, Db } from '../db/schema.ts';
import type { CandidateSourceRecord, DataSource, DataSourceInput, DataSourceKind } from './data-source.ts';


export async function createDataSource(db: Db, workspaceId: string, input: DataSourceInput, now: string): Promise<number> {
  const row = await db
    .insertInto('data_sources')
    .values({ workspace_id: workspaceId, kind: input.kind, format: input.format, via: input.via, label: input.label.slice(0, 100), file_name: input.fileName ?? null, actor: input.actor.slice(0, 200), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const statements = new WeakMap<SqliteDatabase.Database, SqliteDatabase.Statement>();
const insertText = 'INSERT INTO candidate_sources (workspace_id, candidate_id, source_id, outcome, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (candidate_id, source_id) DO NOTHING';

/**
 * Links a batch's candidates to their source, in the batch's transaction. The
 * first outcome per candidate and source is kept (a file holding a person
 * twice imported them, then merged the second record into them). SQLite: one
 * prepared statement on the raw handle, which joins the transaction.
 */
export async function recordCandidateSources(
  trx: Db,
  workspaceId: string,
  sourceId: number,
  outcomes: ReadonlyArray<{ id: number; outcome: string }>,
  now: string,
  raw?: SqliteDatabase.Database,
): Promise<void> {
  if (outcomes.length === 0) return;
  if (raw) {
    let stmt = statements.get(raw);
    if (!stmt) statements.set(raw, (stmt = raw.prepare(insertText)));
    for (const o of outcomes) stmt.run(workspaceId, o.id, sourceId, o.outcome, now);
    return;
  }
  const seen = new Set<number>();
  const rows = [];
  for (const o of outcomes) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    rows.push({ workspace_id: workspaceId, candidate_id: o.id, source_id: sourceId, outcome: o.outcome, at: now });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('candidate_sources')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['candidate_id', 'source_id']).doNothing())
      .execute();
  }
}

export async function listCandidateSources(db: Db, workspaceId: string, candidateId: number): Promise<CandidateSourceRecord[]> {
  const rows = await db
    .selectFrom('candidate_sources as cs')
    .innerJoin('data_sources as s', 's.id', 'cs.source_id')
    .select(['s.id', 's.kind', 's.format', 's.via', 's.label', 's.file_name', 's.actor', 's.created_at', 'cs.outcome', 'cs.at'])
    .where('cs.workspace_id', '=', workspaceId)
    .where('cs.candidate_id', '=', candidateId)
    .orderBy('cs.at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    source: rowToSource(r),
    outcome: r.outcome as CandidateSourceRecord['outcome'],
    at: r.at,
  }));
}

function rowToSource(r: { id: number | string; kind: string; format: string; via: string; label: string; file_name: string | null; actor: string; created_at: string }): DataSource {
  return { id: Number(r.id), kind: r.kind as DataSourceKind, format: r.format, via: r.via as DataSource['via'], label: r.label, fileName: r.file_name, actor: r.actor, createdAt: r.created_at };
}
