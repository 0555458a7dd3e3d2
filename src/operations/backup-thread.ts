import { AppError } from '../core/app-error.ts';
import { errorCodes, type ErrorCode } from '../core/error-codes.ts';
import { startTsWorker } from '../core/start-ts-worker.ts';
import type { BackupResult } from './sqlite-backup.ts';

/**
 * Runs a backup on a worker thread with its own SQLite connection, so a
 * server backing up a large database keeps answering requests meanwhile
 * (the copy is one synchronous step of SQLite's backup API).
 */
export function backupInThread(databaseFile: string, file: string): Promise<BackupResult> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./backup-thread-worker.ts', import.meta.url), { databaseFile, file });
    let settled = false;
    worker.once('message', (m: { ok: true; result: BackupResult } | { ok: false; code: string; message: string }) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new AppError((m.code in errorCodes ? m.code : 'storage_error') as ErrorCode, m.message));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(new AppError('storage_error', `the backup thread failed: ${err.message}`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new AppError('storage_error', `the backup thread ended (exit ${code}) without a result`));
    });
  });
}
