import { readFileSync } from 'node:fs';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import { parseQueryOrThrow } from '../../search/parse-query.ts';
import { runSearchQuery } from '../../search/run-search-query.ts';
import type { CampaignSource } from './campaign.ts';

/** The candidate ids a campaign source names: a Boolean search (best first), a list, or a file's ids. */
export async function resolveCampaignSource(store: Store, workspaceId: string, source: CampaignSource): Promise<number[]> {
  if (source.kind !== 'query') return source.ids;
  const query = parseQueryOrThrow(source.query);
  const ids: number[] = [];
  for (let offset = 0; ids.length < source.limit; offset += 500) {
    const page = await runSearchQuery(store, query, { workspaceId, limit: Math.min(500, source.limit - ids.length), offset });
    ids.push(...page.hits.map((h) => h.id));
    if (page.hits.length === 0 || offset + page.hits.length >= page.total) break;
  }
  return ids;
}

/** Ids from a file: a JSON array of ids or of objects with `id`, or one id per line (a CSV's first column; a header is skipped). */
export function parseCandidateIdsText(text: string, name = 'file'): number[] {
  const trimmed = text.trim();
  let values: unknown[];
  if (trimmed.startsWith('[')) {
    values = (JSON.parse(trimmed) as unknown[]).map((v) => (typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : v));
  } else {
    values = trimmed
      .split(/\r?\n/)
      .map((l) => l.split(/[,;\t]/)[0].trim().replace(/^"|"$/g, ''))
      .filter((l, i) => l !== '' && !(i === 0 && !/^\d+$/.test(l)));
  }
  const ids = values.map((v) => Number(v));
  const bad = values.filter((_, i) => !Number.isInteger(ids[i]) || ids[i] <= 0);
  if (bad.length) throw new AppError('invalid_input', `${name}: not candidate ids: ${bad.slice(0, 5).map(String).join(', ')}`);
  if (ids.length === 0) throw new AppError('invalid_input', `${name}: no candidate ids`);
  return ids;
}

export function readCandidateIdsFile(path: string): number[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('invalid_input', `cannot read ${path}: ${(err as Error).message}`);
  }
  return parseCandidateIdsText(text, path);
}
