import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { SqliteDatabase as SqliteModule } from './sqlite-module.ts';
import type pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Database, Dialect } from './schema.ts';
import { migrateToLatest } from './migrate.ts';
import { storageConditionOf } from './storage-failure.ts';

export const defaultDatabasePath = './data/scoutline.db';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** where the data lives: a file path or a postgres URL without password */
  location: string;
  /** raw handle for SQLite fast paths (bulk import); undefined on PostgreSQL */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** run migrations (default true) */
  migrate?: boolean;
  /** PostgreSQL only: schema to use (created if missing); tests isolate themselves with it */
  schema?: string;
  /** PostgreSQL pool size */
  poolSize?: number;
}

/** `--db` / `SCOUTLINE_DB`: a postgres:// URL means PostgreSQL, anything else a SQLite file path. */
export function resolveDatabaseTarget(explicit?: string): string {
  return explicit || process.env.SCOUTLINE_DB || defaultDatabasePath;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export async function openDatabase(target?: string, options: OpenOptions = {}): Promise<Store> {
  const resolved = resolveDatabaseTarget(target);
  const store = isPostgresUrl(resolved) ? await openPostgres(resolved, options) : openSqlite(resolved);
  if (options.migrate !== false) {
    try {
      const schema = store.dialect === 'postgres' ? (options.schema ?? (await currentSchema(store))) : undefined;
      await migrateToLatest(store.db, store.dialect, schema);
    } catch (err) {
      await store.close();
      throw new AppError(storageConditionOf(err) ?? 'storage_error', `could not migrate the database at ${store.location}: ${(err as Error).message}`);
    }
  }
  return store;
}

function openSqlite(path: string): Store {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (err) {
      // (on a read-only mount a recursive mkdir fails with ENOENT, not EROFS: ask the nearest existing folder)
      const parent = nearestExisting(dirname(file));
      if (!writable(parent)) throw readOnlyError(file, parent);
      throw openFailure(file, err);
    }
    refuseReadOnly(file);
  }
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteModule(file);
    // WAL lets the server read while the worker or an import writes.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('cache_size = -65536');
  } catch (err) {
    throw openFailure(file, err);
  }
  const handle = sqlite;
  const db = new Kysely<Database>({ dialect: new SafeRollbackSqliteDialect({ database: handle }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite: handle,
    async close() {
      await db.destroy();
    },
  };
}

function openFailure(file: string, err: unknown): AppError {
  if (storageConditionOf(err) === 'storage_read_only' || (err as { code?: string }).code === 'EACCES') return readOnlyError(file, dirname(file));
  return new AppError('storage_error', `could not open SQLite database ${file}: ${(err as Error).message}`);
}

/**
 * A database this process cannot write is refused when it is opened, not on
 * the first write (a server would otherwise start, answer reads, and fail
 * every change). SQLite writes the file and, in WAL mode, creates `-wal` and
 * `-shm` files beside it, so the folder must be writable too. `access(W_OK)`
 * is the kernel's own answer for this process: a read-only mount (EROFS)
 * is refused even for root, and root's writes to a 0444 file do succeed.
 */
function refuseReadOnly(file: string): void {
  const folder = dirname(file);
  const paths = [folder, ...[file, `${file}-wal`, `${file}-shm`].filter((p) => existsSync(p))];
  for (const p of paths) if (!writable(p)) throw readOnlyError(file, p);
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function nearestExisting(folder: string): string {
  let p = folder;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

function readOnlyError(file: string, readOnlyPath: string): AppError {
  const what = file.startsWith(`${readOnlyPath}/`) ? `its folder ${readOnlyPath} is read-only (SQLite creates the -wal and -shm files beside the database)` : `${readOnlyPath} is read-only`;
  return new AppError('storage_read_only', `cannot use the SQLite database ${file}: ${what}. Make it writable for this user, or point --db at a writable place.`, { path: readOnlyPath });
}

/**
 * SQLite's own rollback on SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM ends
 * the transaction itself; Kysely's ROLLBACK then failed with "cannot
 * rollback - no transaction is active" and that error replaced the real one
 * (an import on a full disk reported it). Roll back only what is still open.
 */
class SafeRollbackSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: { database: SqliteDatabase.Database }) {
    super(sqliteConfig);
  }
  override createDriver(): Driver {
    const handle = this.sqliteConfig.database;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (handle.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: handle });
  }
}

/** pg, loaded when a PostgreSQL database is opened: a command on SQLite does not pay its ~50 ms at start (#15 item 7). */
async function loadPg(): Promise<typeof pg> {
  const { default: pgModule } = await import('pg');
  // Ids and counts are bigint in PostgreSQL; ours fit in a JS number, and both backends must return the same types.
  pgModule.types.setTypeParser(20, (v: string) => Number.parseInt(v, 10));
  return pgModule;
}

async function openPostgres(url: string, options: OpenOptions): Promise<Store> {
  const pg = await loadPg();
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new AppError('invalid_input', `bad schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      throw new AppError('storage_error', `could not connect to PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // an unreachable server answers requests with storage_unavailable within seconds instead of hanging them
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  survivePostgresOutages(pool);
  try {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ ro: string }>("SELECT current_setting('transaction_read_only') AS ro");
      if (rows[0]?.ro === 'on') throw new AppError('storage_read_only', `the PostgreSQL database at ${redact(url)} is read-only (a standby, or default_transaction_read_only is on): Scoutline needs a writable primary`);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    if (err instanceof AppError) throw err;
    throw new AppError(storageConditionOf(err) ?? 'storage_error', `could not connect to PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: redact(url) + (schema ? ` (schema ${schema})` : ''),
    async close() {
      await db.destroy();
    },
  };
}

/**
 * A PostgreSQL restart or outage must not end the process. pg emits 'error'
 * on a client whose connection dies (57P01 "terminating connection due to
 * administrator command", a reset socket) and, for an idle client, on the
 * pool; an EventEmitter 'error' without a listener throws, which ended
 * `serve` and the worker. With these listeners the dead client is dropped
 * (pg-pool removes it), the query that was running on it fails and is
 * answered as storage_unavailable, and new queries reconnect once the
 * server is back.
 */
function survivePostgresOutages(pool: pg.Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
}

async function currentSchema(store: Store): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  return rows[0]?.schema ?? 'public';
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
