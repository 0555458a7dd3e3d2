import { AppError } from '../core/app-error.ts';

/**
 * What a driver error says about the storage itself, as one of the storage
 * codes of the error table, or null when it is not a storage condition (a
 * constraint, a bad query: those stay what they are). Pure: it reads only
 * the error's `code` and `message`.
 *
 * - storage_unavailable: PostgreSQL cannot be reached or went away (refused,
 *   reset, timed out, SQLSTATE class 08 connection exceptions, 57P01-57P03
 *   shutdown / starting up, 53300 too many connections, pg's "Connection
 *   terminated"), and SQLite still locked after its busy timeout. All of them
 *   pass: the same request works again once the database is back.
 * - storage_full: SQLITE_FULL, PostgreSQL 53100 disk_full, ENOSPC.
 * - storage_read_only: SQLITE_READONLY*, PostgreSQL 25006 (a read-only
 *   transaction, e.g. a standby), EROFS.
 */
export type StorageCondition = 'storage_unavailable' | 'storage_full' | 'storage_read_only';

const unavailableErrno = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EAI_AGAIN', 'ECONNABORTED']);
const unavailableSqlState = new Set(['57P01', '57P02', '57P03', '53300']);
const unavailableMessage = /Connection terminated|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i;

export function storageConditionOf(err: unknown, depth = 0): StorageCondition | null {
  if (depth > 4 || typeof err !== 'object' || err === null) return null;
  const code = typeof (err as { code?: unknown }).code === 'string' ? ((err as { code: string }).code) : '';
  const message = typeof (err as { message?: unknown }).message === 'string' ? (err as { message: string }).message : '';
  if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return 'storage_full';
  if (code.startsWith('SQLITE_READONLY') || code === '25006' || code === 'EROFS') return 'storage_read_only';
  if (unavailableErrno.has(code) || unavailableSqlState.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'storage_unavailable';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) return 'storage_unavailable';
  if (!code && unavailableMessage.test(message)) return 'storage_unavailable';
  // Node's fetch-style wrappers and AggregateError (a refused IPv4 and IPv6 connect) keep the real error inside
  const inner = [(err as { cause?: unknown }).cause, ...((err as { errors?: unknown }).errors instanceof Array ? ((err as { errors: unknown[] }).errors) : [])];
  for (const e of inner) {
    const found = storageConditionOf(e, depth + 1);
    if (found) return found;
  }
  return null;
}

const messages: Record<StorageCondition, string> = {
  storage_unavailable: 'the database cannot be reached just now; try again shortly',
  storage_full: 'the disk is full; the change was not saved',
  storage_read_only: 'the database is read-only; nothing was saved',
};

/**
 * The AppError to answer with for a storage condition, or null. The driver's
 * code goes into details; its message does not (a PostgreSQL message can
 * quote a row's values).
 */
export function storageFailureOf(err: unknown): AppError | null {
  const condition = storageConditionOf(err);
  if (!condition) return null;
  const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;
  return new AppError(condition, messages[condition], code ? { reason: code } : undefined);
}
