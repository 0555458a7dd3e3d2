import { AppError } from '../core/app-error.ts';

/**
 * Scheduled backups, the pure part: intervals, file names, when the next one
 * is due, and which old ones rotation removes. The I/O is in
 * sqlite-backup.ts, backup-folder.ts and backup-scheduler.ts.
 */
export interface BackupSchedule {
  dir: string;
  everyMs: number;
  keep: number;
}

const units = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The shortest interval accepted: more often than this a backup would barely finish before the next. */
export const minBackupIntervalMs = 5000;

/** `30m`, `6h`, `1d`, `90s` -> milliseconds; anything else is invalid_input naming the option. */
export function parseBackupInterval(text: string, option = '--backup-every'): number {
  const m = /^\s*(\d+)\s*([smhd])\s*$/.exec(text);
  if (!m) throw new AppError('invalid_input', `${option} expects a number and a unit (s, m, h or d), e.g. 6h or 1d; got '${text}'`);
  const ms = Number(m[1]) * units[m[2] as keyof typeof units];
  if (ms < minBackupIntervalMs) throw new AppError('invalid_input', `${option} must be at least ${minBackupIntervalMs / 1000}s; got '${text}'`);
  return ms;
}

/** The largest whole unit that states `ms` exactly (6h, 90m, 45s). */
export function formatBackupInterval(ms: number): string {
  for (const [unit, size] of [['d', units.d], ['h', units.h], ['m', units.m]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${Math.round(ms / 1000)}s`;
}

export function parseBackupKeep(text: string, option = '--backup-keep'): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new AppError('invalid_input', `${option} expects a whole number of backups to keep, 1 or more; got '${text}'`);
  return n;
}

const namePattern = /^scoutline-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})Z\.db$/;

/** `scoutline-20250603-120000-000Z.db`: UTC to the millisecond, so names sort in time order and never collide in practice. */
export function backupFileName(at: Date): string {
  const iso = at.toISOString(); // 2025-06-03T12:00:00.000Z
  return `scoutline-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}Z.db`;
}

/** When a scheduled backup file was made, from its name; null for any other file (rotation never touches those). */
export function backupTimeOf(name: string): string | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) || t.toISOString() !== iso ? null : iso;
}

/**
 * When the next scheduled backup is due: one interval after the last one,
 * or now when there is none yet or it is overdue (a server that was down
 * over its slot backs up when it starts, not one interval later). A server
 * restarted within the interval does not back up again.
 */
export function nextBackupAt(lastAt: string | null, everyMs: number, now: string): string {
  if (!lastAt) return now;
  const due = new Date(Date.parse(lastAt) + everyMs).toISOString();
  return due < now ? now : due;
}

/**
 * The scheduled backups rotation removes: all but the newest `keep` files
 * named by backupFileName. Other files in the folder are never chosen.
 */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => backupTimeOf(n) !== null).sort((a, b) => (backupTimeOf(b)! < backupTimeOf(a)! ? -1 : 1));
  return ours.slice(Math.max(0, keep));
}
