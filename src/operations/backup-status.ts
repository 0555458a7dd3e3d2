import type { Dialect } from '../db/schema.ts';
import { backupTimeOf, formatBackupInterval, nextBackupAt, type BackupSchedule } from './backup-schedule.ts';

/** A scheduled backup found in the backup folder. */
export interface BackupFile {
  file: string;
  bytes: number;
  at: string;
}

/**
 * What an owner sees about backups (GET /api/settings/backups, `scoutline
 * backups`): whether they are scheduled, the newest one, when the next is
 * due, the last failure if the newest attempt failed, and the files kept.
 */
export interface BackupStatus {
  database: Dialect;
  scheduled: boolean;
  dir: string | null;
  every: string | null;
  keep: number | null;
  last: BackupFile | null;
  next: string | null;
  lastError: { at: string; message: string } | null;
  backups: BackupFile[];
  note: string | null;
}

export const postgresBackupNote = 'Scoutline backs up SQLite itself; back up PostgreSQL with pg_dump --format=custom and restore with pg_restore (docs/operations.md).';
export const unscheduledNote = 'No scheduled backups: start the server with --backup-dir DIR (and --backup-every, --backup-keep), or run `scoutline backup FILE` from cron.';

export function backupStatus(input: {
  database: Dialect;
  schedule: BackupSchedule | null;
  /** files in the backup folder, with sizes (any order; files not named as scheduled backups are ignored) */
  files: ReadonlyArray<{ name: string; bytes: number }>;
  lastError?: { at: string; message: string } | null;
  /** the running scheduler's own next slot (after a failure it retries sooner than one interval) */
  next?: string | null;
  now: string;
}): BackupStatus {
  const backups = input.files
    .map((f) => ({ file: f.name, bytes: f.bytes, at: backupTimeOf(f.name) }))
    .filter((f): f is BackupFile => f.at !== null)
    .sort((a, b) => (a.at < b.at ? 1 : -1));
  const last = backups[0] ?? null;
  const s = input.schedule;
  // an error older than the newest good backup is history, not the state
  const lastError = input.lastError && (!last || input.lastError.at > last.at) ? input.lastError : null;
  return {
    database: input.database,
    scheduled: s !== null,
    dir: s?.dir ?? null,
    every: s ? formatBackupInterval(s.everyMs) : null,
    keep: s?.keep ?? null,
    last,
    next: s ? (input.next ?? nextBackupAt(last?.at ?? null, s.everyMs, input.now)) : null,
    lastError,
    backups,
    note: input.database === 'postgres' ? postgresBackupNote : s ? null : unscheduledNote,
  };
}
