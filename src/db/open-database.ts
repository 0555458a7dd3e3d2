import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { SqliteDatabase as SqliteModule } from './sqlite-module.ts';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Database, Dialect } from './schema.ts';
import { migrateToLatest } from './migrate.ts';

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
      throw new AppError('storage_error', `could not migrate the database at ${store.location}: ${(err as Error).message}`);
    }
  }
  return store;
}

function openSqlite(path: string): Store {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteModule(file);
  } catch (err) {
    throw new AppError('storage_error', `could not open SQLite database ${file}: ${(err as Error).message}`);
  }
  // WAL lets the server read while the worker or an import writes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}

// Ids and counts are bigint in PostgreSQL; ours fit in a JS number, and both backends must return the same types.
pg.types.setTypeParser(20, (v: string) => Number.parseInt(v, 10));

async function openPostgres(url: string, options: OpenOptions): Promise<Store> {
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
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new AppError('storage_error', `could not connect to PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
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

async function currentSchema(store: Store): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  return rows[0]?.schema ?? 'public';
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
