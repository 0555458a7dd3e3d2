import { seatExists } from '../seats/seat-store.ts';
import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { requireCandidate } from './candidate-store.ts';
import { candidateNoteInputSchema, type CandidateNote } from './candidate-note.ts';
import { canDeleteNote } from '../access/note-access.ts';
import type { Role } from '../access/role.ts';

/**
 * Notes on a candidate: list (newest first, with who wrote them), add,
 * delete. Notes go with the candidate when it is deleted (FK cascade).
 */
export async function listCandidateNotes(store: Store, workspaceId: string, candidateId: number): Promise<CandidateNote[]> {
  await requireCandidate(store, workspaceId, candidateId);
  const rows = await store.db
    .selectFrom('candidate_notes as n')
    .leftJoin('auth_users as u', 'u.id', 'n.author_user_id')
    .select(['n.id', 'n.candidate_id', 'n.text', 'n.author_seat_id', 'n.author_user_id', 'n.created_at', 'u.id as user_id', 'u.email as user_email', 'u.name as user_name'])
    .where('n.workspace_id', '=', workspaceId)
    .where('n.candidate_id', '=', candidateId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    candidateId: Number(r.candidate_id),
    text: r.text,
    authorSeatId: r.author_seat_id,
    authorUserId: r.author_user_id ?? null,
    author: r.user_id ? { userId: r.user_id, email: r.user_email ?? '', name: r.user_name ?? '' } : null,
    createdAt: r.created_at,
  }));
}

/** Adds a note; `authorUserId` is the member writing it (the API's caller; null from the local CLI). */
export async function addCandidateNote(
  store: Store,
  workspaceId: string,
  candidateId: number,
  raw: unknown,
  now: string = new Date().toISOString(),
  opts: { authorUserId?: string | null } = {},
): Promise<CandidateNote> {
  const parsed = candidateNoteInputSchema.safeParse(raw);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'note');
  const input = parsed.data;
  await requireCandidate(store, workspaceId, candidateId);
  if (input.authorSeatId !== null) {
    if (!(await seatExists(store, workspaceId, input.authorSeatId))) throw new AppError('invalid_input', `invalid note: authorSeatId: seat '${input.authorSeatId}' does not exist`, { authorSeatId: input.authorSeatId });
  }
  const authorUserId = opts.authorUserId ?? null;
  const row = await store.db
    .insertInto('candidate_notes')
    .values({ workspace_id: workspaceId, candidate_id: candidateId, text: input.text, author_seat_id: input.authorSeatId, author_user_id: authorUserId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = authorUserId ? await store.db.selectFrom('auth_users').select(['id', 'email', 'name']).where('id', '=', authorUserId).executeTakeFirst() : undefined;
  return {
    id: Number(row.id),
    candidateId,
    text: input.text,
    authorSeatId: input.authorSeatId,
    authorUserId,
    author: user ? { userId: user.id, email: user.email, name: user.name } : null,
    createdAt: now,
  };
}

/**
 * Deletes a note. With `by` (an API caller) the note-access rule applies:
 * its author, or an admin or owner; anyone else is refused with forbidden
 * and nothing is deleted. Without it (the local CLI, acting as owner) any.
 */
export async function deleteCandidateNote(store: Store, workspaceId: string, candidateId: number, noteId: number, by?: { userId: string; role: Role | null }): Promise<void> {
  const note = await store.db
    .selectFrom('candidate_notes')
    .select(['id', 'author_user_id'])
    .where('workspace_id', '=', workspaceId)
    .where('candidate_id', '=', candidateId)
    .where('id', '=', noteId)
    .executeTakeFirst();
  if (!note) throw new AppError('not_found', `note ${noteId} of candidate ${candidateId} does not exist`, { id: noteId });
  if (by && !canDeleteNote(by, { authorUserId: note.author_user_id ?? null })) {
    throw new AppError('forbidden', `note ${noteId} was written by someone else: only its author or an admin can delete it`, { id: noteId });
  }
  await store.db.deleteFrom('candidate_notes').where('workspace_id', '=', workspaceId).where('id', '=', noteId).execute();
}
