import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import type { Store } from '../db/open-database.ts';
import { searchCandidates } from '../search-request/search-candidates.ts';
import { countCandidates, listCandidates, upsertCandidates } from './candidate-store.ts';
import { generateDemoCandidates } from './demo-data.ts';
import { importCandidates } from './import-candidates.ts';
import type { ImportRecord } from './import-record.ts';

let wsCounter = 0;

async function freshWorkspace(store: Store): Promise<string> {
  const id = `bulk${++wsCounter}`;
  await store.db.insertInto('workspaces').values({ id, name: id, settings: '{}', created_at: '2026-01-01T00:00:00.000Z' }).execute();
  return id;
}

/** Every stored candidate of the workspace is found by a search on its full name. */
async function expectAllSearchable(store: Store, ws: string): Promise<number> {
  const { candidates } = await listCandidates(store, ws, { limit: 1000 });
  for (const c of candidates) {
    const { results } = await searchCandidates(store, { query: `name:"${c.name}"`, workspaceId: ws, limit: 100 });
    expect(results.map((r) => r.id)).toContain(c.id);
  }
  return candidates.length;
}

async function sqliteSettings(store: Store) {
  const config = await sql<{ k: string; v: number }>`SELECT k, v FROM search_fts_config`.execute(store.db);
  return {
    automerge: config.rows.find((r) => r.k === 'automerge')?.v,
    crisismerge: config.rows.find((r) => r.k === 'crisismerge')?.v,
    hashsize: config.rows.find((r) => r.k === 'hashsize')?.v,
    cacheSize: store.sqlite!.pragma('cache_size', { simple: true }),
    walAutocheckpoint: store.sqlite!.pragma('wal_autocheckpoint', { simple: true }),
  };
}

describeEachBackend('large imports (bulk settings on SQLite)', (getStore, backend) => {
  const records = (n: number, seed: number): ImportRecord[] => [...generateDemoCandidates(n, seed)].map((input, i) => ({ line: i + 1, input }));

  it('a large import leaves every candidate searchable, the default settings back, and re-imports as unchanged', async () => {
    const store = getStore();
    const ws = await freshWorkspace(store);
    const before = backend === 'sqlite' ? await sqliteSettings(store) : undefined;
    // what FTS5 writes with after each batch: the defaults until bulk mode starts, then the bulk settings
    const during: Array<{ records: number; hashsize: unknown; automerge: unknown }> = [];
    const config = (k: string) => (store.sqlite!.prepare('SELECT v FROM search_fts_config WHERE k = ?').get(k) as { v: number } | undefined)?.v;
    const onBatch = backend === 'sqlite' ? (s: { records: number }) => void during.push({ records: s.records, hashsize: config('hashsize'), automerge: config('automerge') }) : undefined;
    const first = await importCandidates(store, ws, records(60, 21), { batchSize: 7, bulkAfter: 10, normalised: true, onBatch });
    if (backend === 'sqlite') {
      expect(during.filter((d) => d.records <= 10).every((d) => d.automerge !== 16)).toBe(true);
      expect(during.filter((d) => d.records > 10)).not.toHaveLength(0);
      for (const d of during.filter((d) => d.records > 10)) expect(d).toMatchObject({ hashsize: 64 * 1024 * 1024, automerge: 16 });
    }
    expect(first).toMatchObject({ records: 60, imported: 60, skipped: 0 });
    expect(await expectAllSearchable(store, ws)).toBe(60);
    if (backend === 'sqlite') {
      expect(before).toMatchObject({ cacheSize: -65536, walAutocheckpoint: 1000 });
      expect(await sqliteSettings(store)).toEqual({ ...before, automerge: 4, crisismerge: 16, hashsize: 1048576 });
    }
    const again = await importCandidates(store, ws, records(60, 21), { batchSize: 9, bulkAfter: 10, normalised: true });
    expect(again).toMatchObject({ records: 60, imported: 0, updated: 0, unchanged: 60 });
    expect(await countCandidates(store, ws)).toBe(60);
  });

  it('an import that fails half-way leaves the batches it wrote searchable and the settings restored', async () => {
    const store = getStore();
    const ws = await freshWorkspace(store);
    const before = backend === 'sqlite' ? await sqliteSettings(store) : undefined;
    let batches = 0;
    const run = importCandidates(store, ws, records(50, 22), {
      batchSize: 8,
      bulkAfter: 10,
      normalised: true,
      // the fourth batch and everything after it is refused, as a failing disk would
      upsert: async (s, w, inputs, now) => {
        if (++batches > 3) throw new Error('simulated disk failure');
        return upsertCandidates(s, w, inputs, now);
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'storage_error' });
    expect(await countCandidates(store, ws)).toBe(24);
    expect(await expectAllSearchable(store, ws)).toBe(24);
    if (backend === 'sqlite') expect(await sqliteSettings(store)).toEqual({ ...before, automerge: 4, crisismerge: 16, hashsize: 1048576 });
    const resumed = await importCandidates(store, ws, records(50, 22), { batchSize: 8, bulkAfter: 10, normalised: true });
    expect(resumed).toMatchObject({ imported: 26, unchanged: 24 });
    expect(await expectAllSearchable(store, ws)).toBe(50);
  });
});
