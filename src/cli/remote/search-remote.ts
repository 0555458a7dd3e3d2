import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import type { SearchResult } from '../../search-request/search-candidates.ts';
import { action, printJson } from '../cli-context.ts';
import { printSearchResults, searchOptions, searchRequestFromFlags, type SearchFlags } from '../commands/search-flags.ts';
import type { RemoteClient } from './remote-client.ts';

type RemoteResult = SearchResult & { fit?: number; replyLikelihood?: number; priority?: number; why?: { summary?: string; items?: unknown[] } };

/** `search QUERY` against a server: the flags of the local command, read into the same request and sent to POST /api/search. */
export function registerSearchRemote(program: Command, client: () => RemoteClient): void {
  searchOptions(
    program.command('search [query]').description('Boolean candidate search on the server (see docs/search.md); the query may be left out when a filter is given'),
    {
      json: "print the API's JSON: { total, results, nextCursor, tookMs }",
      sort: 'relevance (default) | priority | fit | reply',
      role: ['--role <id>', 'rank against a saved role id on the server'],
    },
  ).action(
    action(async (typed: string | undefined, opts: SearchFlags) => {
      const request = searchRequestFromFlags(typed, opts);
      if (opts.role !== undefined && (/\.json$/i.test(opts.role) || existsSync(opts.role))) {
        throw new AppError('invalid_input', `against a server, --role takes a saved role id; save ${opts.role} first with \`scoutline api POST /api/roles --data @${opts.role}\``);
      }
      const r = await client().json<{ total: number; results: RemoteResult[] }>('POST', '/api/search', { json: request });
      if (opts.json) return printJson(r);
      // a ranked answer carries priority, fit and reply likelihood: printed as the local ranked search does
      printSearchResults(r.results, r.total, { offset: request.offset ?? 0, ranked: r.results.some((x) => x.priority !== undefined) });
    }),
  );
}
