import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { getCandidatesByIds } from '../candidates/candidate-store.ts';
import type { Seat } from '../seats/seat.ts';
import { getSeat } from '../seats/seat-store.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { runSearchQuery } from '../search/run-search-query.ts';
import type { SearchHit } from '../search/search-page.ts';
import { scoreRankable, sortScores, type CandidateScore, type RankSort } from './candidate-score.ts';
import { loadRankableCandidates } from './candidate-facts-store.ts';
import type { EmbeddingsProvider } from './embeddings-provider.ts';
import { semanticSimilarities } from './semantic-similarity.ts';
import { splitOpenProfileFilter } from './open-profile-filter.ts';
import { loadRankingModel } from './ranking-store.ts';
import { resolveRole } from './resolved-role.ts';
import type { RankableCandidate } from './rankable-candidate.ts';
import { queryOnlyRoleProfile, type RoleProfile } from './role-profile.ts';
import { weightsStatement } from './explain.ts';

/**
 * Ranking with storage: search -> the top N matches by BM25 -> load them ->
 * score fit, reply likelihood and priority with the workspace's model ->
 * sort -> explain the returned page. The scoring itself is pure
 * (`scoreRankable`); this file only fetches and hands over. Profile facts
 * come from the `candidate_facts` cache (candidate-facts-store.ts).
 */
export interface RankOptions {
  /** how many results to return (default 25) */
  limit?: number;
  offset?: number;
  sort?: RankSort;
  /** how many top search matches to rank (default 1,000) */
  considered?: number;
  seatId?: string;
  seat?: Pick<Seat, 'employers' | 'schools'> | null;
  now?: Date;
  fitWeight?: number;
  embeddings?: EmbeddingsProvider | null;
}

export interface RankedCandidate extends CandidateScore {
  name: string;
  headline: string;
  location: string;
  openProfile: boolean;
  profileUrl: string | null;
}

export interface RankResult {
  role: { id: string | null; name: string; query: string; inferred: string[] };
  /** matches of the query in all */
  total: number;
  /** how many of the top matches were scored */
  considered: number;
  sort: RankSort;
  weights: string;
  results: RankedCandidate[];
}

export async function rankCandidates(store: Store, workspaceId: string, profile: RoleProfile, opts: RankOptions = {}): Promise<RankResult> {
  const considered = clampInt(opts.considered ?? 1000, 1, 10_000);
  // flag filters (openProfile:, openToWork:, degree:) are applied by the search engine; a query of filters only has no text to rank by
  const text = splitOpenProfileFilter(profile.query).query;
  if (!text) throw new AppError('invalid_input', 'the query needs at least one search term besides filters such as openProfile:true');
  const page = await runSearchQuery(store, parseQueryOrThrow(text), { workspaceId, limit: considered, offset: 0 });
  const { hits, total } = page;
  const seat = opts.seat ?? (opts.seatId ? await getSeat(store, workspaceId, opts.seatId) : null);
  const scored = await scoreSearchResults(store, workspaceId, hits, profile, seat, opts);
  return {
    role: { id: profile.id ?? null, name: profile.name, query: profile.query, inferred: scored.inferred },
    total,
    considered: hits.length,
    sort: opts.sort ?? 'priority',
    weights: scored.weights,
    results: scored.results,
  };
}

/**
 * For the search CLI and API: scores search hits (ids with their BM25
 * score, best first) for a role, or for the search query itself when there
 * is no role, and returns them sorted (default: priority) and explained.
 */
export async function scoreSearchResults(
  store: Store,
  workspaceId: string,
  hits: SearchHit[],
  role: RoleProfile | { query: string },
  seat: Pick<Seat, 'employers' | 'schools'> | null = null,
  opts: Omit<RankOptions, 'seat' | 'seatId' | 'considered'> = {},
): Promise<{ results: RankedCandidate[]; weights: string; inferred: string[] }> {
  const profile: RoleProfile = 'name' in role ? role : queryOnlyRoleProfile('Search', role.query);
  const resolved = resolveRole(profile);
  const model = await loadRankingModel(store, workspaceId);
  const now = opts.now ?? new Date();
  const { candidates: byId } = await loadRankableCandidates(store, workspaceId, hits.map((h) => h.id));
  const max = Math.max(0, ...hits.map((h) => h.score));
  const candidates = hits.map((h) => byId.get(h.id)).filter((c): c is RankableCandidate => c !== undefined);
  // embeddings read the profile text itself, which ranking otherwise never loads
  const semantic = opts.embeddings ? await semanticSimilarities(opts.embeddings, profile, [...(await getCandidatesByIds(store, workspaceId, candidates.map((c) => c.id))).values()]) : null;
  const relevanceOf = new Map(hits.map((h) => [h.id, max > 0 ? Math.max(0, h.score) / max : 0]));
  const scored = candidates.map((c) =>
    scoreRankable(c, resolved, seat, model, { now, relevance: relevanceOf.get(c.id) ?? null, semantic: semantic?.get(c.id) ?? null, fitWeight: opts.fitWeight, explain: false }),
  );
  const offset = Math.max(0, opts.offset ?? 0);
  const limit = clampInt(opts.limit ?? 25, 0, 10_000);
  const pageScores = sortScores(scored, opts.sort ?? 'priority').slice(offset, offset + limit);
  // explanations only for the returned page: recompute those few with explain on
  const results = pageScores.map((s) => {
    const c = byId.get(s.candidateId)!;
    const full = scoreRankable(c, resolved, seat, model, { now, relevance: s.relevance, semantic: semantic?.get(c.id) ?? null, fitWeight: opts.fitWeight });
    return {
      ...full,
      name: c.name,
      headline: c.headline,
      location: [c.location.city, c.location.country].filter(Boolean).join(', '),
      openProfile: c.linkedin.openProfile,
      profileUrl: c.profileUrl,
    };
  });
  return { results, weights: weightsStatement(model.info), inferred: resolved.inferred };
}

function clampInt(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(n)));
}

