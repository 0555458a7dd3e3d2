import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { rebuildSearchIndex } from '../../search/rebuild-search-index.ts';
import { maxSearchLimit, searchCandidates, type SearchResult } from '../../search/search-candidates.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';

/**
 * `scoutline search "QUERY"`: Boolean candidate search (docs/search.md).
 * `scoutline search-index rebuild`: rebuild the full-text index.
 */
export function registerSearchCommands(program: Command): void {
  program
    .command('search <query>')
    .description('Boolean candidate search, e.g. \'title:"software engineer" AND (java OR kotlin) NOT manager\' (see docs/search.md)')
    .option('--limit <n>', `how many results (0-${maxSearchLimit})`, parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many results', parseIntOption('offset'), 0)
    .option('--json', 'print JSON: { total, results: [{ id, name, headline, profileUrl, score, matched }] }')
    .action(
      action(async (query: string, opts: { limit: number; offset: number; json?: boolean }, cmd: Command) => {
        if (opts.limit < 0 || opts.limit > maxSearchLimit) throw new AppError('invalid_input', `--limit must be between 0 and ${maxSearchLimit}, got ${opts.limit}`);
        if (opts.offset < 0) throw new AppError('invalid_input', `--offset must be 0 or more, got ${opts.offset}`);
        await withStore(dbOption(cmd), async (store) => {
          const response = await searchCandidates(store, { query, workspaceId: defaultWorkspace, limit: opts.limit, offset: opts.offset });
          if (opts.json) {
            printJson({
              total: response.total,
              results: response.results.map((r) => ({ id: r.id, name: r.name, headline: r.headline, profileUrl: r.profileUrl, score: r.score, matched: r.matched })),
            });
            return;
          }
          for (const r of response.results) console.log(humanLine(r));
          const shown = response.results.length;
          const from = shown ? `${opts.offset + 1}-${opts.offset + shown} of ` : '';
          console.log(`${from}${response.total} candidate${response.total === 1 ? '' : 's'} match`);
        });
      }),
    );

  program
    .command('search-index')
    .description('maintain the full-text search index')
    .command('rebuild')
    .description('rebuild the search index from all candidates (after changing protected tokens or fields)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const indexed = await rebuildSearchIndex(store);
          if (opts.json) printJson({ indexed });
          else console.log(`indexed ${indexed} candidates`);
        });
      }),
    );
}

function humanLine(r: SearchResult): string {
  const matched = Object.entries(r.matched)
    .map(([field, terms]) => `${field}: ${terms!.join(', ')}`)
    .join('; ');
  return `${String(r.id).padStart(7)}  ${r.score.toFixed(2).padStart(7)}  ${r.name || '(no name)'} — ${r.headline || '(no headline)'}${matched ? `  [${matched}]` : ''}`;
}
