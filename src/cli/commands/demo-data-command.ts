import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '../../core/app-error.ts';
import { demoCandidateToJsonResume, demoReferenceDate, generateDemoCandidates } from '../../candidates/demo-data.ts';
import { importCandidates } from '../../candidates/import-candidates.ts';
import type { ImportRecord } from '../../candidates/import-record.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';
import { printImportSummary } from './import-command.ts';
import { demoProvenance } from '../../privacy/data-source.ts';

interface DemoDataOpts {
  count: number;
  seed: number;
  asOf: string;
  out?: string;
  json?: boolean;
  progress: boolean;
}

/** Writes demo profiles as NDJSON JSON Resume, in blocks, honouring back-pressure. */
async function writeNdjson(out: Writable, count: number, seed: number, asOf: string, onBlock: (n: number) => void): Promise<void> {
  let block: string[] = [];
  let n = 0;
  for (const c of generateDemoCandidates(count, seed, { asOf })) {
    block.push(JSON.stringify(demoCandidateToJsonResume(c)));
    n++;
    if (block.length === 1000) {
      if (!out.write(`${block.join('\n')}\n`)) await once(out, 'drain');
      block = [];
      onBlock(n);
    }
  }
  if (block.length) out.write(`${block.join('\n')}\n`);
  onBlock(n);
}

export function registerDemoDataCommand(program: Command): void {
  program
    .command('demo-data')
    .description('generate deterministic synthetic candidate profiles: into the database, or as NDJSON JSON Resume with --out')
    .requiredOption('--count <n>', 'how many profiles', parseIntOption('count'))
    .option('--seed <s>', 'random seed: the same seed gives the same profiles', parseIntOption('seed'), 1)
    .option('--as-of <date>', 'the "today" of the generated careers and activity dates (YYYY-MM-DD)', demoReferenceDate)
    .option('--out <file>', 'write NDJSON JSON Resume to this file ("-" for stdout) instead of the database')
    .option('--no-progress', 'no progress bar (it is only shown on a terminal anyway)')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (opts: DemoDataOpts, cmd: Command) => {
        if (opts.count < 0) throw new AppError('invalid_input', '--count must be 0 or more');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))) throw new AppError('invalid_input', `--as-of expects YYYY-MM-DD, got '${opts.asOf}'`);
        const db = dbOption(cmd);
        if (opts.out && db) throw new AppError('invalid_input', 'use either --out or --db, not both');
        const showBar = opts.progress && !opts.json && process.stderr.isTTY === true && opts.out !== '-';
        const bar = showBar ? new cliProgress.SingleBar({ stream: process.stderr, format: 'demo-data |{bar}| {percentage}% | {value}/{total} profiles | ETA {eta_formatted}' }, cliProgress.Presets.shades_classic) : undefined;
        const started = performance.now();

        if (opts.out) {
          const out = opts.out === '-' ? process.stdout : createWriteStream(opts.out);
          bar?.start(opts.count, 0);
          try {
            await writeNdjson(out, opts.count, opts.seed, opts.asOf, (n) => bar?.update(n));
          } finally {
            bar?.stop();
          }
          if (out !== process.stdout) {
            out.end();
            await once(out, 'finish');
            const seconds = (performance.now() - started) / 1000;
            if (opts.json) printJson({ out: opts.out, count: opts.count, seed: opts.seed, seconds });
            else process.stdout.write(`Wrote ${opts.count} demo profiles (seed ${opts.seed}) as NDJSON JSON Resume to ${opts.out} in ${seconds.toFixed(1)} s\n`);
          }
          return;
        }

        await withStore(db, async (store) => {
          function* records(): Generator<ImportRecord> {
            let line = 0;
            for (const input of generateDemoCandidates(opts.count, opts.seed, { asOf: opts.asOf })) yield { line: ++line, input };
          }
          bar?.start(opts.count, 0);
          let summary;
          try {
            summary = await importCandidates(store, defaultWorkspace, records(), { normalised: true, provenance: demoProvenance, onBatch: (s) => bar?.update(s.records) });
          } finally {
            bar?.stop();
          }
          const seconds = (performance.now() - started) / 1000;
          if (opts.json) printJson({ database: store.dialect, seed: opts.seed, ...summary, seconds });
          else printImportSummary(summary, `Demo data (seed ${opts.seed}) into ${store.dialect} ${store.location}`, seconds);
        });
      }),
    );
}
