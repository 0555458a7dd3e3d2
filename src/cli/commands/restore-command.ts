import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { migrations } from '../../db/migrations/migration-list.ts';
import { restoreSqlite } from '../../operations/sqlite-restore.ts';
import { action, printJson } from '../cli-context.ts';
import { formatBytes, sqliteTarget } from './backup-command.ts';

/**
 * `scoutline restore FILE`: puts a backup made by `scoutline backup` (or a
 * scheduled one) in place of the SQLite database named by --db, keeping the
 * database that was there beside it. Refuses a running server's database
 * unless --force; the result is checked against the backup.
 */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore <file>')
    .description('restore a SQLite backup over the database (checked: integrity, rows per table, candidate checksum); the current database is kept beside it; PostgreSQL: prints the pg_restore command')
    .option('--force', 'restore even over the database of a running server, or a backup from a newer Scoutline')
    .option('--no-keep-current', 'do not back up the current database first')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (file: string, opts: { force?: boolean; keepCurrent: boolean; json?: boolean }, cmd: Command) => {
        const database = sqliteTarget(cmd, 'restore');
        const r = await restoreSqlite(file, database, { force: opts.force === true, keepCurrent: opts.keepCurrent, knownMigrations: Object.keys(migrations) });
        if (opts.json) {
          printJson(r);
          return;
        }
        process.stdout.write(
          [
            `Restored ${r.from} into ${r.to} (${formatBytes(statSync(r.to).size)}) in ${r.seconds.toFixed(1)} s`,
            `  candidates  ${r.candidates}`,
            `  checksum    ${r.checksum.slice(0, 16)} (same as the backup)`,
            `  integrity   ${r.integrity}`,
            r.previous ? `  previous    kept as ${r.previous}` : '  previous    not kept',
            ...(r.pendingMigrations.length ? [`  the backup is from an older version: ${r.pendingMigrations.length} migration(s) run when Scoutline next opens it`] : []),
          ].join('\n') + '\n',
        );
      }),
    );
}
