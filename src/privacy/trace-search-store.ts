import { sql } from 'kysely';
import type { Store } from '../db/open-database.ts';

/**
 * Looks for strings anywhere in the database: every table the database
 * itself lists (sqlite_master, information_schema: so a table added later
 * is searched too, and on SQLite the full-text index's own shadow tables),
 * every column of every row, text and binary alike, case-insensitively. The
 * erasure tests use it to show that nothing of a person is left.
 */
export interface Trace {
  table: string;
  column: string;
  needle: string;
  excerpt: string;
}

export async function listTables(store: Store): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(store.db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(store.db);
  return rows.rows.map((r) => r.name);
}

function textsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    const b = Buffer.from(value);
    return [b.toString('utf8'), b.toString('latin1')];
  }
  if (value instanceof Date) return [value.toISOString()];
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

export async function findTraces(store: Store, needles: readonly string[]): Promise<Trace[]> {
  const wanted = needles.map((n) => n.toLowerCase()).filter((n) => n.length > 0);
  const out: Trace[] = [];
  for (const table of await listTables(store)) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    // PostgreSQL: the whole row as text as well, so types without a JS form (tsvector, arrays) are searched as the server prints them
    const query = store.dialect === 'postgres' ? `SELECT t.*, t::text AS "__row__" FROM ${quoted} t` : `SELECT * FROM ${quoted}`;
    let rows: Array<Record<string, unknown>>;
    try {
      rows = (await sql.raw<Record<string, unknown>>(query).execute(store.db)).rows;
    } catch (err) {
      // a virtual table that cannot be scanned as such (a contentless FTS5 table answers rows of nulls; its shadow tables hold the data)
      out.push({ table, column: '*', needle: '', excerpt: `unreadable: ${(err as Error).message}` });
      continue;
    }
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        for (const text of textsOf(value)) {
          const lower = text.toLowerCase();
          for (const n of wanted) {
            const at = lower.indexOf(n);
            if (at >= 0) out.push({ table, column, needle: n, excerpt: text.slice(Math.max(0, at - 30), at + n.length + 30) });
          }
        }
      }
    }
  }
  return out;
}
