import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { countCandidates, deleteCandidate, getCandidate, getCandidatesByIds, listCandidates, normaliseCandidateInput, upsertCandidates } from './candidate-store.ts';

const ws = 'default';

describeEachBackend('candidate store', (getStore) => {
  it('imports, dedupes by profile URL and by email, and merges without losing data', async () => {
    const store = getStore();
    const first = await upsertCandidates(store, ws, [
      normaliseCandidateInput({ name: 'Ada Lovelace', profileUrl: 'linkedin.com/in/Ada-L/', skills: ['C++'], emails: ['ADA@example.com'] }),
      normaliseCandidateInput({ name: 'Grace Hopper', emails: ['grace@example.com'], headline: '' }),
    ]);
    expect(first.outcomes.map((o) => o.outcome)).toEqual(['imported', 'imported']);

    const second = await upsertCandidates(store, ws, [
      // same person by URL (different spelling), new skill and headline
      normaliseCandidateInput({ name: 'Ada L.', profileUrl: 'https://www.linkedin.com/in/ada-l?trk=x', skills: ['c++', 'Rust'], headline: 'Engineer' }),
      // same person by email
      normaliseCandidateInput({ name: 'Grace', emails: ['Grace@Example.com'], headline: 'Admiral' }),
    ]);
    expect(second.outcomes.map((o) => o.outcome)).toEqual(['updated', 'updated']);
    expect(second.outcomes[0].id).toBe(first.outcomes[0].id);
    expect(second.outcomes[1].id).toBe(first.outcomes[1].id);

    const ada = await getCandidate(store, ws, first.outcomes[0].id);
    expect(ada.name).toBe('Ada Lovelace');
    expect(ada.headline).toBe('Engineer');
    expect(ada.skills).toEqual(['C++', 'Rust']);
    expect(ada.profileUrl).toBe('https://www.linkedin.com/in/ada-l');
    expect(ada.emails).toEqual(['ada@example.com']);

    const again = await upsertCandidates(store, ws, [
      normaliseCandidateInput({ name: 'Ada L.', profileUrl: 'https://www.linkedin.com/in/ada-l?trk=x', skills: ['c++', 'Rust'], headline: 'Engineer' }),
    ]);
    expect(again.outcomes[0].outcome).toBe('unchanged');
    expect(await countCandidates(store, ws)).toBe(2);
  });

  it('merges duplicates inside one batch into one candidate', async () => {
    const store = getStore();
    const before = await countCandidates(store, ws);
    const res = await upsertCandidates(store, ws, [
      normaliseCandidateInput({ name: 'Linus', profileUrl: 'https://linkedin.com/in/linus', skills: ['C'] }),
      normaliseCandidateInput({ name: 'Linus T', profileUrl: 'https://linkedin.com/in/linus', skills: ['Git'] }),
    ]);
    expect(res.outcomes.map((o) => o.outcome)).toEqual(['imported', 'updated']);
    expect(res.outcomes[0].id).toBe(res.outcomes[1].id);
    expect(await countCandidates(store, ws)).toBe(before + 1);
    const linus = await getCandidate(store, ws, res.outcomes[0].id);
    expect(linus.skills).toEqual(['C', 'Git']);
  });

  it('lists with filters and deletes', async () => {
    const store = getStore();
    const res = await upsertCandidates(store, ws, [
      normaliseCandidateInput({ name: 'Open Person', linkedin: { openProfile: true } }),
    ]);
    const open = await listCandidates(store, ws, { openProfile: true });
    expect(open.total).toBe(1);
    expect(open.candidates[0].name).toBe('Open Person');
    await deleteCandidate(store, ws, res.outcomes[0].id);
    await expect(getCandidate(store, ws, res.outcomes[0].id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteCandidate(store, ws, res.outcomes[0].id)).rejects.toMatchObject({ code: 'not_found' });
  });
  it('loads candidates by id only from the asked workspace', async () => {
    const store = getStore();
    await store.db.insertInto('workspaces').values({ id: 'other', name: 'Other', settings: '{}', created_at: new Date().toISOString() }).execute();
    const mine = await upsertCandidates(store, ws, [normaliseCandidateInput({ name: 'Mine' })]);
    const theirs = await upsertCandidates(store, 'other', [normaliseCandidateInput({ name: 'Theirs' })]);
    const found = await getCandidatesByIds(store, ws, [mine.outcomes[0].id, theirs.outcomes[0].id]);
    expect([...found.values()].map((c) => c.name)).toEqual(['Mine']);
  });
});
