import { sql, type Kysely } from 'kysely';
import type { Store } from '../db/open-database.ts';
import type { Database } from '../db/schema.ts';

/**
 * A read-then-write transaction that no other writer can interleave with.
 * SQLite: `BEGIN IMMEDIATE` takes the single write lock up front (a deferred
 * transaction that reads and then writes can fail with SQLITE_BUSY when a
 * second process wrote in between). PostgreSQL: an ordinary transaction;
 * callers take row locks (`FOR UPDATE`, `SKIP LOCKED`) where they need them.
 */
export async function withWriteTransaction<T>(store: Pick<Store, 'db' | 'dialect'>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(fn);
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** Locks a row for the rest of the transaction on PostgreSQL (`FOR UPDATE`); SQLite's write lock already covers it. */
export function forUpdate<Q extends { forUpdate(): Q }>(q: Q, dialect: Store['dialect']): Q {
  return dialect === 'postgres' ? q.forUpdate() : q;
}
