import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { bulkFts5Settings, defaultFts5Settings, optimizeFts5, setFts5WriteSettings } from '../search/search-index.ts';

/** An import switches to bulk settings once it has read this many records (small imports never do). */
export const bulkImportAfter = 20_000;

/**
 * Records per transaction in bulk mode, unless the caller chose a batch size:
 * each commit writes every page it changed to the WAL, and random profile
 * URLs and emails change about one page of their indexes per record until
 * every page of them is changed by each commit (at 1M profiles the URL index
 * alone is ~15,000 pages), so larger batches write much less: committing
 * was 19.7 s of a 1M import with batches of 10,000 and 13.3 s with 25,000.
 * Memory holds one batch (~130 MB of prepared values at 25,000).
 */
export const bulkBatchSize = 25_000;

const bulkCacheKiB = 262_144;
const bulkWalAutocheckpointPages = 65_536;

export interface SqliteBulkImport {
  /**
   * Restores the connection's settings, and the index's to the FTS5 defaults (not to the values found at
   * the start: after a crash those would be the bulk ones); `optimize` merges the index into one segment.
   */
  finish(options: { optimize: boolean }): Promise<void>;
}

async function pragmaValue(db: Kysely<Database>, name: string): Promise<number> {
  const { rows } = await sql.raw<Record<string, number>>(`PRAGMA ${name}`).execute(db);
  return Math.trunc(Number(Object.values(rows[0] ?? {})[0]));
}

/**
 * Settings for the rest of a large import on SQLite: FTS5 writes one
 * segment per batch and merges fewer, larger groups of them (see
 * search-index.ts), a 256 MiB page cache keeps the profile URL and email
 * indexes in memory, and the WAL is checkpointed every 256 MiB instead of
 * every 4 MiB: a batch of 25,000 writes over 64 MiB, so a smaller interval
 * checkpoints after every commit and copies again the index pages that the
 * next batch changes anyway (1M profiles: 20,951 -> 22,139 profiles/s). None
 * of this changes what is written or when it commits: each batch is still
 * one transaction with its index rows, and a crash leaves at worst the bulk
 * FTS5 settings behind, which only make merging lazier and pending terms
 * larger until the next large import finishes. Statements go through
 * Kysely so they never run inside another caller's transaction.
 */
export async function startSqliteBulkImport(db: Kysely<Database>): Promise<SqliteBulkImport> {
  const cacheSize = await pragmaValue(db, 'cache_size');
  const walAutocheckpoint = await pragmaValue(db, 'wal_autocheckpoint');
  await sql.raw(`PRAGMA cache_size = ${-bulkCacheKiB}`).execute(db);
  await sql.raw(`PRAGMA wal_autocheckpoint = ${bulkWalAutocheckpointPages}`).execute(db);
  await setFts5WriteSettings(db, bulkFts5Settings);
  return {
    async finish({ optimize }) {
      await setFts5WriteSettings(db, defaultFts5Settings);
      if (optimize) await optimizeFts5(db);
      await sql.raw(`PRAGMA wal_autocheckpoint = ${walAutocheckpoint}`).execute(db);
      // the WAL grew to the bulk checkpoint size: copy it back and shrink the file
      await sql.raw('PRAGMA wal_checkpoint(TRUNCATE)').execute(db);
      await sql.raw(`PRAGMA cache_size = ${cacheSize}`).execute(db);
    },
  };
}
