import { sql, type Kysely } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { Database } from '../db/schema.ts';
import { activeStates, applyEnrollmentEvent, type EnrollmentRow } from '../outreach/enrollment/enrollment-store.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';
import { removeFromIndex } from '../search/search-index.ts';
import { erasedActionPatch, isInFlight, mergePersonKeys, rewriteSuppressions, type ErasedPerson } from './erasure.ts';
import { ensureHashKey } from './hash-key-store.ts';

/**
 * Erases candidates (the rules are in erasure.ts): in one write transaction,
 * on both backends, with the caller's audit entry written in it, so either
 * the person is gone everywhere and the audit says so, or nothing changed.
 *
 * SQLite also overwrites what it deletes (`secure_delete` for the
 * transaction) and merges the full-text index so the deleted words leave its
 * pages (`optimize`: ~1 s per 200k profiles, holding the write lock), then
 * checkpoints the write-ahead log so the old pages leave it too.
 */
export interface ErasureSummary {
  erased: number[];
  /** hashed entries added to the suppression list */
  suppressionHashes: number;
  enrollmentsStopped: number;
  actionsCancelled: number;
  actionsScrubbed: number;
  notesDeleted: number;
  rankingExamplesUnlinked: number;
}

export interface EraseOptions {
  now?: string;
  /** written in the erasing transaction (an audit entry); it must not carry the person's data */
  audit?: (trx: Kysely<Database>, summary: ErasureSummary) => Promise<void>;
  /** ids that no longer exist are skipped instead of refused (retention: someone erased them meanwhile) */
  skipMissing?: boolean;
}

const chunk = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export async function eraseCandidates(store: Store, workspaceId: string, ids: readonly number[], opts: EraseOptions = {}): Promise<ErasureSummary> {
  const now = opts.now ?? new Date().toISOString();
  const wanted = [...new Set(ids)];
  const summary = await withWriteTransaction(store, async (trx) => {
    if (store.dialect === 'sqlite') await sql`pragma secure_delete = on`.execute(trx);
    try {
      const summary = await eraseInTransaction(trx, store.dialect, workspaceId, wanted, now, opts.skipMissing === true);
      if (store.dialect === 'sqlite' && summary.erased.length > 0) await sql`INSERT INTO search_fts(search_fts) VALUES ('optimize')`.execute(trx);
      await opts.audit?.(trx, summary);
      return summary;
    } finally {
      if (store.dialect === 'sqlite') await sql`pragma secure_delete = off`.execute(trx);
    }
  });
  if (store.dialect === 'sqlite' && summary.erased.length > 0) await truncateWal(store);
  return summary;
}

/**
 * Copies the log into the database file and empties it, so the pages from
 * before the erasure are no longer in it. Never waits (busy_timeout 0 for
 * the moment): with a reader still on old pages it gives up, and SQLite's
 * own checkpoints overwrite them later.
 */
async function truncateWal(store: Store): Promise<void> {
  await store.db.connection().execute(async (conn) => {
    const timeout = (await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn)).rows[0]?.timeout ?? 10_000;
    await sql`pragma busy_timeout = 0`.execute(conn);
    try {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(conn);
    } catch {
      /* busy: left to SQLite's automatic checkpoints */
    } finally {
      await sql.raw(`pragma busy_timeout = ${Number(timeout)}`).execute(conn);
    }
  });
}

