import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { searchCandidates } from '../search-request/search-candidates.ts';
import { countCandidates, deleteCandidate, getCandidate, getCandidatesByIds, listCandidates, normaliseCandidateInput, requireCandidate, upsertCandidates } from './candidate-store.ts';
import type { CandidateInput } from './candidate.ts';
import { generateDemoCandidates } from './demo-data.ts';
import { prepareCandidates, preparedCandidatesOf } from './prepared-candidates.ts';

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
    // the existence check sees the same: another workspace's candidate does not exist here
    await expect(requireCandidate(store, ws, mine.outcomes[0].id)).resolves.toBeUndefined();
    await expect(requireCandidate(store, ws, theirs.outcomes[0].id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(requireCandidate(store, ws, 987_654_321)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('prepared candidates (a worker built their rows) store, merge and index exactly as their inputs', async () => {
    const store = getStore();
    for (const w of ['plain', 'prepared', 'prepared-elsewhere']) {
      await store.db.insertInto('workspaces').values({ id: w, name: w, settings: '{}', created_at: '2026-01-01T00:00:00.000Z' }).execute().catch(() => undefined);
    }
    const demo = [...generateDemoCandidates(30, 9)];
    const withEmail = (c: CandidateInput, email: string): CandidateInput => ({ ...c, emails: [...c.emails, email] });
    const batches: CandidateInput[][] = [
      demo.slice(0, 10),
      // new ones, a duplicate inside the batch (by URL, with an email), one by email only, and re-imports of stored ones
      [...demo.slice(10, 20), withEmail(demo[12], 'dup@example.com'), { ...demo[25], profileUrl: null, emails: ['dup@example.com'], headline: '' }, demo[3], withEmail(demo[4], 'new@example.com')],
      demo.slice(18, 30),
    ];
    const outcomes: Record<string, string[]> = { plain: [], prepared: [], 'prepared-elsewhere': [] };
    for (const batch of batches) {
      const plain = await upsertCandidates(store, 'plain', batch);
      outcomes.plain.push(...plain.outcomes.map((o) => o.outcome));
      const prepared = await upsertCandidates(store, 'prepared', preparedCandidatesOf(prepareCandidates(batch, 'prepared')));
      outcomes.prepared.push(...prepared.outcomes.map((o) => o.outcome));
      // prepared for another workspace: its index rows carry that workspace's token, so the store builds its own
      const elsewhere = await upsertCandidates(store, 'prepared-elsewhere', preparedCandidatesOf(prepareCandidates(batch, 'plain')));
      outcomes['prepared-elsewhere'].push(...elsewhere.outcomes.map((o) => o.outcome));
    }
    expect(outcomes.prepared).toEqual(outcomes.plain);
    expect(outcomes['prepared-elsewhere']).toEqual(outcomes.plain);
    expect(outcomes.plain).toContain('updated');
    expect(outcomes.plain).toContain('unchanged');
    const content = async (w: string) =>
      (await listCandidates(store, w, { limit: 100 })).candidates.map(({ id: _i, workspaceId: _w, importedAt: _a, updatedAt: _u, ...rest }) => rest);
    const stored = await content('plain');
    expect(stored.length).toBeGreaterThan(20);
    expect(await content('prepared')).toEqual(stored);
    expect(await content('prepared-elsewhere')).toEqual(stored);
    for (const query of ['engineer', 'senior OR manager', 'dup@example.com']) {
      const names = async (w: string) => (await searchCandidates(store, { query, workspaceId: w, limit: 100 })).results.map((r) => r.name).sort();
      expect(await names('prepared'), query).toEqual(await names('plain'));
      expect(await names('prepared-elsewhere'), query).toEqual(await names('plain'));
    }
  });
});
