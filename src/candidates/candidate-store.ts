import type SqliteDatabase from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Database, Dialect } from '../db/schema.ts';
import type { Store } from '../db/open-database.ts';
import { indexCandidates, type IndexRow } from '../search/search-index.ts';
import { searchDocumentFor } from './candidate-search-document.ts';
import { eraseCandidates } from '../privacy/erase-candidates-store.ts';
import { recordCandidateSources } from '../privacy/data-source-store.ts';
import { candidateInputSchema, fullName, type Candidate, type CandidateInput, type CandidateInputLoose } from './candidate.ts';
import type { CandidateTable } from './candidate-tables.ts';
import type { CandidateRowValues, CandidateWriteOps } from './candidate-write-ops.ts';
import { sqliteCandidateWriteOps } from './sqlite-candidate-writes.ts';
import { mergeCandidate, unionFolded } from './merge-candidate.ts';
import { candidateColumns, candidateFromColumns } from './candidate-columns.ts';
import {
  isPreparedCandidate,
  preparedEmails,
  preparedFts5Row,
  preparedInput,
  preparedProfileUrl,
  preparedRow,
  type PreparedCandidate,
} from './prepared-candidates.ts';
import { canonicalProfileUrl, normaliseEmail } from './profile-url.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

export type UpsertOutcome = 'imported' | 'updated' | 'unchanged';

export interface UpsertResult {
  outcomes: Array<{ outcome: UpsertOutcome; id: number }>;
}

type CandidateRow = Selectable<CandidateTable>;

/** Cleans an input before storage: canonical URL, valid lower-case emails, derived full name. */
export function normaliseCandidateInput(input: CandidateInputLoose | CandidateInput): CandidateInput {
  const c = candidateInputSchema.parse(input);
  const emails = c.emails.map(normaliseEmail).filter((e): e is string => e !== null);
  return {
    ...c,
    name: fullName(c),
    profileUrl: canonicalProfileUrl(c.profileUrl),
    emails: [...new Set(emails)],
    // the same case-insensitive union a merge applies, so a re-import of the same record is a no-op
    skills: unionFolded(c.skills, []),
    tags: unionFolded(c.tags, []),
    phones: unionFolded(c.phones, []),
  };
}

export function rowToCandidate(row: CandidateRow): Candidate {
  return {
    id: Number(row.id),
    workspaceId: row.workspace_id,
    ...candidateFromColumns(row),
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
  };
}

function toInput(c: Candidate): CandidateInput {
  const { id: _id, workspaceId: _w, importedAt: _i, updatedAt: _u, ...rest } = c;
  return rest;
}

function sameContent(a: CandidateInput, b: CandidateInput): boolean {
  return JSON.stringify(candidateColumns(a)) === JSON.stringify(candidateColumns(b));
}

const chunk = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

/**
 * Inserts or merges a batch of normalised candidates in one transaction.
 * Dedupe: by canonical profile URL, then by any email; duplicates inside the
 * batch merge into one. Either the whole batch is written or nothing is.
 * An input may be a prepared candidate (prepared-candidates.ts): its row and
 * FTS5 values are used as they are unless it merges with another record.
 * With `sourceId` every candidate of the batch is linked to that data source.
 */
export async function upsertCandidates(
  store: Store,
  workspaceId: string,
  inputs: Array<CandidateInput | PreparedCandidate>,
  now: string = new Date().toISOString(),
  opts: { sourceId?: number } = {},
): Promise<UpsertResult> {
  if (inputs.length === 0) return { outcomes: [] };
  return withWriteTransaction(store, async (trx) => {
    // SQLite: Kysely runs the transaction on the one better-sqlite3 connection, so prepared statements on
    // that handle join it; they skip query compilation, the bulk of an import's cost.
    const raw = store.dialect === 'sqlite' ? store.sqlite : undefined;
    const ops = raw ? sqliteCandidateWriteOps(raw) : kyselyCandidateWriteOps(trx);
    const result = await upsertInTransaction(trx, ops, store.dialect, workspaceId, inputs, now, raw);
    // where the data came from, with the data (src/privacy/data-source.ts)
    if (opts.sourceId !== undefined) await recordCandidateSources(trx, workspaceId, opts.sourceId, result.outcomes, now, raw);
    return result;
  });
}

