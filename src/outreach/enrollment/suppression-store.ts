import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import { activeStates, applyEnrollmentEvent } from './enrollment-store.ts';
import { buildSuppressionIndex, isSuppressed, suppressionInputSchema, type SuppressionEntry, type SuppressionIndex, type SuppressionReason } from './suppression.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';
import { loadHashKey } from '../../privacy/hash-key-store.ts';
import { zodIssuesToAppError } from '../../core/zod-issues.ts';

/** The workspace's suppression list: add (which stops matching enrollments at once), list, remove. */
export async function loadSuppressionIndex(db: Kysely<Database>, workspaceId: string): Promise<SuppressionIndex> {
  const rows = await db.selectFrom('outreach_suppressions').select(['candidate_id', 'email', 'profile_url', 'key_hash']).where('workspace_id', '=', workspaceId).execute();
  // hashed entries (erased people) are matched with the workspace's hash key
  const hashKey = rows.some((r) => r.key_hash) ? await loadHashKey(db, workspaceId) : null;
  return buildSuppressionIndex(
    rows.map((r) => ({ candidateId: r.candidate_id === null ? null : Number(r.candidate_id), email: r.email, profileUrl: r.profile_url, keyHash: r.key_hash })),
    hashKey,
  );
}

export async function listSuppressions(store: Pick<Store, 'db'>, workspaceId: string): Promise<SuppressionEntry[]> {
  const rows = await store.db.selectFrom('outreach_suppressions').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    candidateId: r.candidate_id === null ? null : Number(r.candidate_id),
    email: r.email,
    profileUrl: r.profile_url,
    reason: r.reason as SuppressionReason,
    note: r.note,
    createdAt: r.created_at,
    keyHash: r.key_hash ?? null,
  }));
}

export async function addSuppression(store: Store, workspaceId: string, raw: unknown, now: string = new Date().toISOString()): Promise<{ entry: SuppressionEntry; stoppedEnrollments: string[] }> {
  const parsed = suppressionInputSchema.safeParse(raw);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'suppression');
  const input = parsed.data;
  return withWriteTransaction(store, async (trx) => {
    const inserted = await trx
      .insertInto('outreach_suppressions')
      .values({ workspace_id: workspaceId, candidate_id: input.candidateId, email: input.email?.toLowerCase() ?? null, profile_url: input.profileUrl, reason: input.reason, note: input.note, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const index = buildSuppressionIndex([input]);
    const rows = await trx.selectFrom('outreach_enrollments').selectAll().where('workspace_id', '=', workspaceId).where('state', 'in', [...activeStates, 'finished']).execute();
    const stopped: string[] = [];
    for (const r of rows) {
      if (!isSuppressed(index, { candidateId: Number(r.candidate_id), emails: JSON.parse(r.emails), profileUrl: r.profile_url })) continue;
      await applyEnrollmentEvent(trx, r, 'stop', `suppressed (${input.reason})`, now);
      await trx
        .updateTable('outreach_actions')
        .set({ status: 'cancelled', last_error: 'suppressed', updated_at: now })
        .where('enrollment_id', '=', r.id)
        .where('status', 'in', ['pending', 'awaiting_person'])
        .execute();
      stopped.push(r.id);
    }
    return { entry: { ...input, id: Number(inserted.id), createdAt: now }, stoppedEnrollments: stopped };
  });
}

export async function removeSuppression(store: Pick<Store, 'db'>, workspaceId: string, id: number): Promise<void> {
  const res = await store.db.deleteFrom('outreach_suppressions').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new AppError('not_found', `suppression ${id} does not exist`, { id });
}
