import { appendAudit } from '../access/audit-store.ts';
import type { Store } from '../db/open-database.ts';
import { jsonLineLogger, type StructuredLog } from '../outreach/delivery/structured-log.ts';
import { forUpdate, withWriteTransaction } from '../db/write-transaction.ts';
import { loadPrivacySettings, recordRetentionRun } from './privacy-settings-store.ts';
import { retentionDue } from './retention-policy.ts';
import { applyRetention, type AuditWriter } from './retention-store.ts';

/**
 * Scheduled retention: the worker (inside `serve`, and `scoutline worker`)
 * applies each workspace's policy once a UTC day when the policy says
 * `schedule: true`. Several workers on one database: the first to claim the
 * day (recording the run before applying, in a write transaction that
 * re-reads it) applies it; the others see it done.
 */
export const scheduledBy = 'system (retention schedule)';

export async function applyDueRetention(store: Store, now: string, log: StructuredLog): Promise<Array<{ workspaceId: string; flagged: number; erased: number; skipped: number }>> {
  const done = [];
  const workspaces = await store.db.selectFrom('workspaces').select('id').orderBy('id').execute();
  for (const { id } of workspaces) {
    const settings = await loadPrivacySettings(store.db, id);
    if (!retentionDue(settings.retention, settings.lastRetentionRun?.at ?? null, now)) continue;
    const claimed = await withWriteTransaction(store, async (trx) => {
      // PostgreSQL: the workspace row is the claim's lock, so a second worker re-reads after the first recorded the run (SQLite: BEGIN IMMEDIATE)
      await forUpdate(trx.selectFrom('workspaces').select('id').where('id', '=', id), store.dialect).execute();
      const s = await loadPrivacySettings(trx, id);
      if (!retentionDue(s.retention, s.lastRetentionRun?.at ?? null, now)) return false;
      await recordRetentionRun(trx, id, { at: now, by: scheduledBy, action: s.retention.action, flagged: 0, erased: 0, skipped: 0 });
      return true;
    });
    if (!claimed) continue;
    const audit: AuditWriter = (db, e) => appendAudit(db, { workspaceId: id, actorUserId: null, actor: scheduledBy, via: 'system', ...e }, now);
    try {
      const r = await applyRetention(store, id, { now, by: scheduledBy, audit });
      // counts only: the people are in the audit log by id
      log('info', 'retention applied', { workspaceId: id, action: r.action, flagged: r.flagged, erased: r.erased, skipped: r.skipped, unflagged: r.unflagged });
      done.push({ workspaceId: id, flagged: r.flagged, erased: r.erased, skipped: r.skipped });
    } catch (err) {
      log('error', 'retention failed', { workspaceId: id, error: (err as Error).message });
    }
  }
  return done;
}

export interface RetentionScheduleHandle {
  stop(): Promise<void>;
}

/** Checks every `intervalSeconds` (default hourly, and once at start) whether a policy is due. */
export function startRetentionSchedule(store: Store, opts: { log: (line: string) => void; intervalSeconds?: number; now?: () => string }): RetentionScheduleHandle {
  const log = jsonLineLogger(opts.log);
  const now = opts.now ?? (() => new Date().toISOString());
  let stopping = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopping) return;
    running = applyDueRetention(store, now(), log).catch((err) => log('error', 'retention check failed', { error: (err as Error).message }));
  };
  tick();
  const timer = setInterval(tick, (opts.intervalSeconds ?? 3600) * 1000);
  timer.unref();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
