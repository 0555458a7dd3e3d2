import { sql } from 'kysely';
import type { Store } from './open-database.ts';
import type { Db } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface WriteTransactionOptions {
  /**
   * Runs the whole transaction again (up to 3 times) when it fails on a
   * unique constraint: two writers that read the same next sequence number
   * (a ledger's event seq) both try to insert it, and the later one, run
   * again, reads the other's row and goes on from it.
   */
  retryUniqueViolations?: boolean;
}

/**
 * The one way Scoutline writes in a transaction: a read-then-write
 * transaction no other writer can interleave with. SQLite: `BEGIN IMMEDIATE`
 * takes the single write lock up front (a deferred transaction that reads and
 * then writes can fail with SQLITE_BUSY when a second process wrote in
 * between). PostgreSQL: an ordinary transaction; callers take row locks
 * (`forUpdate`, `SKIP LOCKED`) where they need them. Everything `fn` writes
 * commits together or not at all.
 */
export async function withWriteTransaction<T>(store: Pick<Store, 'db' | 'dialect'>, fn: (trx: Db) => Promise<T>, opts: WriteTransactionOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runOnce(store, fn);
    } catch (err) {
      if (!opts.retryUniqueViolations || attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}

async function runOnce<T>(store: Pick<Store, 'db' | 'dialect'>, fn: (trx: Db) => Promise<T>): Promise<T> {
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
