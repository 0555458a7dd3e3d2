import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { openDatabase } from '../../db/open-database.ts';
import { generateDemoCandidates } from '../../candidates/demo-data.ts';
import { importCandidates } from '../../candidates/import-candidates.ts';
import type { ImportRecord } from '../../candidates/import-record.ts';
import { runSearchBenchmark, workspaceSize, type BenchmarkFigures } from '../../search-request/search-benchmark.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson } from '../cli-context.ts';

/** Targets at 1M profiles on the reference 2-core machine. */
export const searchTargets = { p50Ms: 50, ratio: 1.3 };

interface BenchSearchOpts {
  profiles: number;
  seed: number;
  rounds: number;
  limit: number;
  keep?: boolean;
  json?: boolean;
}

export function registerBenchSearch(bench: Command): void {
  bench
    .command('search')
    .description(
      `build N demo profiles (in a temporary SQLite database, or in --db, topped up to N), run 20 recruiter queries (count + top 50) and the same queries hand-written in FTS5; p50/p95 and the ratio (targets at 1M: p50 <= ${searchTargets.p50Ms} ms, ratio <= ${searchTargets.ratio})`,
    )
    .option('--profiles <n>', 'how many demo profiles', parseIntOption('profiles'), 100_000)
    .option('--seed <s>', 'demo data seed', parseIntOption('seed'), 1)
    .option('--rounds <n>', 'timed rounds over the 20 queries (after one warm-up round)', parseIntOption('rounds'), 5)
    .option('--limit <n>', 'top N to fetch', parseIntOption('limit'), 50)
    .option('--keep', 'keep the temporary database and print where it is (reuse it with --db)')
    .option('--json', 'print the figures as JSON')
    .action(
      action(async (opts: BenchSearchOpts, cmd: Command) => {
        if (opts.profiles < 1) throw new AppError('invalid_input', '--profiles must be at least 1');
        if (opts.rounds < 1) throw new AppError('invalid_input', '--rounds must be at least 1');
        const db = dbOption(cmd);
        const dir = db ? null : mkdtempSync(join(tmpdir(), 'scoutline-bench-search-'));
        const target = db ?? join(dir!, 'bench.db');
        const store = await openDatabase(target);
        const log = (s: string) => process.stderr.write(`${s}\n`);
        try {
          const have = await workspaceSize(store, defaultWorkspace);
          if (have < opts.profiles) {
            log(`building ${opts.profiles - have} demo profiles in ${store.location} ...`);
            const started = performance.now();
            await importCandidates(store, defaultWorkspace, demoRecords(opts.profiles, opts.seed, have), { batchSize: 1000, normalised: true });
            store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
            store.sqlite?.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
            log(`built in ${Math.round((performance.now() - started) / 100) / 10} s`);
          }
          const size = await workspaceSize(store, defaultWorkspace);
          const figures = await runSearchBenchmark(store, {
            profiles: size,
            rounds: opts.rounds,
            limit: opts.limit,
            workspaceId: defaultWorkspace,
            onRound: (r) => log(r === 0 ? 'warm-up round done' : `round ${r}/${opts.rounds} done`),
          });
          const verdict = {
            p50Target: searchTargets.p50Ms,
            ratioTarget: searchTargets.ratio,
            // the target is for count + top 50 (engine); full adds loading and highlighting the 50
            meetsP50: figures.engine.p50 <= searchTargets.p50Ms,
            meetsP50Full: figures.full.p50 <= searchTargets.p50Ms,
            meetsRatio: figures.ratio ? figures.ratio.engine <= searchTargets.ratio : null,
          };
          if (opts.json) printJson({ ...figures, ...verdict, database: opts.keep || db ? store.location : undefined });
          else printHuman(figures, verdict);
          if (opts.keep && dir) log(`kept ${target}`);
        } finally {
          await store.close();
          if (dir && !opts.keep) rmSync(dir, { recursive: true, force: true });
        }
      }),
    );
}

/** Demo profiles from index `from` on (a kept database grows to N without duplicating). */
function* demoRecords(count: number, seed: number, from: number): Generator<ImportRecord> {
  let line = 0;
  for (const input of generateDemoCandidates(count, seed)) {
    line++;
    if (line > from) yield { line, input };
  }
}

function printHuman(f: BenchmarkFigures, v: { meetsP50: boolean; meetsP50Full: boolean; meetsRatio: boolean | null }): void {
  const ms = (x: number | null) => (x === null ? '-' : x.toFixed(1).padStart(8));
  console.log(`search benchmark: ${f.profiles} profiles, ${f.rounds} rounds x ${f.queries.length} queries, count + top ${f.limit}`);
  console.log(`${'total'.padStart(8)} ${'engine'.padStart(8)} ${'full'.padStart(8)} ${'fts5'.padStart(8)}  query`);
  for (const q of f.queries) console.log(`${String(q.total).padStart(8)} ${ms(q.engineMs)} ${ms(q.fullMs)} ${ms(q.baselineMs)}  ${q.query}`);
  const line = (name: string, s: { p50: number; p95: number } | null) => (s ? `${name}: p50 ${s.p50} ms, p95 ${s.p95} ms` : `${name}: -`);
  console.log(line('engine (count + top ids)', f.engine));
  console.log(line('full (+ candidates, highlighting)', f.full));
  console.log(line('hand-written FTS5 baseline', f.baseline));
  if (f.ratio) console.log(`ratio to baseline (p50): engine ${f.ratio.engine}, full ${f.ratio.full}`);
  console.log(`process CPU time p50: engine ${f.cpuP50.engine} ms, baseline ${f.cpuP50.baseline ?? '-'} ms`);
  console.log(`flag filters (not in the targets), count + top ${f.limit}:`);
  console.log(`${'total'.padStart(8)} ${'engine'.padStart(8)} ${'cpu'.padStart(8)}  query`);
  for (const q of f.filters) console.log(`${String(q.total).padStart(8)} ${ms(q.engineMs)} ${ms(q.cpuMs)}  ${q.query}`);
  const scope = f.profiles >= 1_000_000 ? 'targets at 1M' : `targets (set for 1M profiles; this run has ${f.profiles})`;
  console.log(`${scope}: p50 <= ${searchTargets.p50Ms} ms (engine ${v.meetsP50 ? 'met' : 'not met'}, full ${v.meetsP50Full ? 'met' : 'not met'}), ratio <= ${searchTargets.ratio} (${v.meetsRatio === null ? 'n/a' : v.meetsRatio ? 'met' : 'not met'})`);
}
