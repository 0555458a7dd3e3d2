import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { openDatabase, type Store } from '../../db/open-database.ts';
import { generateDemoCandidates } from '../../candidates/demo-data.ts';
import { countCandidates } from '../../candidates/candidate-store.ts';
import { importCandidates } from '../../candidates/import-candidates.ts';
import type { ImportRecord } from '../../candidates/import-record.ts';
import { parseQueryOrThrow } from '../../search/parse-query.ts';
import { runSearchQuery } from '../../search/run-search-query.ts';
import { evaluateRanking } from '../../ranking/evaluate-ranking.ts';
import { evaluateOnStore } from '../../ranking/evaluate-on-store.ts';
import { buildLabelledSet, labelledSetReferenceDate } from '../../ranking/labelled-set.ts';
import { scoreSearchResults } from '../../ranking/rank-candidates.ts';
import { clearCandidateFacts } from '../../ranking/candidate-facts-store.ts';
import { roleProfileSchema } from '../../ranking/role-profile.ts';
import { action, defaultWorkspace, parseIntOption, printJson } from '../cli-context.ts';

/** The target: ranking the top 1,000 matches (load, score, sort, explain a page) within this many ms at 1M profiles. */
export const rankTargetMs = 200;

interface BenchRankOpts {
  profiles: number;
  db?: string;
  query: string;
  runs: number;
  eval: boolean;
  perf: boolean;
  json?: boolean;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);

export function registerBenchRank(bench: Command): void {
  bench
    .command('rank')
    .description(`ranking quality (NDCG@10, precision@10 on the labelled set, against plain BM25) and speed (top 1,000 of N profiles, target < ${rankTargetMs} ms at 1M)`)
    .option('--profiles <n>', 'demo profiles for the speed run (1,000,000 for the target; import takes minutes)', parseIntOption('profiles'), 1_000_000)
    .option('--bench-db <path>', 'reuse a SQLite file that already holds demo profiles (e.g. from `bench import --keep`); the stored facts of the 1,000 ranked profiles are forgotten to measure the cold case')
    .option('--query <q>', 'Boolean query for the speed run (should match at least 1,000 profiles)', 'engineer OR developer OR manager')
    .option('--runs <n>', 'timed runs (median reported)', parseIntOption('runs'), 7)
    .option('--no-eval', 'skip the quality evaluation')
    .option('--no-perf', 'skip the speed run')
    .option('--json', 'print the figures as JSON')
    .action(
      action(async (opts: BenchRankOpts & { benchDb?: string }) => {
        const out: Record<string, unknown> = {};
        if (opts.eval) out.quality = await quality(!opts.json);
        if (opts.perf) out.speed = await speed({ ...opts, db: opts.benchDb }, !opts.json);
        if (opts.json) printJson(out);
      }),
    );
}

