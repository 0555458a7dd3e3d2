import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { resolveDatabaseTarget } from '../../db/open-database.ts';
import { action, dbOption, parseIntOption, printJson } from '../cli-context.ts';

/** The start-up targets of issue #15 (this machine, median of 5). */
export const cliTargets = { versionMs: 200, searchMs: 400 } as const;

export interface CliTiming {
  command: string;
  runsMs: number[];
  medianMs: number;
  targetMs: number;
  met: boolean;
}

/** The median of some timings (the mean of the middle two for an even count). Pure. */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) throw new AppError('invalid_input', 'no timings to take the median of');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const bin = resolve(import.meta.dirname, '../../../bin/scoutline');

/** Runs `scoutline ARGS` as a whole new process `runs` times (after one warm-up) and times each run. */
function timeCommand(args: string[], runs: number, env: NodeJS.ProcessEnv): number[] {
  const once = () => {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) throw new AppError('internal', `scoutline ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 300)}`);
    return ms;
  };
  once();
  return Array.from({ length: runs }, once);
}

function timing(command: string, runsMs: number[], targetMs: number): CliTiming {
  const medianMs = Math.round(medianOf(runsMs) * 10) / 10;
  return { command, runsMs: runsMs.map((m) => Math.round(m * 10) / 10), medianMs, targetMs, met: medianMs <= targetMs };
}

export function registerBenchCli(bench: Command): void {
  bench
    .command('cli')
    .description(`CLI start-up as whole processes, median of --runs: 'scoutline --version' (target < ${cliTargets.versionMs} ms) and 'scoutline search java --limit 10' on the database of --db, e.g. one made by demo-data --count 1000000 (target < ${cliTargets.searchMs} ms on 1M profiles)`)
    .option('--runs <n>', 'timed runs of each command (after one warm-up run)', parseIntOption('runs'), 5)
    .option('--from-source', 'time the TypeScript sources through tsx instead of the build in dist/')
    .option('--json', 'print the figures as JSON')
    .action(
      action(async (opts: { runs: number; fromSource?: boolean; json?: boolean }, cmd: Command) => {
        if (opts.runs < 1 || opts.runs > 100) throw new AppError('invalid_input', '--runs must be 1-100');
        const db = resolveDatabaseTarget(dbOption(cmd));
        if (!existsSync(db) && !/^postgres(ql)?:\/\//.test(db)) throw new AppError('invalid_input', `no database at ${db} (give --db)`);
        const env: NodeJS.ProcessEnv = { ...process.env, SCOUTLINE_FROM_SOURCE: opts.fromSource ? '1' : '' };
        const load = loadavg().map((l) => Math.round(l * 100) / 100);
        const figures = {
          runner: opts.fromSource ? 'tsx (sources)' : existsSync(resolve(import.meta.dirname, '../../../dist/build.json')) ? 'dist (when current)' : 'tsx (no build)',
          loadAverage: load,
          version: timing('scoutline --version', timeCommand(['--version'], opts.runs, env), cliTargets.versionMs),
          search: timing(`scoutline search java --limit 10 --db ${db}`, timeCommand(['search', 'java', '--limit', '10', '--db', db], opts.runs, env), cliTargets.searchMs),
          loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
        };
        if (opts.json) return printJson(figures);
        console.log(`CLI start-up, ${opts.runs} runs each, ${figures.runner}; load average ${load.join(' ')} -> ${figures.loadAverageAfter.join(' ')}`);
        for (const t of [figures.version, figures.search]) {
          console.log(`  ${t.command}`);
          console.log(`    median ${t.medianMs} ms (runs ${t.runsMs.join(', ')}) — target < ${t.targetMs} ms: ${t.met ? 'met' : 'NOT met'}`);
        }
      }),
    );
}
