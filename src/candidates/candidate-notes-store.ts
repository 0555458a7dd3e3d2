import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { requireCandidate } from './candidate-store.ts';
import { candidateNoteInputSchema, type CandidateNote } from './candidate-note.ts';

/** Notes on a candidate: list (newest first), add, delete. Notes go with the candidate when it is deleted (FK cascade). */
export async function listCandidateNotes(store: Store, workspaceId: string, candidateId: number): Promise<CandidateNote[]> {
  await requireCandidate(store, workspaceId, candidateId);
  const rows = await store.db
    .selectFrom('candidate_notes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), candidateId: Number(r.candidate_id), text: r.text, authorSeatId: r.author_seat_id, createdAt: r.created_at }));
}

export async function addCandidateNote(store: Store, workspaceId: string, candidateId: number, raw: unknown, now: string = new Date().toISOString()): Promise<CandidateNote> {
  const parsed = candidateNoteInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_input', `invalid note: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'note'}: ${i.message}`).join('; ')}`);
  const input = parsed.data;
  await requireCandidate(store, workspaceId, candidateId);
  if (input.authorSeatId !== null) {
    const seat = await store.db.selectFrom('seats').select('id').where('workspace_id', '=', workspaceId).where('id', '=', input.authorSeatId).executeTakeFirst();
    if (!seat) throw new AppError('invalid_input', `invalid note: authorSeatId: seat '${input.authorSeatId}' does not exist`, { authorSeatId: input.authorSeatId });
  }
  const row = await store.db
    .insertInto('candidate_notes')
    .values({ workspace_id: workspaceId, candidate_id: candidateId, text: input.text, author_seat_id: input.authorSeatId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), candidateId, text: input.text, authorSeatId: input.authorSeatId, createdAt: now };
}

export async function deleteCandidateNote(store: Store, workspaceId: string, candidateId: number, noteId: number): Promise<void> {
  const res = await store.db.deleteFrom('candidate_notes').where('workspace_id', '=', workspaceId).where('candidate_id', '=', candidateId).where('id', '=', noteId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new AppError('not_found', `note ${noteId} of candidate ${candidateId} does not exist`, { id: noteId });
}
