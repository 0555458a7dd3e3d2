import { sql } from 'kysely';
import type { Store } from '../db/open-database.ts';

/**
 * Rewrites the database so deleted data leaves the files, not only the
 * tables (`scoutline privacy compact`). Erasure already overwrites what it
 * deletes; what it cannot reach are older copies of a row that an earlier
 * update left in a page's free space before anyone asked to be erased.
 *
 * SQLite: `VACUUM` rebuilds the file (it needs free disk about the size of
 * the database and holds the write lock while it runs), then the write-ahead
 * log is checkpointed and emptied. PostgreSQL: `VACUUM` on every table, which
 * frees dead rows' space for reuse (the bytes go as it is reused; `VACUUM
 * FULL`, which rewrites the tables under an exclusive lock, is left to the
 * operator, docs/privacy.md).
 */
export async function compactDatabase(store: Store): Promise<{ dialect: Store['dialect']; seconds: number }> {
  const started = performance.now();
  if (store.dialect === 'sqlite') {
    await store.db.connection().execute(async (conn) => {
      await sql`VACUUM`.execute(conn);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(conn);
    });
  } else {
    // VACUUM cannot run inside a transaction block, and pg runs each query on its own here
    await sql`VACUUM`.execute(store.db);
  }
  return { dialect: store.dialect, seconds: Math.round(performance.now() - started) / 1000 };
}
