import type { Command } from 'commander';
import { rebuildSearchIndex } from '../../candidates/rebuild-search-index.ts';
import { runSearch } from '../../search-request/run-search.ts';
import { action, dbOption, defaultWorkspace, printJson, withStore } from '../cli-context.ts';
import { loadRole } from './ranking-command.ts';
import { printSearchResults, searchOptions, searchRequestFromFlags, type SearchFlags } from './search-flags.ts';

/**
 * `scoutline search "QUERY"`: Boolean candidate search (docs/search.md).
 * `scoutline search-index rebuild`: rebuild the full-text index.
 */
export function registerSearchCommands(program: Command): void {
  searchOptions(
    program
      .command('search [query]')
      .description('Boolean candidate search, e.g. \'title:"software engineer" AND (java OR kotlin) NOT manager\' (see docs/search.md); the query may be left out when a filter is given'),
    {
      json: 'print JSON: { total, results: [{ id, name, headline, profileUrl, score, matched }] }',
      sort: 'relevance (BM25, default) | priority | fit | reply: ranked results carry fit, replyLikelihood, priority and why (docs/ranking.md)',
      role: ['--role <role>', 'rank against a role: ROLE.json or a saved role id (its criteria; the query given here is searched)'],
    },
  ).action(
    action(async (typed: string | undefined, opts: SearchFlags, cmd: Command) => {
      const request = searchRequestFromFlags(typed, opts);
      await withStore(dbOption(cmd), async (store) => {
        // the same entry point as POST /api/search (src/search-request); --role also takes a ROLE.json file here
        const found = await runSearch(store, defaultWorkspace, request, { loadRole: (ref) => loadRole(store, ref) });
        if (found.kind === 'rank') {
          if (opts.json) return printJson({ total: found.total, weights: found.weights, results: found.results });
          return printSearchResults(found.results, found.total, { offset: request.offset ?? 0, ranked: true, weights: found.weights });
        }
        if (opts.json) {
          return printJson({
            total: found.total,
            results: found.results.map((r) => ({ id: r.id, name: r.name, headline: r.headline, profileUrl: r.profileUrl, score: r.score, matched: r.matched })),
          });
        }
        printSearchResults(found.results, found.total, { offset: request.offset ?? 0, ranked: false });
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
