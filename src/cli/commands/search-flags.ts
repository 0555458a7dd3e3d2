import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { rankSorts, type RankSort } from '../../ranking/candidate-score.ts';
import { connectionDegrees } from '../../search/profile-flags.ts';
import { maxSearchLimit } from '../../search-request/search-candidates.ts';
import type { ConnectionDegree, SearchFilters } from '../../search/search-filters.ts';
import type { SearchRequest } from '../../search-request/plan-search.ts';
import { parseIntOption } from '../cli-context.ts';

/**
 * The flags of `scoutline search`, on a database (search-command.ts) and
 * against a server (remote/search-remote.ts) alike: both read them into one
 * SearchRequest here, which the local command runs with runSearch and the
 * remote one sends to POST /api/search, which runs it the same way.
 */
export interface SearchFlags {
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

/** The options both search commands take; `help` holds the lines that differ (what --json prints, what --role takes). */
export function searchOptions(cmd: Command, help: { json: string; sort: string; role: [flags: string, text: string] }): Command {
  return cmd
    .option('--limit <n>', `how many results (0-${maxSearchLimit})`, parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many results', parseIntOption('offset'), 0)
    .option('--json', help.json)
    .option('--sort <order>', help.sort)
    .option(...help.role)
    .option('--seat <id>', 'with ranking: the seat that will reach out')
    .option('--location <text>', 'only this location (same as AND location:"text")')
    .option('--open-profile', 'only Open Profile members (same as AND openProfile:true)')
    .option('--no-open-profile', 'only members without Open Profile (AND openProfile:false)')
    .option('--open-to-work', 'only members marked Open to Work (AND openToWork:true)')
    .option('--no-open-to-work', 'only members not marked Open to Work (AND openToWork:false)')
    .option('--degree <list>', 'only these connection degrees, e.g. 2 or 1,2 (AND degree:(1 OR 2))');
}

/** The flags as a search request; a bad value is invalid_input naming the flag. */
export function searchRequestFromFlags(typed: string | undefined, opts: SearchFlags): SearchRequest {
  if (opts.limit < 0 || opts.limit > maxSearchLimit) throw new AppError('invalid_input', `--limit must be between 0 and ${maxSearchLimit}, got ${opts.limit}`);
  if (opts.offset < 0) throw new AppError('invalid_input', `--offset must be 0 or more, got ${opts.offset}`);
  if (opts.sort !== undefined && !(rankSorts as readonly string[]).includes(opts.sort)) throw new AppError('invalid_input', `--sort must be one of ${rankSorts.join(', ')}, got '${opts.sort}'`);
  const filters: SearchFilters = {
    ...(opts.location !== undefined ? { location: opts.location } : {}),
    ...(opts.openProfile !== undefined ? { openProfile: opts.openProfile } : {}),
    ...(opts.openToWork !== undefined ? { openToWork: opts.openToWork } : {}),
    ...(opts.degree !== undefined ? { degree: parseDegrees(opts.degree) } : {}),
  };
  return {
    query: typed ?? '',
    limit: opts.limit,
    offset: opts.offset,
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(opts.sort ? { sort: opts.sort as RankSort } : {}),
    ...(opts.role !== undefined ? { roleId: opts.role } : {}),
    ...(opts.seat ? { seatId: opts.seat } : {}),
  };
}

/** `--degree 2`, `--degree 1,2` (parsed in the action, so a bad value is an invalid_input error, not a crash). */
function parseDegrees(value: string): ConnectionDegree[] {
  return value.split(',').map((part) => {
    const n = connectionDegrees.find((d) => String(d) === part.trim());
    if (n === undefined) throw new AppError('invalid_input', `--degree takes 1, 2 or 3, or a list such as 1,2; got '${value}'`);
    return n;
  });
}

interface PrintedResult {
  id: number;
  name: string;
  headline: string;
  score: number;
  matched: Partial<Record<string, string[]>>;
  fit?: number;
  replyLikelihood?: number;
  priority?: number;
  why?: { summary?: string; items?: unknown[] };
}

/** The listing people read: one line a result (ranked: priority, fit, reply chance and the first reason), then the count. */
export function printSearchResults(results: PrintedResult[], total: number, from: { offset: number; ranked: boolean; weights?: string }): void {
  if (from.ranked) {
    for (const x of results) {
      console.log(`${String(x.id).padStart(7)}  prio ${(x.priority ?? 0).toFixed(0).padStart(3)}  fit ${(x.fit ?? 0).toFixed(0).padStart(3)}  reply ${`${(x.replyLikelihood ?? 0).toFixed(0)}%`.padStart(4)}  ${x.name || '(no name)'} — ${x.headline || '(no headline)'}`);
      if (x.why?.items?.[0] && x.why.summary) console.log(`${' '.repeat(9)}${x.why.summary}`);
    }
    console.log(`${total} candidate${total === 1 ? '' : 's'} match${from.weights ? `; ${from.weights}` : ''}`);
    return;
  }
  for (const x of results) {
    const matched = Object.entries(x.matched)
      .map(([field, terms]) => `${field}: ${terms!.join(', ')}`)
      .join('; ');
    console.log(`${String(x.id).padStart(7)}  ${x.score.toFixed(2).padStart(7)}  ${x.name || '(no name)'} — ${x.headline || '(no headline)'}${matched ? `  [${matched}]` : ''}`);
  }
  const shown = results.length;
  const range = shown ? `${from.offset + 1}-${from.offset + shown} of ` : '';
  console.log(`${range}${total} candidate${total === 1 ? '' : 's'} match`);
}
