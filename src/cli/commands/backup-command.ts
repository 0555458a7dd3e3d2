import type { Command } from 'commander';
import { resolve } from 'node:path';
import { AppError } from '../../core/app-error.ts';
import { isPostgresUrl, resolveDatabaseTarget } from '../../db/open-database.ts';
import { backupIntoFolder, listBackupFiles } from '../../operations/backup-folder.ts';
import { parseBackupKeep } from '../../operations/backup-schedule.ts';
import { backupStatus, type BackupStatus } from '../../operations/backup-status.ts';
import { liveServerMarker, readServerMarker } from '../../operations/server-marker.ts';
import { backupSqliteFile, type BackupResult } from '../../operations/sqlite-backup.ts';
import { action, dbOption, printJson } from '../cli-context.ts';

/** The commands for PostgreSQL, which Scoutline leaves to PostgreSQL's own tools (docs/operations.md). */
export function postgresBackupHelp(url: string): string {
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return `On PostgreSQL, back up with pg_dump and restore with pg_restore:\n  pg_dump --format=custom --file scoutline.dump '${shown}'\n  createdb scoutline_restored && pg_restore --no-owner --exit-on-error --dbname scoutline_restored scoutline.dump\n(see docs/operations.md)`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

export function sqliteTarget(cmd: Command, what: 'backup' | 'restore'): string {
  const target = resolveDatabaseTarget(dbOption(cmd));
  if (isPostgresUrl(target)) throw new AppError('invalid_input', `scoutline ${what} works on SQLite database files.`, { display: postgresBackupHelp(target) });
  if (target === ':memory:') throw new AppError('invalid_input', `an in-memory database cannot be backed up or restored`);
  return resolve(target);
}

function printBackup(r: BackupResult, pruned: string[]): void {
  process.stdout.write(
    [
      `Backed up to ${r.file} (${formatBytes(r.bytes)}) in ${r.seconds.toFixed(1)} s`,
      `  candidates  ${r.candidates}`,
      `  checksum    ${r.checksum.slice(0, 16)} (candidate ids and updated_at)`,
      `  integrity   ${r.integrity}`,
      ...(pruned.length ? [`  rotated out ${pruned.join(', ')}`] : []),
    ].join('\n') + '\n',
  );
}

function printStatus(s: BackupStatus & { serverRunning: boolean }, database: string): void {
  const lines = [`Backups of ${s.database} ${database}`];
  if (s.scheduled) lines.push(`  scheduled   every ${s.every}, keeping ${s.keep}, into ${s.dir} (server ${s.serverRunning ? 'running' : 'not running'})`);
  if (s.last) lines.push(`  last        ${s.last.at}  ${s.last.file} (${formatBytes(s.last.bytes)})`);
  else if (s.scheduled) lines.push('  last        none yet');
  if (s.next) lines.push(`  next        ${s.next}`);
  if (s.lastError) lines.push(`  last error  ${s.lastError.at}: ${s.lastError.message}`);
  if (s.dir) lines.push(`  kept        ${s.backups.length} backup${s.backups.length === 1 ? '' : 's'} in ${s.dir}`);
  if (s.note) lines.push(`  ${s.note}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * `scoutline backup FILE` / `backup --dir DIR --keep N` (SQLite, through the
 * online backup API; safe while the server runs) and `scoutline backups`
 * (what is scheduled and kept).
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup [file]')
    .description('back up the SQLite database while it is in use (online backup API, checked with integrity_check); PostgreSQL: prints the pg_dump command')
    .option('--dir <dir>', 'write a timestamped backup into this folder instead of FILE (for cron), keeping the newest --keep')
    .option('--keep <n>', 'with --dir: how many backups to keep (default 7)', (v: string) => parseBackupKeep(v, '--keep'), 7)
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (file: string | undefined, opts: { dir?: string; keep: number; force?: boolean; json?: boolean }, cmd: Command) => {
        const database = sqliteTarget(cmd, 'backup');
        if (!file === !opts.dir) throw new AppError('invalid_input', 'give either a backup FILE or --dir DIR');
        const { result, pruned } = opts.dir
          ? await backupIntoFolder(opts.dir, opts.keep, (f) => backupSqliteFile(database, f))
          : { result: await backupSqliteFile(database, file!, { overwrite: opts.force === true }), pruned: [] as string[] };
        if (opts.json) printJson({ database, ...result, pruned });
        else printBackup(result, pruned);
      }),
    );

  program
    .command('backups')
    .description("backup status: the schedule of the server on this database (or --dir), the newest backup, the next one, those kept")
    .option('--dir <dir>', 'the backup folder (default: the one the server on this database was started with)')
    .option('--json', 'print the status as JSON')
    .action(
      action(async (opts: { dir?: string; json?: boolean }, cmd: Command) => {
        const target = resolveDatabaseTarget(dbOption(cmd));
        const postgres = isPostgresUrl(target);
        const marker = postgres ? null : readServerMarker(target);
        const running = postgres ? null : liveServerMarker(target);
        const dir = opts.dir ? resolve(opts.dir) : (marker?.backups?.dir ?? null);
        // the server's schedule applies when the folder is its folder
        const schedule = marker?.backups && marker.backups.dir === dir ? marker.backups : null;
        const status = backupStatus({ database: postgres ? 'postgres' : 'sqlite', schedule, files: dir ? listBackupFiles(dir) : [], now: new Date().toISOString() });
        const stale = schedule !== null && running === null;
        const out = {
          ...status,
          dir,
          serverRunning: running !== null,
          note: stale ? 'The server that set this schedule is not running: nothing is being backed up now.' : status.note,
        };
        if (opts.json) printJson(out);
        else printStatus(out, postgres ? target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : resolve(target));
      }),
    );
}