async function eraseInTransaction(trx: Kysely<Database>, dialect: Store['dialect'], workspaceId: string, wanted: number[], now: string, skipMissing: boolean): Promise<ErasureSummary> {
  const summary: ErasureSummary = { erased: [], suppressionHashes: 0, enrollmentsStopped: 0, actionsCancelled: 0, actionsScrubbed: 0, notesDeleted: 0, rankingExamplesUnlinked: 0 };
  if (wanted.length === 0) return summary;

  const candidates = new Map<number, { emails: string[]; profileUrl: string | null }>();
  for (const part of chunk(wanted, 500)) {
    const rows = await trx.selectFrom('candidates').select(['id', 'emails', 'profile_url']).where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
    for (const r of rows) candidates.set(Number(r.id), { emails: JSON.parse(r.emails) as string[], profileUrl: r.profile_url });
  }
  const missing = wanted.filter((id) => !candidates.has(id));
  if (missing.length > 0 && !skipMissing) throw new AppError('not_found', `candidate ${missing[0]} does not exist`, { id: missing[0] });
  const ids = wanted.filter((id) => candidates.has(id));
  if (ids.length === 0) return summary;

  const selectActions = (part: number[]) =>
    trx
      .selectFrom('outreach_actions')
      .select(['id', 'candidate_id', 'status', 'subject', 'body', 'text_length', 'lease_until', 'email', 'profile_url', 'idempotency_key'])
      .where('workspace_id', '=', workspaceId)
      .where('candidate_id', 'in', part)
      .execute();
  const actions: Awaited<ReturnType<typeof selectActions>> = [];
  for (const part of chunk(ids, 500)) actions.push(...(await selectActions(part)));
  const busy = actions.find((a) => isInFlight(a, now));
  if (busy) {
    throw new AppError('conflict', `an action to candidate ${Number(busy.candidate_id)} is being executed right now (until ${busy.lease_until}); nothing was erased, try again in a minute`, {
      candidateId: Number(busy.candidate_id),
      actionId: busy.id,
    });
  }
  const enrollments: EnrollmentRow[] = [];
  for (const part of chunk(ids, 500)) {
    enrollments.push(...(await trx.selectFrom('outreach_enrollments').selectAll().where('workspace_id', '=', workspaceId).where('candidate_id', 'in', part).execute()));
  }

  // Every email and URL the person was known by: the profile, and the copies outreach took of them.
  const people: ErasedPerson[] = ids.map((id) => {
    const c = candidates.get(id)!;
    const es = enrollments.filter((e) => Number(e.candidate_id) === id);
    const as = actions.filter((a) => Number(a.candidate_id) === id);
    return mergePersonKeys(
      id,
      [...c.emails, ...es.flatMap((e) => JSON.parse(e.emails) as string[]), ...as.map((a) => a.email)],
      [c.profileUrl, ...es.map((e) => e.profile_url), ...as.map((a) => a.profile_url)],
    );
  });

  const key = await ensureHashKey(trx, workspaceId, now);
  let suppressions = await trx.selectFrom('outreach_suppressions').select(['id', 'candidate_id', 'email', 'profile_url', 'key_hash', 'reason', 'created_at']).where('workspace_id', '=', workspaceId).execute();
  for (const person of people) {
    const { deleteIds, insert } = rewriteSuppressions(suppressions, person, key, now);
    for (const part of chunk(deleteIds, 500)) await trx.deleteFrom('outreach_suppressions').where('id', 'in', part).execute();
    for (const part of chunk(insert, 200)) {
      await trx
        .insertInto('outreach_suppressions')
        .values(part.map((h) => ({ workspace_id: workspaceId, candidate_id: null, email: null, profile_url: null, key_hash: h.keyHash, reason: h.reason, note: '', created_at: h.createdAt })))
        .execute();
    }
    summary.suppressionHashes += insert.length;
    if (deleteIds.length > 0 || insert.length > 0) {
      const gone = new Set(deleteIds);
      suppressions = [
        ...suppressions.filter((s) => !gone.has(Number(s.id))),
        ...insert.map((h) => ({ id: -1, candidate_id: null, email: null, profile_url: null, key_hash: h.keyHash, reason: h.reason, created_at: h.createdAt })),
      ];
    }
  }

  // Outreach: sequences stop, open actions are cancelled, every copy of the text and the addresses goes.
  for (const e of enrollments) {
    if ((activeStates as readonly string[]).includes(e.state)) {
      await applyEnrollmentEvent(trx, e, 'stop', 'erased', now);
      summary.enrollmentsStopped++;
    }
  }
  for (const part of chunk(ids, 500)) {
    await trx.updateTable('outreach_enrollments').set({ emails: '[]', profile_url: null, updated_at: now }).where('workspace_id', '=', workspaceId).where('candidate_id', 'in', part).execute();
  }
  // the transitions stay (event, states, time); their causes can quote an executor's or a recruiter's words about the person
  for (const part of chunk(enrollments.map((e) => e.id), 500)) {
    await trx.updateTable('outreach_enrollment_events').set({ cause: 'erased' }).where('enrollment_id', 'in', part).execute();
  }
  for (const a of actions) {
    const patch = erasedActionPatch(a, now);
    if ('status' in patch) summary.actionsCancelled++;
    await trx.updateTable('outreach_actions').set(patch).where('id', '=', a.id).execute();
    summary.actionsScrubbed++;
  }
  // The sandbox's simulated answers to them: none will come now.
  for (const part of chunk(actions.map((a) => a.idempotency_key), 500)) {
    await trx.deleteFrom('outreach_sandbox_answers').where('idempotency_key', 'in', part).execute();
  }

  for (const part of chunk(ids, 500)) {
    // the model keeps what it learned; the examples no longer say about whom (ids start at 1)
    const unlinked = await trx.updateTable('ranking_examples').set({ candidate_id: 0 }).where('workspace_id', '=', workspaceId).where('candidate_id', 'in', part).executeTakeFirst();
    summary.rankingExamplesUnlinked += Number(unlinked.numUpdatedRows);
    const notes = await trx.deleteFrom('candidate_notes').where('workspace_id', '=', workspaceId).where('candidate_id', 'in', part).executeTakeFirst();
    summary.notesDeleted += Number(notes.numDeletedRows);
    await trx.deleteFrom('candidate_facts').where('candidate_id', 'in', part).execute();
    await trx.deleteFrom('retention_flags').where('candidate_id', 'in', part).execute();
    await trx.deleteFrom('candidate_emails').where('candidate_id', 'in', part).execute();
    const sourceIds = (await trx.selectFrom('candidate_sources').select('source_id').distinct().where('candidate_id', 'in', part).execute()).map((r) => Number(r.source_id));
    await trx.deleteFrom('candidate_sources').where('candidate_id', 'in', part).execute();
    // a file named after the person (jane-doe.json) must not outlive them: an import no one is left from loses its file name
    for (const sp of chunk(sourceIds, 500)) {
      await trx
        .updateTable('data_sources')
        .set({ file_name: null })
        .where('id', 'in', sp)
        .where('file_name', 'is not', null)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('candidate_sources').select('candidate_id').whereRef('candidate_sources.source_id', '=', 'data_sources.id'))))
        .execute();
    }
    await removeFromIndex(trx, dialect, part);
    await trx.deleteFrom('candidates').where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
  }
  summary.erased = ids;
  return summary;
}
