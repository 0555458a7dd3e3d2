import type SqliteDatabase from 'better-sqlite3';
import type { CandidateRow, CandidateRowValues, CandidateWriteOps } from './candidate-write-ops.ts';

/** Every column an insert writes, in one fixed order (the statement binds them by position). */
const insertColumns = [
  'workspace_id', 'name', 'first_name', 'last_name', 'headline', 'summary', 'city', 'region', 'country', 'time_zone', 'profile_url',
  'positions', 'education', 'skills', 'emails', 'phones', 'tags', 'open_profile', 'open_to_work', 'premium', 'degree',
  'mutual_connections', 'last_active', 'source', 'imported_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof CandidateRowValues>;

interface Statements {
  byUrl: SqliteDatabase.Statement;
  emailOwner: SqliteDatabase.Statement;
  byId: SqliteDatabase.Statement;
  insert: SqliteDatabase.Statement;
  insertEmail: SqliteDatabase.Statement;
  updates: Map<string, SqliteDatabase.Statement>;
}

// One set of prepared statements per connection, made on first use (after migrations).
const cache = new WeakMap<SqliteDatabase.Database, Statements>();

function statements(db: SqliteDatabase.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      byUrl: db.prepare('SELECT * FROM candidates WHERE workspace_id = ? AND profile_url = ?'),
      emailOwner: db.prepare('SELECT email, candidate_id FROM candidate_emails WHERE workspace_id = ? AND email = ?'),
      byId: db.prepare('SELECT * FROM candidates WHERE id = ?'),
      insert: db.prepare(`INSERT INTO candidates (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`),
      insertEmail: db.prepare('INSERT INTO candidate_emails (workspace_id, email, candidate_id) VALUES (?, ?, ?) ON CONFLICT (workspace_id, email) DO NOTHING'),
      updates: new Map(),
    };
    cache.set(db, s);
  }
  return s;
}

/**
 * The candidate upsert's reads and writes as prepared statements on the raw
 * better-sqlite3 handle. Must only be used inside the Kysely transaction of
 * the same connection (SQLite has one connection, so these statements join
 * it and commit or roll back with it).
 */
export function sqliteCandidateWriteOps(db: SqliteDatabase.Database): CandidateWriteOps {
  const s = statements(db);
  return {
    async rowsByUrls(workspaceId, urls) {
      const out: CandidateRow[] = [];
      for (const url of urls) {
        const row = s.byUrl.get(workspaceId, url) as CandidateRow | undefined;
        if (row) out.push(row);
      }
      return out;
    },
    async emailOwners(workspaceId, emails) {
      const out: Array<{ email: string; candidate_id: number }> = [];
      for (const email of emails) {
        const row = s.emailOwner.get(workspaceId, email) as { email: string; candidate_id: number } | undefined;
        if (row) out.push(row);
      }
      return out;
    },
    async rowsByIds(ids) {
      const out: CandidateRow[] = [];
      for (const id of ids) {
        const row = s.byId.get(id) as CandidateRow | undefined;
        if (row) out.push(row);
      }
      return out;
    },
    async insert(rows) {
      const ids: number[] = [];
      const values: unknown[] = new Array(insertColumns.length);
      for (const row of rows) {
        for (let i = 0; i < insertColumns.length; i++) values[i] = (row as Record<string, unknown>)[insertColumns[i]] ?? null;
        ids.push(Number(s.insert.run(values).lastInsertRowid));
      }
      return ids;
    },
    async update(id, values) {
      const columns = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k] !== undefined);
      const key = columns.join(',');
      let st = s.updates.get(key);
      if (!st) {
        st = db.prepare(`UPDATE candidates SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
        s.updates.set(key, st);
      }
      st.run([...columns.map((c) => (values as Record<string, unknown>)[c] ?? null), id]);
    },
    async insertEmails(rows) {
      for (const r of rows) s.insertEmail.run(r.workspace_id, r.email, r.candidate_id);
    },
  };
}
