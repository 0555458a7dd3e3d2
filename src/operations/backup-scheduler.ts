import type { StructuredLog } from '../outreach/delivery/structured-log.ts';
import { backupFolderFiles, backupIntoFolder } from './backup-folder.ts';
import { nextBackupAt, type BackupSchedule } from './backup-schedule.ts';
import { backupStatus, type BackupStatus } from './backup-status.ts';
import { backupInThread } from './backup-thread.ts';
import type { BackupResult } from './sqlite-backup.ts';

/**
 * Scheduled backups inside `serve` (--backup-dir/--backup-every/--backup-keep):
 * one backup per interval into the folder, named by time, the newest `keep`
 * kept. The next slot is counted from the newest backup in the folder, so a
 * restart does not back up again within the interval and a server that was
 * down over its slot backs up when it starts. A failed backup is logged,
 * shown in the status, and retried after a tenth of the interval (at most
 * ten minutes later); old backups are only rotated out after a good one.
 */
export interface BackupScheduler {
  status(): BackupStatus;
  /** waits for a backup in progress */
  stop(): Promise<void>;
}

const maxTimerMs = 60 * 60 * 1000;

export function startBackupScheduler(opts: {
  databaseFile: string;
  schedule: BackupSchedule;
  log: StructuredLog;
  /** default: on a worker thread with its own connection */
  backup?: (file: string) => Promise<BackupResult>;
  now?: () => Date;
}): BackupScheduler {
  const now = opts.now ?? (() => new Date());
  const { dir, everyMs, keep } = opts.schedule;
  const backup = opts.backup ?? ((file: string) => backupInThread(opts.databaseFile, file));
  let lastError: { at: string; message: string } | null = null;
  let retryAt: string | null = null;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const newest = () => {
    const files = backupFolderFiles(dir);
    return files.length ? files[0].at : null;
  };
  const nextSlot = () => {
    const t = now().toISOString();
    const scheduled = nextBackupAt(newest(), everyMs, t);
    return retryAt && retryAt > scheduled ? retryAt : scheduled;
  };

  const runOnce = async () => {
    try {
      const { result, pruned } = await backupIntoFolder(dir, keep, backup, now());
      lastError = null;
      retryAt = null;
      opts.log('info', 'backup written', { file: result.file, bytes: result.bytes, candidates: result.candidates, seconds: result.seconds, pruned });
    } catch (err) {
      const at = now().toISOString();
      lastError = { at, message: (err as Error).message };
      retryAt = new Date(Date.parse(at) + Math.min(everyMs / 10 + 1000, 10 * 60_000)).toISOString();
      opts.log('error', 'backup failed', { dir, error: (err as Error).message, retryAt });
    }
  };

  const arm = () => {
    if (stopped) return;
    const wait = Math.max(0, Date.parse(nextSlot()) - now().getTime());
    timer = setTimeout(() => {
      timer = null;
      // long intervals are waited for in steps (timers cap at 24.8 days), checking the folder again each time
      if (Date.parse(nextSlot()) > now().getTime()) return arm();
      running = runOnce().finally(() => {
        running = null;
        arm();
      });
    }, Math.min(wait, maxTimerMs));
    timer.unref?.();
  };
  opts.log('info', 'backups scheduled', { dir, everySeconds: everyMs / 1000, keep, next: nextSlot() });
  arm();

  return {
    status: () => backupStatus({ database: 'sqlite', schedule: opts.schedule, files: backupFolderFiles(dir).map((f) => ({ name: f.file, bytes: f.bytes })), lastError, next: running ? now().toISOString() : nextSlot(), now: now().toISOString() }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