/** The portable write operations, through Kysely (PostgreSQL, and SQLite without a raw handle). */
function kyselyCandidateWriteOps(trx: Kysely<Database>): CandidateWriteOps {
  return {
    async rowsByUrls(workspaceId, urls) {
      const out: CandidateRow[] = [];
      for (const part of chunk(urls, 500)) out.push(...(await trx.selectFrom('candidates').selectAll().where('workspace_id', '=', workspaceId).where('profile_url', 'in', part).execute()));
      return out;
    },
    async emailOwners(workspaceId, emails) {
      const out: Array<{ email: string; candidate_id: number }> = [];
      for (const part of chunk(emails, 500)) {
        out.push(...(await trx.selectFrom('candidate_emails').select(['email', 'candidate_id']).where('workspace_id', '=', workspaceId).where('email', 'in', part).execute()));
      }
      return out;
    },
    async rowsByIds(ids) {
      const out: CandidateRow[] = [];
      for (const part of chunk(ids, 500)) out.push(...(await trx.selectFrom('candidates').selectAll().where('id', 'in', part).execute()));
      return out;
    },
    async insert(rows) {
      const ids: number[] = [];
      for (const part of chunk(rows, 400)) ids.push(...(await trx.insertInto('candidates').values(part).returning('id').execute()).map((r) => Number(r.id)));
      return ids;
    },
    async update(id, values) {
      await trx.updateTable('candidates').set(values).where('id', '=', id).execute();
    },
    async insertEmails(rows) {
      for (const part of chunk(rows, 1000)) {
        await trx.insertInto('candidate_emails').values(part).onConflict((oc) => oc.columns(['workspace_id', 'email']).doNothing()).execute();
      }
    },
  };
}

async function upsertInTransaction(
  trx: Kysely<Database>,
  ops: CandidateWriteOps,
  dialect: Dialect,
  workspaceId: string,
  inputs: Array<CandidateInput | PreparedCandidate>,
  now: string,
  raw: SqliteDatabase.Database | undefined,
): Promise<UpsertResult> {
  type Item = CandidateInput | PreparedCandidate;
  const urlOf = (x: Item) => (isPreparedCandidate(x) ? preparedProfileUrl(x) : x.profileUrl);
  const emailsOf = (x: Item) => (isPreparedCandidate(x) ? preparedEmails(x) : x.emails);
  const inputOf = (x: Item) => (isPreparedCandidate(x) ? preparedInput(x) : x);
  // prepared FTS5 rows carry their workspace's token, and only SQLite's raw path takes rows as they are
  const indexRowOf = (id: number, x: Item) =>
    isPreparedCandidate(x) && raw && x.batch.workspaceId === workspaceId
      ? { id, workspaceId, document: null, fts5: preparedFts5Row(x) }
      : { id, workspaceId, document: searchDocumentFor(inputOf(x)) };
  const urls = [...new Set(inputs.map(urlOf).filter((u): u is string => !!u))];
  const emails = [...new Set(inputs.flatMap(emailsOf))];

  // Existing candidates that any input may match.
  const byId = new Map<number, Candidate>();
  const byUrl = new Map<string, number>();
  const byEmail = new Map<string, number>();
  for (const r of await ops.rowsByUrls(workspaceId, urls)) {
    const c = rowToCandidate(r);
    byId.set(c.id, c);
    if (c.profileUrl) byUrl.set(c.profileUrl, c.id);
  }
  for (const r of await ops.emailOwners(workspaceId, emails)) byEmail.set(r.email, Number(r.candidate_id));
  const missing = [...new Set(byEmail.values())].filter((id) => !byId.has(id));
  for (const r of await ops.rowsByIds(missing)) byId.set(Number(r.id), rowToCandidate(r));

  // Resolve each input to an existing id, a new slot, or a previous input in this batch.
  type Slot = { existingId: number | null; original: CandidateInput | null; merged: Item; order: number[] };
  const slots: Slot[] = [];
  const slotByUrl = new Map<string, Slot>();
  const slotByEmail = new Map<string, Slot>();
  const slotById = new Map<number, Slot>();
  const slotOfInput: Slot[] = [];
  inputs.forEach((input, i) => {
    let slot: Slot | undefined;
    const url = urlOf(input);
    const inputEmails = emailsOf(input);
    if (url) slot = slotByUrl.get(url);
    if (!slot) for (const e of inputEmails) if ((slot = slotByEmail.get(e))) break;
    if (!slot) {
      let existingId: number | undefined = url ? byUrl.get(url) : undefined;
      if (existingId === undefined) for (const e of inputEmails) if ((existingId = byEmail.get(e)) !== undefined) break;
      if (existingId !== undefined) slot = slotById.get(existingId);
      if (!slot) {
        const existing = existingId !== undefined ? byId.get(existingId) : undefined;
        const original = existing ? toInput(existing) : null;
        slot = { existingId: existing ? existing.id : null, original, merged: original ?? input, order: [] };
        if (existing) slotById.set(existing.id, slot);
        slots.push(slot);
        if (!existing) slot.order.push(i), (slotOfInput[i] = slot);
      }
    }
    if (slotOfInput[i] !== slot) {
      slot.merged = mergeCandidate(inputOf(slot.merged), inputOf(input));
      slot.order.push(i);
      slotOfInput[i] = slot;
    }
    const mergedUrl = urlOf(slot.merged);
    if (mergedUrl) slotByUrl.set(mergedUrl, slot);
    for (const e of emailsOf(slot.merged)) slotByEmail.set(e, slot);
  });

  const outcomeOfSlot = new Map<Slot, { outcome: UpsertOutcome; id: number }>();
  const toIndex: IndexRow[] = [];
  const emailRows: Array<{ workspace_id: string; email: string; candidate_id: number }> = [];

  const fresh = slots.filter((s) => s.existingId === null);
  const freshRows: CandidateRowValues[] = fresh.map((s) =>
    isPreparedCandidate(s.merged) ? preparedRow(s.merged, workspaceId, now) : { workspace_id: workspaceId, ...candidateColumns(s.merged), imported_at: now, updated_at: now },
  );
  const ids = await ops.insert(freshRows);
  fresh.forEach((s, k) => {
    const id = ids[k];
    outcomeOfSlot.set(s, { outcome: 'imported', id });
    toIndex.push(indexRowOf(id, s.merged));
    for (const e of emailsOf(s.merged)) emailRows.push({ workspace_id: workspaceId, email: e, candidate_id: id });
  });
  for (const s of slots) {
    if (s.existingId === null || !s.original) continue;
    const id = s.existingId;
    const merged = inputOf(s.merged);
    if (sameContent(s.original, merged)) {
      outcomeOfSlot.set(s, { outcome: 'unchanged', id });
      continue;
    }
    await ops.update(id, { ...candidateColumns(merged), updated_at: now });
    outcomeOfSlot.set(s, { outcome: 'updated', id });
    toIndex.push({ id, workspaceId, document: searchDocumentFor(merged) });
    for (const e of merged.emails) if (!s.original.emails.includes(e)) emailRows.push({ workspace_id: workspaceId, email: e, candidate_id: id });
  }
  await ops.insertEmails(emailRows);
  if (toIndex.length) await indexCandidates(trx, dialect, toIndex, raw);

  // Each input reports what happened to the record it landed in; a later duplicate in the batch counts as updated.
  const seenSlot = new Set<Slot>();
  const outcomes = inputs.map((_, i) => {
    const slot = slotOfInput[i];
    const o = outcomeOfSlot.get(slot)!;
    const first = !seenSlot.has(slot);
    seenSlot.add(slot);
    if (first) return o;
    return { outcome: (o.outcome === 'unchanged' ? 'unchanged' : 'updated') as UpsertOutcome, id: o.id };
  });
  return { outcomes };
}

