import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { rebuildSearchIndex } from '../../search/rebuild-search-index.ts';
import { parseQueryOrThrow } from '../../search/parse-query.ts';
import { connectionDegrees } from '../../search/profile-flags.ts';
import { maxSearchLimit, searchCandidates, type SearchResult } from '../../search/search-candidates.ts';
import { searchFilterNodes, withSearchFilters, withSearchFiltersText, type ConnectionDegree, type SearchFilters } from '../../search/search-filters.ts';
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
    .command('search [query]')
    .description('Boolean candidate search, e.g. \'title:"software engineer" AND (java OR kotlin) NOT manager\' (see docs/search.md); the query may be left out when a filter is given')
    .option('--limit <n>', `how many results (0-${maxSearchLimit})`, parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many results', parseIntOption('offset'), 0)
    .option('--json', 'print JSON: { total, results: [{ id, name, headline, profileUrl, score, matched }] }')
    .option('--sort <order>', `relevance (BM25, default) | priority | fit | reply: ranked results carry fit, replyLikelihood, priority and why (docs/ranking.md)`)
    .option('--role <role>', 'rank against a role: ROLE.json or a saved role id (its criteria; the query given here is searched)')
    .option('--seat <id>', 'with ranking: the seat that will reach out')
    .option('--location <text>', 'only this location (same as AND location:"text")')
    .option('--open-profile', 'only Open Profile members (same as AND openProfile:true)')
    .option('--no-open-profile', 'only members without Open Profile (AND openProfile:false)')
    .option('--open-to-work', 'only members marked Open to Work (AND openToWork:true)')
    .option('--no-open-to-work', 'only members not marked Open to Work (AND openToWork:false)')
    .option('--degree <list>', 'only these connection degrees, e.g. 2 or 1,2 (AND degree:(1 OR 2))')
    .action(
      action(async (typed: string | undefined, opts: SearchOpts, cmd: Command) => {
        if (opts.limit < 0 || opts.limit > maxSearchLimit) throw new AppError('invalid_input', `--limit must be between 0 and ${maxSearchLimit}, got ${opts.limit}`);
        if (opts.offset < 0) throw new AppError('invalid_input', `--offset must be 0 or more, got ${opts.offset}`);
        if (opts.sort !== undefined && !(rankSorts as readonly string[]).includes(opts.sort)) throw new AppError('invalid_input', `--sort must be one of ${rankSorts.join(', ')}, got '${opts.sort}'`);
        const filters: SearchFilters = { location: opts.location, openProfile: opts.openProfile, openToWork: opts.openToWork, degree: opts.degree === undefined ? undefined : parseDegrees(opts.degree) };
        const text = typed ?? '';
        // the typed query is parsed alone first, so a syntax error points at the column typed
        const parsed = text.trim() || searchFilterNodes(filters).length === 0 ? parseQueryOrThrow(text) : null;
        const query = withSearchFiltersText(text, filters);
        await withStore(dbOption(cmd), async (store) => {
          // ranking (src/ranking): a priority sort or a role
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
          const response = await searchCandidates(store, { query: withSearchFilters(parsed, filters)!, workspaceId: defaultWorkspace, limit: opts.limit, offset: opts.offset });
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

interface SearchOpts {
  limit: number;
  offset: number;
  json?: boolean;
  sort?: string;
  role?: string;
  seat?: string;
  location?: string;
  openProfile?: boolean;
  openToWork?: boolean;
  degree?: string;
}

/** `--degree 2`, `--degree 1,2` (parsed in the action, so a bad value is an invalid_input error, not a crash). */
function parseDegrees(value: string): ConnectionDegree[] {
  return value.split(',').map((part) => {
    const n = connectionDegrees.find((d) => String(d) === part.trim());
    if (n === undefined) throw new AppError('invalid_input', `--degree takes 1, 2 or 3, or a list such as 1,2; got '${value}'`);
    return n;
  });
}

function humanLine(r: SearchResult): string {
  const matched = Object.entries(r.matched)
    .map(([field, terms]) => `${field}: ${terms!.join(', ')}`)
    .join('; ');
  return `${String(r.id).padStart(7)}  ${r.score.toFixed(2).padStart(7)}  ${r.name || '(no name)'} — ${r.headline || '(no headline)'}${matched ? `  [${matched}]` : ''}`;
}
