import type { Store } from '../db/open-database.ts';
import { bm25WeightList } from '../search/run-fts5-query.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { runSearchQuery } from '../search/run-search-query.ts';
import { searchCandidates } from './search-candidates.ts';
import { sql } from 'kysely';

/**
 * The search benchmark: 20 realistic recruiter queries over the demo data
 * (broad and narrow, phrases, fields, NOT, prefixes, protected tokens), each
 * with the same query written by hand directly in FTS5 over the same index
 * (tokens as the index stores them: `.net` is `_2e_net`, `c#` is `c_23_`).
 * The hand-written form is what someone who knows FTS5 and our index would
 * type, run through prepared statements on the raw better-sqlite3 handle: the
 * floor our compiler and service layers are measured against.
 */
export interface BenchmarkQuery {
  query: string;
  fts5: string;
}

export const benchmarkQueries: readonly BenchmarkQuery[] = [
  { query: 'java', fts5: 'java' },
  { query: '"software engineer"', fts5: '"software engineer"' },
  { query: 'title:"senior software engineer" AND skill:java', fts5: 'title : "senior software engineer" AND skill : java' },
  { query: '(java OR kotlin) AND spring*', fts5: '(java OR kotlin) AND spring*' },
  { query: 'python AND (django OR fastapi) NOT manager', fts5: 'python AND (django OR fastapi) NOT manager' },
  { query: 'title:(frontend OR "front end") AND (react OR angular OR vue.js)', fts5: '(title : frontend OR title : "front end") AND (react OR angular OR vue_2e_js)' },
  { query: 'C++ AND linux NOT embedded', fts5: 'c_2b__2b_ AND linux NOT embedded' },
  { query: '.NET AND (C# OR ASP.NET) AND location:london', fts5: '_2e_net AND (c_23_ OR asp_2e_net) AND location : london' },
  { query: 'currenttitle:"engineering manager" AND location:berlin', fts5: 'currenttitle : "engineering manager" AND location : berlin' },
  { query: 'node.js AND typescript AND currentcompany:(hooli OR globex)', fts5: 'node_2e_js AND typescript AND (currentcompany : hooli OR currentcompany : globex)' },
  {
    query: '"data engineer" AND (spark OR airflow) AND location:(amsterdam OR berlin OR munich)',
    fts5: '"data engineer" AND (spark OR airflow) AND (location : amsterdam OR location : berlin OR location : munich)',
  },
  {
    query: 'title:(devops OR "site reliability" OR platform) AND kubernetes AND terraform',
    fts5: '(title : devops OR title : "site reliability" OR title : platform) AND kubernetes AND terraform',
  },
  { query: 'engineer* AND school:"eth zurich"', fts5: 'engineer* AND school : "eth zurich"' },
  { query: '"product manager" AND ("a/b testing" OR b2b)', fts5: '"product manager" AND ("a_2f_b testing" OR b2b)' },
  { query: 'title:lead NOT manager', fts5: 'title : lead NOT manager' },
  { query: '(kotlin OR swift) AND title:(mobile OR ios OR android) NOT junior', fts5: '(kotlin OR swift) AND (title : mobile OR title : ios OR title : android) NOT junior' },
  { query: 'recruit* AND (sourcing OR "boolean search")', fts5: 'recruit* AND (sourcing OR "boolean search")' },
  { query: 'skill:go AND (grpc OR kubernetes) AND location:"san francisco"', fts5: 'skill : go AND (grpc OR kubernetes) AND location : "san francisco"' },
  { query: 'title:staff OR title:principal', fts5: 'title : staff OR title : principal' },
  { query: 'security AND (penetration OR owasp) NOT title:junior', fts5: 'security AND (penetration OR owasp) NOT title : junior' },
];

/**
 * Queries with LinkedIn flag filters, timed apart from the 20 (they have no
 * hand-written FTS5 form and are not part of the targets): one per way the
 * engine runs them, so a slow plan shows up here first.
 */
export const filterBenchmarkQueries: readonly string[] = [
  'java openProfile:true',
  '"software engineer" openToWork:true degree:(1 OR 2)',
  'openProfile:true',
  'openToWork:true NOT degree:3',
  'title:recruiter OR openToWork:true',
  'NOT manager openProfile:true',
];

export interface FilterQueryFigures {
  query: string;
  total: number;
  /** median ms (wall) and process CPU ms over the rounds */
  engineMs: number;
  cpuMs: number;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  mean: number;
}

export interface QueryFigures {
  query: string;
  total: number;
  /** median ms over the rounds */
  engineMs: number;
  fullMs: number;
  baselineMs: number | null;
}