export async function getCandidate(store: Store, workspaceId: string, id: number): Promise<Candidate> {
  const row = await store.db.selectFrom('candidates').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `candidate ${id} does not exist`, { id });
  return rowToCandidate(row);
}

/** Throws not_found unless the candidate exists in the workspace (reads its id only, not the profile). */
export async function requireCandidate(store: Store | { db: Kysely<Database> }, workspaceId: string, id: number): Promise<void> {
  // by primary key, workspace checked here (see getCandidatesByIds)
  const row = await store.db.selectFrom('candidates').select('workspace_id').where('id', '=', id).executeTakeFirst();
  if (row?.workspace_id !== workspaceId) throw new AppError('not_found', `candidate ${id} does not exist`, { id });
}

export async function getCandidatesByIds(store: Store | { db: Kysely<Database> }, workspaceId: string, ids: number[]): Promise<Map<number, Candidate>> {
  const out = new Map<number, Candidate>();
  for (const part of chunk(ids, 500)) {
    // Look up by primary key and check the workspace here: with workspace_id in the WHERE clause
    // SQLite walks the whole workspace index instead (65 ms per 50 ids at 100k profiles).
    const rows = await store.db.selectFrom('candidates').selectAll().where('id', 'in', part).execute();
    for (const r of rows) if (r.workspace_id === workspaceId) out.set(Number(r.id), rowToCandidate(r));
  }
  return out;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  /** only Open Profile members */
  openProfile?: boolean;
}

export async function listCandidates(store: Store, workspaceId: string, opts: ListOptions = {}): Promise<{ total: number; candidates: Candidate[] }> {
  let q = store.db.selectFrom('candidates').where('workspace_id', '=', workspaceId);
  if (opts.openProfile !== undefined) q = q.where('open_profile', '=', opts.openProfile ? 1 : 0);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('id')
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0)
    .execute();
  return { total: Number(n), candidates: rows.map(rowToCandidate) };
}

export async function countCandidates(store: Store, workspaceId: string): Promise<number> {
  const { n } = await store.db
    .selectFrom('candidates')
    .where('workspace_id', '=', workspaceId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Deleting a candidate is erasing them: every copy of their data goes, in one
 * transaction, and their hashed addresses stay on the suppression list
 * (src/privacy/erase-candidates-store.ts has the rules).
 */
export async function deleteCandidate(store: Store, workspaceId: string, id: number): Promise<void> {
  await eraseCandidates(store, workspaceId, [id]);
}
