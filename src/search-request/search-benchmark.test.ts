import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Store } from '../db/open-database.ts';
import { generateDemoCandidates } from '../candidates/demo-data.ts';
import { upsertCandidates } from '../candidates/candidate-store.ts';
import { baselineRunner, benchmarkQueries, filterBenchmarkQueries, percentile, runSearchBenchmark } from './search-benchmark.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { runSearchQuery } from '../search/run-search-query.ts';

describe('search benchmark queries', () => {
  let store: Store;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-bench-test-'));
    store = await openDatabase(join(dir, 'bench.db'));
    await upsertCandidates(store, 'default', [...generateDemoCandidates(3000, 7)]);
    return async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });

  it('has 20 queries, all valid', () => {
    expect(benchmarkQueries).toHaveLength(20);
    for (const q of benchmarkQueries) expect(() => parseQueryOrThrow(q.query)).not.toThrow();
  });

  it('hand-written FTS5 baselines find exactly what the compiled queries find', async () => {
    const baseline = baselineRunner(store, 100_000)!;
    let nonEmpty = 0;
    for (const q of benchmarkQueries) {
      const ours = await runSearchQuery(store, parseQueryOrThrow(q.query), { workspaceId: 'default', limit: 100_000, offset: 0 });
      const theirs = baseline(q.fts5);
      expect(theirs.total, q.query).toBe(ours.total);
      expect([...theirs.ids].sort((a, b) => a - b), q.query).toEqual(ours.hits.map((h) => h.id).sort((a, b) => a - b));
      if (ours.total > 0) nonEmpty++;
    }
    // the demo data makes every query meaningful
    expect(nonEmpty).toBe(benchmarkQueries.length);
  });

  it('times the flag filter queries apart, each with its real total', async () => {
    const figures = await runSearchBenchmark(store, { profiles: 3000, rounds: 1, limit: 50, workspaceId: 'default' });
    expect(figures.queries).toHaveLength(20);
    expect(figures.filters.map((f) => f.query)).toEqual(filterBenchmarkQueries);
    for (const f of figures.filters) {
      const all = await runSearchQuery(store, parseQueryOrThrow(f.query), { workspaceId: 'default', limit: 0, offset: 0 });
      expect(f.total, f.query).toBe(all.total);
      expect(f.total, f.query).toBeGreaterThan(0);
    }
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([4], 95)).toBe(4);
  });
});
