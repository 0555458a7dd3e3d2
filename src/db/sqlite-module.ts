import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * The better-sqlite3 module for the running Node.js: 13 (the optional
 * dependency `better-sqlite3-node22`) on Node 22 and later, 12 on Node 20.
 *
 * Why two: in 12, statements and connections are `node::ObjectWrap`s, and
 * since Node 24.19 an ObjectWrap's destructor aborts the process when the
 * garbage collector frees one outside a JavaScript context (an idle-time GC).
 * Kysely prepares a statement per query, so this happens within seconds:
 * `bench import` on Node 24.21 aborted before printing anything
 * ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook).
 * 13 no longer uses ObjectWrap, but needs Node 22 (on Node 20 it crashes).
 * The two have the same API for what Scoutline uses.
 */
export const SqliteDatabase: typeof BetterSqlite3 = loadSqliteModule();

function loadSqliteModule(): typeof BetterSqlite3 {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) {
    try {
      return require('better-sqlite3-node22') as typeof BetterSqlite3;
    } catch (err) {
      // an optional dependency: `npm ci --omit=optional`, or a platform it could not be installed on
      if (major >= 24) process.emitWarning(`better-sqlite3 13 is not installed (${(err as Error).message.split('\n')[0]}); better-sqlite3 12 can abort the process on Node ${process.versions.node}`);
    }
  }
  return require('better-sqlite3') as typeof BetterSqlite3;
}
