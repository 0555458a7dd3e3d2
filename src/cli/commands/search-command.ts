import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { rebuildSearchIndex } from '../../search/rebuild-search-index.ts';
import { maxSearchLimit, searchCandidates, type SearchResult } from '../../search/search-candidates.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';
import { rankSorts, type RankSort } from '../../ranking/candidate-score.ts';
import { rankedSearch, searchNeedsRanking } from '../../ranking/ranked-search.ts';
import { loadRole } from './ranking-command.ts';

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
    .option('--sort <order>', `relevance (BM25, default) | priority | fit | reply: ranked results carry fit, replyLikelihood, priority and why (docs/ranking.md)`)
    .option('--role <role>', 'rank against a role: ROLE.json or a saved role id (its criteria; the query given here is searched)')
    .option('--seat <id>', 'with ranking: the seat that will reach out')
    .action(
      action(async (query: string, opts: { limit: number; offset: number; json?: boolean; sort?: string; role?: string; seat?: string }, cmd: Command) => {
        if (opts.limit < 0 || opts.limit > maxSearchLimit) throw new AppError('invalid_input', `--limit must be between 0 and ${maxSearchLimit}, got ${opts.limit}`);
        if (opts.offset < 0) throw new AppError('invalid_input', `--offset must be 0 or more, got ${opts.offset}`);
        if (opts.sort !== undefined && !(rankSorts as readonly string[]).includes(opts.sort)) throw new AppError('invalid_input', `--sort must be one of ${rankSorts.join(', ')}, got '${opts.sort}'`);
        await withStore(dbOption(cmd), async (store) => {
          // ranking (src/ranking): a priority sort, a role, or the openProfile:true filter
          if (searchNeedsRanking(query, opts.sort, opts.role)) {
            const role = opts.role ? await loadRole(store, opts.role) : null;
            const ranked = await rankedSearch(store, { query, workspaceId: defaultWorkspace, sort: (opts.sort ?? 'priority') as RankSort, role, seatId: opts.seat, limit: opts.limit, offset: opts.offset });
            if (opts.json) return printJson({ total: ranked.total, weights: ranked.weights, results: ranked.results });
            for (const r of ranked.results) {
              console.log(`${String(r.id).padStart(7)}  prio ${r.priority.toFixed(0).padStart(3)}  fit ${r.fit.toFixed(0).padStart(3)}  reply ${`${r.replyLikelihood.toFixed(0)}%`.padStart(4)}  ${r.name || '(no name)'} — ${r.headline || '(no headline)'}`);
              if (r.why?.items[0]) console.log(`${' '.repeat(9)}${r.why.summary}`);
            }
            console.log(`${ranked.total} candidate${ranked.total === 1 ? '' : 's'} match; ${ranked.weights}`);
            return;
          }
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
