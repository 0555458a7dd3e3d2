import type { Kysely } from 'kysely';
import type { AuditAction } from '../access/audit-action.ts';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { Database } from '../db/schema.ts';
import { activeStates } from '../outreach/enrollment/enrollment-store.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';
import { eraseCandidates } from './erase-candidates-store.ts';
import type { RetentionPolicy, RetentionRun } from './privacy-settings.ts';
import { loadPrivacySettings, recordRetentionRun } from './privacy-settings-store.ts';
import { planRetention, retentionCutoff, type CandidateActivity, type RetentionPlan } from './retention-policy.ts';

/**
 * The retention policy against the database: who it affects (a dry run) and
 * applying it (flag or erase them). Candidates whose profile changed after
 * the cutoff are active and never read further; for the rest, the newest
 * activity in every table that shows use is looked up (retention-policy.ts).
 */
export type AuditWriter = (db: Kysely<Database>, entry: { action: AuditAction; target: string | null; details: Record<string, unknown> }) => Promise<void>;

const chunk = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

const later = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

async function loadActivities(db: Kysely<Database>, workspaceId: string, cutoff: string | null): Promise<CandidateActivity[]> {
  const flagged = new Map((await db.selectFrom('retention_flags').select(['candidate_id', 'flagged_at']).where('workspace_id', '=', workspaceId).execute()).map((r) => [Number(r.candidate_id), r.flagged_at]));
  const stale = cutoff === null ? [] : (await db.selectFrom('candidates').select('id').where('workspace_id', '=', workspaceId).where('updated_at', '<', cutoff).execute()).map((r) => Number(r.id));
  const ids = [...new Set([...stale, ...flagged.keys()])];
  const out: CandidateActivity[] = [];
  for (const part of chunk(ids, 500)) {
    const rows = await db.selectFrom('candidates').select(['id', 'name', 'updated_at']).where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
    const last = new Map(rows.map((r) => [Number(r.id), r.updated_at]));
    const bump = (list: Array<{ candidate_id: number | string; at: string | null }>) => {
      for (const r of list) {
        const id = Number(r.candidate_id);
        if (last.has(id)) last.set(id, later(last.get(id)!, r.at));
      }
    };
    const maxOf = async (table: 'candidate_sources' | 'candidate_notes' | 'ranking_examples' | 'outreach_outcomes' | 'outreach_enrollments' | 'outreach_actions', column: string) =>
      (await db
        .selectFrom(table as 'candidate_notes')
        .select(['candidate_id', (eb) => eb.fn.max(column as 'created_at').as('at')])
        .where('workspace_id', '=', workspaceId)
        .where('candidate_id', 'in', part)
        .groupBy('candidate_id')
        .execute()) as Array<{ candidate_id: number; at: string | null }>;
    bump(await maxOf('candidate_sources', 'at'));
    bump(await maxOf('candidate_notes', 'created_at'));
    bump(await maxOf('ranking_examples', 'created_at'));
    bump(await maxOf('outreach_outcomes', 'at'));
    bump(await maxOf('outreach_enrollments', 'updated_at'));
    bump(await maxOf('outreach_actions', 'updated_at'));
    const active = new Set(
      (await db.selectFrom('outreach_enrollments').select('candidate_id').where('workspace_id', '=', workspaceId).where('candidate_id', 'in', part).where('state', 'in', activeStates).execute()).map((r) => Number(r.candidate_id)),
    );
    for (const r of rows) {
      const id = Number(r.id);
      out.push({ id, name: r.name, lastActivityAt: last.get(id)!, inActiveSequence: active.has(id), flaggedAt: flagged.get(id) ?? null });
    }
  }
  return out;
}

export async function retentionDryRun(store: Pick<Store, 'db'>, workspaceId: string, policy: RetentionPolicy, now: string = new Date().toISOString()): Promise<RetentionPlan> {
  const cutoff = policy.months === null ? null : retentionCutoff(now, policy.months);
  return planRetention(policy, now, await loadActivities(store.db, workspaceId, cutoff));
}

export interface RetentionResult extends RetentionRun {
  cutoff: string | null;
  /** affected candidates a worker was sending to right now: left for the next run */
  skippedIds: number[];
  unflagged: number;
}

/**
 * Applies the workspace's saved policy: `flag` records (or refreshes) a flag
 * on each affected candidate, `erase` erases them (a transaction per 100, each
 * erasure audited as `candidate_deleted` without their data). Flags of
 * candidates no longer affected are lifted. The run is recorded in the
 * settings and audited as `retention_applied` with counts.
 */
