import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { addSeat } from '../seats/seat-store.ts';
import { deleteCandidate, normaliseCandidateInput, upsertCandidates } from './candidate-store.ts';
import { addCandidateNote, deleteCandidateNote, listCandidateNotes } from './candidate-notes-store.ts';

const ws = 'default';

describeEachBackend('candidate notes', (getStore) => {
  it('adds, lists newest first, deletes, and refuses bad input without writing', async () => {
    const store = getStore();
    await addSeat(store, ws, { id: 'notes-seat', name: 'Notes seat' }, '2025-01-01T00:00:00.000Z');
    const { outcomes } = await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'Nora', lastName: 'Notes', profileUrl: 'https://www.linkedin.com/in/nora-notes' })]);
    const id = outcomes[0].id;
    const a = await addCandidateNote(store, ws, id, { text: '  Prefers email  ' }, '2025-02-01T10:00:00.000Z');
    expect(a).toMatchObject({ candidateId: id, text: 'Prefers email', authorSeatId: null });
    const b = await addCandidateNote(store, ws, id, { text: 'Call after June', authorSeatId: 'notes-seat' }, '2025-02-02T10:00:00.000Z');
    expect((await listCandidateNotes(store, ws, id)).map((n) => n.text)).toEqual(['Call after June', 'Prefers email']);

    await expect(addCandidateNote(store, ws, id, { text: '   ' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('text') });
    await expect(addCandidateNote(store, ws, id, { text: 'x', authorSeatId: 'nobody' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining("seat 'nobody'") });
    await expect(addCandidateNote(store, ws, 999_999, { text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addCandidateNote(store, 'other-workspace', id, { text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listCandidateNotes(store, ws, id)).toHaveLength(2);

    await deleteCandidateNote(store, ws, id, a.id);
    expect((await listCandidateNotes(store, ws, id)).map((n) => n.id)).toEqual([b.id]);
    await expect(deleteCandidateNote(store, ws, id, a.id)).rejects.toMatchObject({ code: 'not_found' });

    // notes go with their candidate
    await deleteCandidate(store, ws, id);
    expect(await store.db.selectFrom('candidate_notes').select('id').where('candidate_id', '=', id).execute()).toEqual([]);
  });
});
