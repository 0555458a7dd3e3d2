import type SqliteDatabase from 'better-sqlite3';
import { SqliteDatabase as SqliteModule } from '../../db/sqlite-module.ts';
import type { ActionToExecute, ExecutionResult, Executor, ExecutorName } from './executor.ts';

/**
 * A stand-in for the system on the other side of an executor (LinkedIn
 * through a person, an SMTP server, a webhook receiver), used by the crash
 * and concurrency tests: it records every attempt and delivers each
 * idempotency key at most once — the executor-level dedupe the worker's
 * at-least-once delivery relies on. The record lives in its own SQLite file
 * (synchronous FULL) so it survives a SIGKILL of the worker process.
 */
export class RecordingExecutor implements Executor {
  readonly name: ExecutorName;
  private readonly db: SqliteDatabase.Database;

  constructor(
    path: string,
    private readonly opts: { name?: ExecutorName; delayMs?: () => number } = {},
  ) {
    this.name = opts.name ?? 'webhook';
    this.db = new SqliteModule(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS attempts (id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL, action_id TEXT NOT NULL, pid INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS deliveries (idempotency_key TEXT PRIMARY KEY, action_id TEXT NOT NULL, channel TEXT NOT NULL, seat_id TEXT NOT NULL);`);
  }

  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    this.db.prepare('INSERT INTO attempts (idempotency_key, action_id, pid) VALUES (?, ?, ?)').run(action.idempotencyKey, action.actionId, process.pid);
    await sleep(this.opts.delayMs?.() ?? 0);
    // delivered at most once per key: a retry after a crash is dropped here, not sent again
    this.db.prepare('INSERT OR IGNORE INTO deliveries (idempotency_key, action_id, channel, seat_id) VALUES (?, ?, ?, ?)').run(action.idempotencyKey, action.actionId, action.channel, action.seatId);
    await sleep(this.opts.delayMs?.() ?? 0);
    return { status: 'sent', externalId: `rec:${action.idempotencyKey}`, at: new Date().toISOString() };
  }

  close(): void {
    this.db.close();
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
