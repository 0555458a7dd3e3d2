/** The worker thread of backup-thread.ts: one backup, then its result or error as a message. */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../core/app-error.ts';
import { backupSqliteFile } from './sqlite-backup.ts';

const { databaseFile, file } = workerData as { databaseFile: string; file: string };
try {
  const result = await backupSqliteFile(databaseFile, file);
  parentPort!.postMessage({ ok: true, result });
} catch (err) {
  parentPort!.postMessage({ ok: false, code: isAppError(err) ? err.code : 'storage_error', message: (err as Error).message });
}
