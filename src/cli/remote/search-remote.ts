import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { maxSearchLimit } from '../../search/search-candidates.ts';
import { rankSorts } from '../../ranking/candidate-score.ts';
import { action, parseIntOption, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

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

interface RemoteResult {
  id: number;
  name: string;
  headline: string;
  score: number;
  matched: Record<string, string[]>;
  fit?: number;
  replyLikelihood?: number;
  priority?: number;
  why?: { summary?: string; items?: unknown[] };
}

/** `search QUERY` against a server: the flags of the local command, sent as POST /api/search. */
export function registerSearchRemote(program: Command, client: () => RemoteClient): void {
  program
    .command('search [query]')
    .description('Boolean candidate search on the server (see docs/search.md); the query may be left out when a filter is given')
    .option('--limit <n>', `how many results (0-${maxSearchLimit})`, parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many results', parseIntOption('offset'), 0)
    .option('--json', "print the API's JSON: { total, results, nextCursor, tookMs }")
    .option('--sort <order>', 'relevance (default) | priority | fit | reply')
    .option('--role <id>', 'rank against a saved role id on the server')
    .option('--seat <id>', 'with ranking: the seat that will reach out')
    .option('--location <text>', 'only this location (same as AND location:"text")')
    .option('--open-profile', 'only Open Profile members')
    .option('--no-open-profile', 'only members without Open Profile')
    .option('--open-to-work', 'only members marked Open to Work')
    .option('--no-open-to-work', 'only members not marked Open to Work')
    .option('--degree <list>', 'only these connection degrees, e.g. 2 or 1,2')
    .action(
      action(async (typed: string | undefined, opts: SearchOpts) => {
        if (opts.limit < 0 || opts.limit > maxSearchLimit) throw new AppError('invalid_input', `--limit must be between 0 and ${maxSearchLimit}, got ${opts.limit}`);
        if (opts.offset < 0) throw new AppError('invalid_input', `--offset must be 0 or more, got ${opts.offset}`);
        if (opts.sort !== undefined && !(rankSorts as readonly string[]).includes(opts.sort)) throw new AppError('invalid_input', `--sort must be one of ${rankSorts.join(', ')}, got '${opts.sort}'`);
        if (opts.role !== undefined && (/\.json$/i.test(opts.role) || existsSync(opts.role))) {
          throw new AppError('invalid_input', `against a server, --role takes a saved role id; save ${opts.role} first with \`scoutline api POST /api/roles --data @${opts.role}\``);
        }
        const filters = {
          ...(opts.location !== undefined ? { location: opts.location } : {}),
          ...(opts.openProfile !== undefined ? { openProfile: opts.openProfile } : {}),
          ...(opts.openToWork !== undefined ? { openToWork: opts.openToWork } : {}),
          ...(opts.degree !== undefined ? { degree: parseDegrees(opts.degree) } : {}),
        };
        const body = {
          query: typed ?? '',
          limit: opts.limit,
          offset: opts.offset,
          ...(Object.keys(filters).length ? { filters } : {}),
          ...(opts.sort ? { sort: opts.sort } : {}),
          ...(opts.role ? { roleId: opts.role } : {}),
          ...(opts.seat ? { seatId: opts.seat } : {}),
        };
        const r = await client().json<{ total: number; results: RemoteResult[] }>('POST', '/api/search', { json: body });
        if (opts.json) return printJson(r);
        // a ranked answer carries priority, fit and reply likelihood: printed as the local ranked search does
        if (r.results.some((x) => x.priority !== undefined)) {
          for (const x of r.results) {
            console.log(`${String(x.id).padStart(7)}  prio ${(x.priority ?? 0).toFixed(0).padStart(3)}  fit ${(x.fit ?? 0).toFixed(0).padStart(3)}  reply ${`${(x.replyLikelihood ?? 0).toFixed(0)}%`.padStart(4)}  ${x.name || '(no name)'} — ${x.headline || '(no headline)'}`);
            if (x.why?.items?.[0] && x.why.summary) console.log(`${' '.repeat(9)}${x.why.summary}`);
          }
          console.log(`${r.total} candidate${r.total === 1 ? '' : 's'} match`);
          return;
        }
        for (const x of r.results) console.log(humanLine(x));
        const shown = r.results.length;
        const from = shown ? `${opts.offset + 1}-${opts.offset + shown} of ` : '';
        console.log(`${from}${r.total} candidate${r.total === 1 ? '' : 's'} match`);
      }),
    );
}

function parseDegrees(value: string): number[] {
  return value.split(',').map((part) => {
    const n = Number(part.trim());
    if (![1, 2, 3].includes(n)) throw new AppError('invalid_input', `--degree takes 1, 2 or 3, or a list such as 1,2; got '${value}'`);
    return n;
  });
}

function humanLine(r: RemoteResult): string {
  const matched = Object.entries(r.matched)
    .map(([field, terms]) => `${field}: ${terms.join(', ')}`)
    .join('; ');
  return `${String(r.id).padStart(7)}  ${r.score.toFixed(2).padStart(7)}  ${r.name || '(no name)'} — ${r.headline || '(no headline)'}${matched ? `  [${matched}]` : ''}`;
}