async function quality(print: boolean) {
  const set = buildLabelledSet();
  const now = new Date(labelledSetReferenceDate);
  const memory = evaluateRanking(set, now);
  const dir = mkdtempSync(join(tmpdir(), 'scoutline-bench-rank-eval-'));
  const store = await openDatabase(join(dir, 'eval.db'));
  let stored;
  try {
    stored = await evaluateOnStore(store, defaultWorkspace, set, now);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (print) {
    console.log(`Labelled set: ${set.length} roles x ${set[0].profiles.length} profiles, graded 0-3 (docs/ranking.md)`);
    console.log('');
    console.log('Through the stored search engine (SQLite FTS5 BM25 = plain BM25):');
    console.log(`${'role'.padEnd(26)} ${'matches'.padStart(7)}  NDCG@10: ${'BM25'.padStart(6)} ${'prio'.padStart(6)} ${'fit'.padStart(6)}   P@10: ${'BM25'.padStart(6)} ${'prio'.padStart(6)} ${'fit'.padStart(6)}`);
    for (const r of stored.roles) {
      console.log(`${r.roleId.padEnd(26)} ${String(r.matches).padStart(7)}           ${pct(r.ndcg10.relevance)} ${pct(r.ndcg10.priority)} ${pct(r.ndcg10.fit)}         ${pct(r.precision10.relevance)} ${pct(r.precision10.priority)} ${pct(r.precision10.fit)}`);
    }
    const m = stored.mean;
    console.log(`${'mean'.padEnd(26)} ${''.padStart(7)}           ${pct(m.ndcg10.relevance)} ${pct(m.ndcg10.priority)} ${pct(m.ndcg10.fit)}         ${pct(m.precision10.relevance)} ${pct(m.precision10.priority)} ${pct(m.precision10.fit)}`);
    console.log('');
    console.log('In memory (each role ranked over its own 200 profiles, Okapi BM25 k1=1.2 b=0.75):');
    const mm = memory.mean;
    console.log(`mean NDCG@10  BM25 ${pct(mm.ndcg10.bm25)}  priority ${pct(mm.ndcg10.priority)}  fit ${pct(mm.ndcg10.fit)}  reply-only ${pct(mm.ndcg10.reply)}`);
    console.log(`mean P@10     BM25 ${pct(mm.precision10.bm25)}  priority ${pct(mm.precision10.priority)}  fit ${pct(mm.precision10.fit)}  reply-only ${pct(mm.precision10.reply)}`);
    console.log('');
  }
  return { store: stored, memory };
}

async function speed(opts: BenchRankOpts, print: boolean) {
  let dir: string | null = null;
  let store: Store;
  if (opts.db) store = await openDatabase(opts.db);
  else {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-bench-rank-'));
    store = await openDatabase(join(dir, 'bench.db'));
  }
  try {
    let n = await countCandidates(store, defaultWorkspace);
    if (n < opts.profiles && !opts.db) {
      if (print) console.log(`importing ${opts.profiles.toLocaleString('en')} demo profiles (once; reuse with --bench-db) ...`);
      const started = performance.now();
      function* records(): Generator<ImportRecord> {
        let line = 0;
        for (const input of generateDemoCandidates(opts.profiles, 1)) yield { line: ++line, input };
      }
      await importCandidates(store, defaultWorkspace, records(), { batchSize: 1000, normalised: true });
      n = await countCandidates(store, defaultWorkspace);
      if (print) console.log(`imported ${n.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const query = parseQueryOrThrow(opts.query);
    const role = roleProfileSchema.parse({
      name: 'bench',
      query: opts.query,
      titles: ['Backend Engineer', 'Software Engineer'],
      mustHaveSkills: ['Go', 'Kubernetes', 'PostgreSQL'],
      niceToHaveSkills: ['Kafka'],
      seniority: { min: 'senior', max: 'staff' },
      yearsOfExperience: { min: 5 },
      locations: ['Berlin'],
      timeZones: ['Europe/Berlin'],
      remote: true,
    });
    const searchMs: number[] = [];
    const rankMs: number[] = [];
    const rankCpuMs: number[] = [];
    let considered = 0;
    let total = 0;
    const seat = { employers: ['Zalando'], schools: [] };
    const timedRank = async () => {
      const t0 = performance.now();
      const page = await runSearchQuery(store, query, { workspaceId: defaultWorkspace, limit: 1000, offset: 0 });
      const t1 = performance.now();
      const cpu = process.cpuUsage();
      await scoreSearchResults(store, defaultWorkspace, page.hits, role, seat, { limit: 25 });
      const used = process.cpuUsage(cpu);
      considered = page.hits.length;
      total = page.total;
      return { searchMs: t1 - t0, wallMs: performance.now() - t1, cpuMs: (used.user + used.system) / 1000 };
    };
    // cold: the ranked profiles' stored facts forgotten (only theirs: a database prepared with `ranking facts` stays so),
    // so each one's text is read and its facts stored, as on a first ranking
    const rankedIds = (await runSearchQuery(store, query, { workspaceId: defaultWorkspace, limit: 1000, offset: 0 })).hits.map((h) => h.id);
    await clearCandidateFacts(store, defaultWorkspace, rankedIds);
    const coldFirst = await timedRank(); // also the process's first ranking: JIT and time-zone data cold
    for (let i = 0; i < opts.runs; i++) {
      const r = await timedRank();
      searchMs.push(r.searchMs);
      rankMs.push(r.wallMs);
      rankCpuMs.push(r.cpuMs);
    }
    await clearCandidateFacts(store, defaultWorkspace, rankedIds);
    const coldWarmProcess = await timedRank();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const figures = {
      profiles: n,
      query: opts.query,
      matches: total,
      ranked: considered,
      searchMsMedian: round(median(searchMs)),
      rankMsMedian: round(median(rankMs)),
      rankCpuMsMedian: round(median(rankCpuMs)),
      rankMsRuns: rankMs.map(round),
      rankCpuMsRuns: rankCpuMs.map(round),
      /** first ranking of the process with the facts cache empty */
      coldFirstRun: { wallMs: round(coldFirst.wallMs), cpuMs: round(coldFirst.cpuMs) },
      /** facts cache emptied again after the warm runs */
      coldFacts: { wallMs: round(coldWarmProcess.wallMs), cpuMs: round(coldWarmProcess.cpuMs) },
      targetMs: rankTargetMs,
      meetsTarget: median(rankMs) < rankTargetMs,
      loadAverage: (await import('node:os')).loadavg()[0],
    };
    if (considered < 1000 && print) console.log(`note: the query matched only ${considered} profiles; use --query to rank a full 1,000`);
    if (print) {
      console.log(`Speed: ${n.toLocaleString('en')} profiles, query "${opts.query}" (${total.toLocaleString('en')} matches), ranking the top ${considered}`);
      console.log(`  search (top 1,000 by BM25, not part of the ranking target): median ${figures.searchMsMedian} ms`);
      console.log(`  rank, warm (load 1,000 profiles and their stored facts, score, sort, explain 25): median ${figures.rankMsMedian} ms wall, ${figures.rankCpuMsMedian} ms CPU  (target < ${rankTargetMs} ms: ${figures.meetsTarget ? 'met' : 'NOT met'})`);
      console.log(`  runs: ${figures.rankMsRuns.join(', ')} ms wall; ${figures.rankCpuMsRuns.join(', ')} ms CPU`);
      console.log(`  rank, cold facts (the 1,000 profiles' stored facts forgotten: each one's text read and its facts stored): ${figures.coldFacts.wallMs} ms wall, ${figures.coldFacts.cpuMs} ms CPU; first run of the process: ${figures.coldFirstRun.wallMs} ms wall, ${figures.coldFirstRun.cpuMs} ms CPU`);
      console.log(`  load average ${figures.loadAverage.toFixed(1)}`);
    }
    if (n === 0) throw new AppError('invalid_input', 'no profiles to rank');
    return figures;
  } finally {
    await store.close();
    if (dir && !opts.db) rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
