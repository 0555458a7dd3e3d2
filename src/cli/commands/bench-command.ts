import type { Command } from 'commander';
import { registerBenchImport } from './bench-import.ts';
import { registerBenchSearch } from './bench-search.ts';
import { registerBenchRank } from './bench-rank.ts';
import { registerBenchCompose } from './bench-compose.ts';
import { registerBenchUi } from './bench-ui.ts';
import { registerBenchCli } from './bench-cli.ts';

/** `scoutline bench ...`: performance targets live here, never in timed unit tests. */
export function registerBenchCommand(program: Command): void {
  const bench = program.command('bench').description('measure performance against the targets (import, search, rank, compose, ui, cli)');
  registerBenchImport(bench);
  registerBenchSearch(bench);
  registerBenchRank(bench);
  registerBenchCompose(bench);
  registerBenchUi(bench);
  registerBenchCli(bench);
}
