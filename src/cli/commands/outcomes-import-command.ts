import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { importOutcomeCsv } from '../../outreach/delivery/executors/import-outcome-csv-store.ts';
import { action, dbOption, defaultWorkspace, printJson, withStore } from '../cli-context.ts';

/**
 * `scoutline outcomes import FILE.csv [--json]`: applies outcomes from a CSV
 * file (columns in docs/executors.md) through applyOutcome. Rows that cannot
 * be read or applied are listed with their line; the others are applied.
 * Exit status 2 (invalid_input) when any row failed.
 */
export function registerOutcomesImportCommand(program: Command): void {
  const outcomes = program.commands.find((c) => c.name() === 'outcomes') ?? program.command('outcomes').description('outcomes reported back from outside Scoutline');
  outcomes
    .command('import <file>')
    .description('import outcomes (accepted, replied, bounced, declined) from a CSV file')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          throw new AppError('invalid_input', `cannot read ${file}: ${(err as Error).message}`);
        }
        await withStore(dbOption(cmd), async (store) => {
          const { summary, errors } = await importOutcomeCsv(store, defaultWorkspace, text);
          const failed = errors.length + summary.failed;
          if (opts.json) printJson({ ...summary, errors });
          else {
            console.log(`applied ${summary.applied} outcome(s) from ${file}${failed ? `, ${failed} row(s) not applied:` : ''}`);
            for (const e of errors) console.log(`  line ${e.line}: ${e.message}`);
            for (const r of summary.results) if (!r.ok) console.log(`  line ${r.ref}: ${r.code}: ${r.message}`);
          }
          if (failed > 0) process.exitCode = 2;
        });
      }),
    );
}