export async function applyRetention(store: Store, workspaceId: string, opts: { now?: string; by: string; audit: AuditWriter }): Promise<RetentionResult> {
  const now = opts.now ?? new Date().toISOString();
  const { retention: policy } = await loadPrivacySettings(store.db, workspaceId);
  if (policy.months === null) throw new AppError('invalid_input', 'this workspace has no retention policy: set retention.months first (privacy settings)');
  const plan = await retentionDryRun(store, workspaceId, policy, now);
  const result: RetentionResult = { at: now, by: opts.by, action: policy.action, flagged: 0, erased: 0, skipped: 0, cutoff: plan.cutoff, skippedIds: [], unflagged: 0 };

  if (policy.action === 'flag') {
    await withWriteTransaction(store, async (trx) => {
      for (const part of chunk(plan.affected, 500)) {
        await trx
          .insertInto('retention_flags')
          .values(part.map((c) => ({ candidate_id: c.id, workspace_id: workspaceId, flagged_at: c.flaggedAt ?? now, last_activity_at: c.lastActivityAt })))
          .onConflict((oc) => oc.column('candidate_id').doUpdateSet((eb) => ({ last_activity_at: eb.ref('excluded.last_activity_at') })))
          .execute();
      }
      result.flagged = plan.affected.length;
    });
  } else {
    const eraseBatch = (batch: CandidateActivity[]) =>
      eraseCandidates(store, workspaceId, batch.map((c) => c.id), {
        now,
        skipMissing: true,
        audit: async (trx, summary) => {
          const erased = new Set(summary.erased);
          for (const c of batch) {
            if (!erased.has(c.id)) continue;
            await opts.audit(trx, { action: 'candidate_deleted', target: `candidate:${c.id}`, details: { erased: true, by: 'retention', months: policy.months, lastActivityAt: c.lastActivityAt } });
          }
        },
      });
    for (const batch of chunk(plan.affected, 100)) {
      try {
        result.erased += (await eraseBatch(batch)).erased.length;
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
        // someone of the batch is being sent to right now: the others go one by one, the busy ones wait for the next run
        for (const c of batch) {
          try {
            result.erased += (await eraseBatch([c])).erased.length;
          } catch (e) {
            if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
            result.skippedIds.push(c.id);
          }
        }
      }
    }
    result.skipped = result.skippedIds.length;
  }

  await withWriteTransaction(store, async (trx) => {
    for (const part of chunk(plan.unflag, 500)) await trx.deleteFrom('retention_flags').where('workspace_id', '=', workspaceId).where('candidate_id', 'in', part).execute();
    result.unflagged = plan.unflag.length;
    const run: RetentionRun = { at: now, by: opts.by, action: result.action, flagged: result.flagged, erased: result.erased, skipped: result.skipped };
    await recordRetentionRun(trx, workspaceId, run);
    await opts.audit(trx, { action: 'retention_applied', target: 'candidates', details: { months: policy.months, action: policy.action, cutoff: plan.cutoff, flagged: result.flagged, erased: result.erased, skipped: result.skipped, unflagged: result.unflagged } });
  });
  return result;
}

export interface RetentionFlagView {
  candidateId: number;
  name: string;
  flaggedAt: string;
  lastActivityAt: string;
}

export async function listRetentionFlags(store: Pick<Store, 'db'>, workspaceId: string, limit = 500): Promise<{ total: number; flags: RetentionFlagView[] }> {
  const { n } = await store.db.selectFrom('retention_flags').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('retention_flags as f')
    .innerJoin('candidates as c', 'c.id', 'f.candidate_id')
    .select(['f.candidate_id', 'c.name', 'f.flagged_at', 'f.last_activity_at'])
    .where('f.workspace_id', '=', workspaceId)
    .orderBy('f.last_activity_at')
    .orderBy('f.candidate_id')
    .limit(limit)
    .execute();
  return { total: Number(n), flags: rows.map((r) => ({ candidateId: Number(r.candidate_id), name: r.name, flaggedAt: r.flagged_at, lastActivityAt: r.last_activity_at })) };
}

export async function retentionFlagOf(store: Pick<Store, 'db'>, workspaceId: string, candidateId: number): Promise<{ flaggedAt: string; lastActivityAt: string } | null> {
  const r = await store.db.selectFrom('retention_flags').select(['flagged_at', 'last_activity_at']).where('workspace_id', '=', workspaceId).where('candidate_id', '=', candidateId).executeTakeFirst();
  return r ? { flaggedAt: r.flagged_at, lastActivityAt: r.last_activity_at } : null;
}
