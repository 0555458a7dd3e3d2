import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
import { beforeAll, expect, it } from 'vitest';
import { deleteCandidate, upsertCandidates } from '../candidates/candidate-store.ts';
import { candidateInputSchema } from '../candidates/candidate.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { rebuildSearchIndex } from '../candidates/rebuild-search-index.ts';
import { searchCandidates } from '../search-request/search-candidates.ts';
import { indexCandidates, removeFromIndex } from './search-index.ts';

describeEachBackend('search index maintenance', (getStore) => {
  let ids: number[] = [];
  const names = async (query: string) =>
    (await searchCandidates(getStore(), { query, workspaceId: 'default', limit: 100 })).results.map((r) => r.name).sort();

  beforeAll(async () => {
    const { outcomes } = await upsertCandidates(getStore(), 'default', [
      candidateInputSchema.parse({ name: 'Ada Index', skills: ['Rust'], profileUrl: 'https://www.linkedin.com/in/ada-index' }),
      candidateInputSchema.parse({ name: 'Bob Index', skills: ['Go'] }),
      candidateInputSchema.parse({ name: 'Cy Index', skills: ['Rust', 'Go'] }),
    ]);
    ids = outcomes.map((o) => o.id);
  });

  it('indexes what the store imports', async () => {
    expect(await names('rust')).toEqual(['Ada Index', 'Cy Index']);
  });

  it('re-indexes a candidate when an import changes it', async () => {
    await upsertCandidates(getStore(), 'default', [candidateInputSchema.parse({ name: 'Ada Index', headline: 'Haskell engineer', profileUrl: 'https://www.linkedin.com/in/ada-index' })]);
    expect(await names('headline:haskell')).toEqual(['Ada Index']);
  });

  it('replaces, not adds to, the index entry of an id', async () => {
    const store = getStore();
    const replacement = candidateInputSchema.parse({ name: 'Ada Index', skills: ['Erlang'] });
    await store.db.transaction().execute((trx) => indexCandidates(trx, store.dialect, [{ id: ids[0], workspaceId: 'default', document: searchDocumentFor(replacement) }]));
    expect(await names('erlang')).toEqual(['Ada Index']);
    expect(await names('haskell')).toEqual([]);
    expect(await names('rust')).toEqual(['Cy Index']);
  });

  it('forgets a deleted candidate', async () => {
    await deleteCandidate(getStore(), 'default', ids[1]);
    expect(await names('go')).toEqual(['Cy Index']);
    expect((await searchCandidates(getStore(), { query: 'NOT zzz', workspaceId: 'default' })).total).toBe(2);
  });

  it('removes index entries by id and rebuilds them from the candidates', async () => {
    const store = getStore();
    await store.db.transaction().execute((trx) => removeFromIndex(trx, store.dialect, [ids[2]]));
    expect(await names('go')).toEqual([]);
    expect(await rebuildSearchIndex(store)).toBe(2);
    expect(await names('go')).toEqual(['Cy Index']);
    expect(await names('index')).toEqual(['Ada Index', 'Cy Index']);
  });

  it('accepts an empty batch', async () => {
    const store = getStore();
    await indexCandidates(store.db, store.dialect, []);
    await removeFromIndex(store.db, store.dialect, []);
  });
});