export interface BenchmarkFigures {
  profiles: number;
  /** process CPU time p50 (ms) of engine and baseline: steadier than wall time on a busy machine */
  cpuP50: { engine: number; baseline: number | null };
  rounds: number;
  limit: number;
  /** count + top N ids through our parser, compiler and runner */
  engine: LatencySummary;
  /** as engine, plus loading the N candidates and what matched where (what the API returns) */
  full: LatencySummary;
  /** count + top N ids with the hand-written FTS5 queries (SQLite only) */
  baseline: LatencySummary | null;
  /** engine p50 / baseline p50, and full p50 / baseline p50 */
  ratio: { engine: number; full: number } | null;
  queries: QueryFigures[];
  /** the filter queries (not in the figures above) */
  filters: FilterQueryFigures[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function summarize(samples: number[]): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

/** Runs one hand-written FTS5 query: count + top `limit` by the same weighted BM25. */
export function baselineRunner(store: Store, limit: number): ((fts5: string) => { total: number; ids: number[] }) | null {
  if (!store.sqlite) return null;
  const count = store.sqlite.prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?');
  const top = store.sqlite.prepare(`SELECT rowid AS id, bm25(search_fts, ${bm25WeightList}) AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score LIMIT ?`);
  return (fts5) => {
    const total = (count.get(fts5) as { n: number }).n;
    const ids = (top.all(fts5, limit) as Array<{ id: number }>).map((r) => r.id);
    return { total, ids };
  };
}

/**
 * Times every benchmark query `rounds` times (after one warm-up round) three
 * ways: the engine, the full search service, and the hand-written baseline.
 * The three are interleaved per query so machine noise hits them alike.
 */
export async function runSearchBenchmark(
  store: Store,
  options: { profiles: number; rounds: number; limit: number; workspaceId: string; onRound?: (round: number) => void },
): Promise<BenchmarkFigures> {
  const { limit, workspaceId } = options;
  const baseline = baselineRunner(store, limit);
  const engine: number[] = [];
  const full: number[] = [];
  const base: number[] = [];
  const engineCpu: number[] = [];
  const baseCpu: number[] = [];
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const perQuery = benchmarkQueries.map(() => ({ engine: [] as number[], full: [] as number[], base: [] as number[], total: 0 }));
  for (let round = 0; round <= options.rounds; round++) {
    for (let i = 0; i < benchmarkQueries.length; i++) {
      const q = benchmarkQueries[i];
      let c = cpu();
      let t = performance.now();
      const page = await runSearchQuery(store, parseQueryOrThrow(q.query), { workspaceId, limit, offset: 0 });
      const engineMs = performance.now() - t;
      const engineCpuMs = cpu() - c;
      t = performance.now();
      await searchCandidates(store, { query: q.query, workspaceId, limit });
      const fullMs = performance.now() - t;
      let baseMs: number | null = null;
      let baseCpuMs = 0;
      if (baseline) {
        c = cpu();
        t = performance.now();
        baseline(q.fts5);
        baseMs = performance.now() - t;
        baseCpuMs = cpu() - c;
      }
      perQuery[i].total = page.total;
      if (round === 0) continue; // warm-up
      engine.push(engineMs);
      engineCpu.push(engineCpuMs);
      full.push(fullMs);
      perQuery[i].engine.push(engineMs);
      perQuery[i].full.push(fullMs);
      if (baseMs !== null) {
        base.push(baseMs);
        baseCpu.push(baseCpuMs);
        perQuery[i].base.push(baseMs);
      }
    }
    options.onRound?.(round);
  }
  const filters: FilterQueryFigures[] = [];
  for (const text of filterBenchmarkQueries) {
    const query = parseQueryOrThrow(text);
    const wall: number[] = [];
    const cpuMs: number[] = [];
    let total = 0;
    for (let round = 0; round <= options.rounds; round++) {
      const c = cpu();
      const t = performance.now();
      total = (await runSearchQuery(store, query, { workspaceId, limit, offset: 0 })).total;
      if (round === 0) continue; // warm-up
      wall.push(performance.now() - t);
      cpuMs.push(cpu() - c);
    }
    filters.push({ query: text, total, engineMs: summarize(wall).p50, cpuMs: summarize(cpuMs).p50 });
  }
  const e = summarize(engine);
  const f = summarize(full);
  const b = baseline ? summarize(base) : null;
  const ratio = b && b.p50 > 0 ? { engine: Math.round((e.p50 / b.p50) * 100) / 100, full: Math.round((f.p50 / b.p50) * 100) / 100 } : null;
  return {
    profiles: options.profiles,
    cpuP50: { engine: summarize(engineCpu).p50, baseline: baseline ? summarize(baseCpu).p50 : null },
    rounds: options.rounds,
    limit,
    engine: e,
    full: f,
    baseline: b,
    ratio,
    queries: benchmarkQueries.map((q, i) => ({
      query: q.query,
      total: perQuery[i].total,
      engineMs: summarize(perQuery[i].engine).p50,
      fullMs: summarize(perQuery[i].full).p50,
      baselineMs: baseline ? summarize(perQuery[i].base).p50 : null,
    })),
    filters,
  };
}

/** How many candidates the workspace holds (to decide whether a kept benchmark database can be reused). */
export async function workspaceSize(store: Store, workspaceId: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM candidates WHERE workspace_id = ${workspaceId}`.execute(store.db);
  return Number(r.rows[0].n);
}
