import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../core/app-error.ts';
import { SqliteDatabase as SqliteModule } from '../db/sqlite-module.ts';
import { storageConditionOf } from '../db/storage-failure.ts';

/**
 * SQLite backups through SQLite's online backup API (better-sqlite3's
 * `db.backup()`), never a file copy: a `cp` of a live WAL database misses
 * the transactions still in the -wal file (36,007 of 36,216 candidates in
 * the issue, and integrity_check still said ok). The whole database is
 * copied in one step, which holds one read transaction: the copy is the
 * database as of one commit, and writers go on meanwhile (WAL readers do
 * not block them). The copy is written beside the target as a temporary
 * file, switched to a single self-contained file (journal_mode DELETE),
 * checked with `PRAGMA integrity_check`, and only then renamed into place.
 */
export interface SqliteContents {
  /** PRAGMA integrity_check's answer: 'ok' */
  integrity: string;
  candidates: number;
  /** sha256 over every candidate's id and updated_at, in id order */
  checksum: string;
  /** rows per table (Scoutline's tables and the search index) */
  tables: Record<string, number>;
  /** migrations applied, by name */
  migrations: string[];
}

export interface BackupResult extends SqliteContents {
  file: string;
  bytes: number;
  at: string;
  seconds: number;
}

/** What a database holds, read on an open handle (inside one read transaction, so the numbers agree). */
export function sqliteContents(db: SqliteDatabase.Database): SqliteContents {
  const read = db.transaction(() => {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    const tables: Record<string, number> = {};
    for (const n of names) tables[n] = Number((db.prepare(`SELECT count(*) AS n FROM "${n.replaceAll('"', '""')}"`).get() as { n: number }).n);
    const hash = createHash('sha256');
    let candidates = 0;
    if (names.includes('candidates')) {
      for (const r of db.prepare('SELECT id, updated_at FROM candidates ORDER BY id').iterate() as Iterable<{ id: number; updated_at: string }>) {
        hash.update(`${r.id}\t${r.updated_at}\n`);
        candidates++;
      }
    }
    const migrations = names.includes('kysely_migration') ? (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name) : [];
    return { integrity, candidates, checksum: hash.digest('hex'), tables, migrations };
  });
  return read.deferred();
}

/** Opens a backup file read-only and reads what it holds; a file that is not a sound Scoutline database is invalid_input. */
export function inspectSqliteBackup(file: string): SqliteContents {
  const path = resolve(file);
  if (!existsSync(path)) throw new AppError('not_found', `no backup file ${path}`);
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteModule(path, { readonly: true, fileMustExist: true });
    const contents = sqliteContents(db);
    if (contents.integrity !== 'ok') throw new AppError('invalid_input', `${path} is damaged: integrity_check says ${contents.integrity.slice(0, 300)}`);
    if (contents.migrations.length === 0) throw new AppError('invalid_input', `${path} is a SQLite file but not a Scoutline database (no kysely_migration table)`);
    return contents;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('invalid_input', `${path} is not a readable SQLite database: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Copies a whole SQLite database with the online backup API in one step (one consistent snapshot). */
export async function copySqliteOnline(source: SqliteDatabase.Database, destination: string): Promise<void> {
  // the first step copies nothing (better-sqlite3 starts at rate 0); from the second, all remaining pages at once
  await source.backup(destination, { progress: () => 0x7fffffff });
}

/**
 * Backs up the database open on `source` into `file`. Refuses to overwrite
 * an existing file unless `overwrite`. Nothing is left at `file` unless the
 * copy is complete and passes integrity_check.
 */
export async function backupSqlite(source: SqliteDatabase.Database, file: string, opts: { overwrite?: boolean; now?: () => Date } = {}): Promise<BackupResult> {
  const target = resolve(file);
  if (target === resolve(source.name)) throw new AppError('invalid_input', 'the backup file is the database itself');
  if (!existsSync(dirname(target))) throw new AppError('invalid_input', `the folder ${dirname(target)} does not exist`);
  if (existsSync(target) && !opts.overwrite) throw new AppError('conflict', `${target} already exists: choose another name, or pass --force to replace it`);
  const started = Date.now();
  const at = (opts.now ?? (() => new Date()))().toISOString();
  const partial = `${target}.partial-${process.pid}`;
  try {
    await copySqliteOnline(source, partial);
    const copy = new SqliteModule(partial);
    let contents: SqliteContents;
    try {
      // one self-contained file: no -wal or -shm beside it to lose when it is copied elsewhere
      copy.pragma('journal_mode = DELETE');
      contents = sqliteContents(copy);
    } finally {
      copy.close();
    }
    if (contents.integrity !== 'ok') throw new AppError('storage_error', `the backup failed its integrity check (${contents.integrity.slice(0, 300)}); nothing was written to ${target}`);
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, at, seconds: (Date.now() - started) / 1000, ...contents };
  } catch (err) {
    for (const p of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(p, { force: true });
    if (err instanceof AppError) throw err;
    const condition = storageConditionOf(err);
    if (condition === 'storage_full') throw new AppError('storage_full', `the disk is full: the backup to ${target} was not written (the database itself is untouched)`);
    if (condition) throw new AppError(condition, `the backup to ${target} was not written: ${(err as Error).message}`);
    throw new AppError('storage_error', `the backup to ${target} failed: ${(err as Error).message}`);
  }
}

/** backupSqlite on a connection of its own to the database file (the CLI, and the scheduler's thread). */
export async function backupSqliteFile(databaseFile: string, file: string, opts: { overwrite?: boolean; now?: () => Date } = {}): Promise<BackupResult> {
  const path = resolve(databaseFile);
  if (!existsSync(path)) throw new AppError('not_found', `no SQLite database at ${path}`);
  let source: SqliteDatabase.Database;
  try {
    source = new SqliteModule(path, { fileMustExist: true });
    source.pragma('busy_timeout = 10000');
  } catch (err) {
    throw new AppError(storageConditionOf(err) ?? 'storage_error', `could not open SQLite database ${path}: ${(err as Error).message}`);
  }
  try {
    return await backupSqlite(source, file, opts);
  } finally {
    source.close();
  }
}
