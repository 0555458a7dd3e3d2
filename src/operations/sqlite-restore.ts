import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../core/app-error.ts';
import { SqliteDatabase as SqliteModule } from '../db/sqlite-module.ts';
import { backupFileName } from './backup-schedule.ts';
import { processesWithFileOpen } from './processes-with-file-open.ts';
import { liveServerMarker } from './server-marker.ts';
import { backupSqliteFile, copySqliteOnline, inspectSqliteBackup, sqliteContents, type SqliteContents } from './sqlite-backup.ts';

export interface RestoreResult extends Omit<SqliteContents, 'migrations'> {
  from: string;
  to: string;
  /** where the database that was there before went (null: there was none, or --no-keep-current) */
  previous: string | null;
  /** migrations this version will apply when it next opens the database (the backup is older) */
  pendingMigrations: string[];
  seconds: number;
}

/**
 * Restores a backup over a SQLite database, through the same online backup
 * API (pages copied under SQLite's own locks, so a connection that has the
 * target open sees either the old or the restored database, never a mix).
 *
 * Refused, unless `force`: over the database of a running server (its
 * marker, server-marker.ts) or of any other process that has it open (a
 * `scoutline worker`, a sqlite3 shell: /proc on Linux), and a backup made by a newer Scoutline (it
 * has migrations this version does not know). Always refused: a damaged
 * backup or one that is not a Scoutline database. The database that was
 * there is first backed up beside it (`keepCurrent`, default on). After the
 * copy the restored database is checked: integrity_check ok, and the same
 * rows per table and candidate checksum as the backup, or it is an error.
 */
export async function restoreSqlite(backupFile: string, targetFile: string, opts: { force?: boolean; keepCurrent?: boolean; knownMigrations: readonly string[]; now?: () => Date }): Promise<RestoreResult> {
  const started = Date.now();
  const from = resolve(backupFile);
  const to = resolve(targetFile);
  if (from === to) throw new AppError('invalid_input', 'the backup file is the database itself');
  const backup = inspectSqliteBackup(from);
  const unknown = backup.migrations.filter((m) => !opts.knownMigrations.includes(m));
  if (unknown.length && !opts.force) {
    throw new AppError('conflict', `${from} was made by a newer Scoutline (migrations this version does not know: ${unknown.join(', ')}): upgrade Scoutline first, or pass --force`, { unknownMigrations: unknown });
  }
  const server = liveServerMarker(to);
  if (server && !opts.force) {
    throw new AppError('conflict', `a Scoutline server (pid ${server.pid}, ${server.url}) is running on ${to}: stop it first, or pass --force to replace its data while it runs`, { pid: server.pid });
  }
  const holders = opts.force ? null : processesWithFileOpen([to, `${to}-wal`]);
  if (holders?.length) {
    throw new AppError('conflict', `${holders.length === 1 ? `process ${holders[0]} has` : `processes ${holders.join(', ')} have`} ${to} open (a scoutline worker or server, or another program): stop ${holders.length === 1 ? 'it' : 'them'} first, or pass --force to replace the data under ${holders.length === 1 ? 'it' : 'them'}`, { pids: holders });
  }
  mkdirSync(dirname(to), { recursive: true });
  let previous: string | null = null;
  if (existsSync(to) && opts.keepCurrent !== false) {
    previous = `${to}.before-restore-${backupFileName((opts.now ?? (() => new Date()))()).replace(/^scoutline-/, '')}`;
    await backupSqliteFile(to, previous);
  }
  const source = new SqliteModule(from, { readonly: true, fileMustExist: true });
  try {
    await copySqliteOnline(source, to);
  } finally {
    source.close();
  }
  const restored = new SqliteModule(to);
  let after: SqliteContents;
  try {
    restored.pragma('busy_timeout = 10000');
    restored.pragma('journal_mode = WAL');
    after = sqliteContents(restored);
  } finally {
    restored.close();
  }
  if (after.integrity !== 'ok') throw new AppError('storage_error', `the restored database ${to} failed its integrity check: ${after.integrity.slice(0, 300)}${previous ? `; the previous database is in ${previous}` : ''}`);
  if (after.checksum !== backup.checksum || JSON.stringify(after.tables) !== JSON.stringify(backup.tables)) {
    throw new AppError('storage_error', `the restored database ${to} does not hold what the backup holds (rows or candidate checksum differ)${previous ? `; the previous database is in ${previous}` : ''}`);
  }
  const { migrations: _m, ...contents } = after;
  return { ...contents, from, to, previous, pendingMigrations: opts.knownMigrations.filter((m) => !backup.migrations.includes(m)), seconds: (Date.now() - started) / 1000 };
}
