import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { Seat } from '../seats/seat.ts';
import { getSeat } from '../seats/seat-store.ts';
import { loadSearchTexts, type SearchText } from '../candidates/load-search-candidates.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { queryTerms, type QueryNode } from '../search/query-ast.ts';
import { runSearchQuery } from '../search/run-search-query.ts';
import type { SearchHit } from '../search/search-page.ts';
import { scoreRankable, sortScores, type CandidateScore, type RankSort } from './candidate-score.ts';
import { loadRankableCandidates } from './candidate-facts-store.ts';
import type { EmbeddingsProvider } from './embeddings-provider.ts';
import { semanticSimilarities } from './semantic-similarity.ts';
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

/** Ranks the matches of a role's query (parsed here, once). For `scoutline rank` and the evaluation; searches go through runSearch. */
export async function rankCandidates(store: Store, workspaceId: string, profile: RoleProfile, opts: RankOptions = {}): Promise<RankResult> {
  const text = profile.query.trim();
  if (!text) throw nothingToRank();
  return (await rankQuery(store, workspaceId, parseQueryOrThrow(text), profile, opts)).result;
}

/** A ranked page and what was loaded to rank it, so the caller can show the page without reading those candidates again. */
export interface RankedPage {
  result: RankResult;
  /** the returned page's candidates as ranking read them (flags included) */
  candidates: Map<number, RankableCandidate>;
  /** their profile text, when ranking read it (for embeddings); null otherwise */
  texts: Map<number, SearchText> | null;
}

/**
 * Ranks the matches of an already parsed query (`profile.query` is only its
 * text, read for criteria): the top `considered` by BM25, scored, sorted, one
 * page explained. Flag filters (openProfile:, openToWork:, degree:) are
 * applied by the search engine; a query of filters only has no text to pick
 * the top matches by and is refused.
 */
export async function rankQuery(store: Store, workspaceId: string, query: QueryNode, profile: RoleProfile, opts: RankOptions = {}): Promise<RankedPage> {
  if (queryTerms(query).next().done === true) throw nothingToRank();
  const considered = clampInt(opts.considered ?? 1000, 1, 10_000);
  const page = await runSearchQuery(store, query, { workspaceId, limit: considered, offset: 0 });
  const { hits, total } = page;
  const seat = opts.seat ?? (opts.seatId ? await getSeat(store, workspaceId, opts.seatId) : null);
  const scored = await scoreSearchResults(store, workspaceId, hits, profile, seat, opts);
  return {
    result: {
      role: { id: profile.id ?? null, name: profile.name, query: profile.query, inferred: scored.inferred },
      total,
      considered: hits.length,
      sort: opts.sort ?? 'priority',
      weights: scored.weights,
      results: scored.results,
    },
    candidates: scored.candidates,
    texts: scored.texts,
  };
}

function nothingToRank(): AppError {
  return new AppError('invalid_input', 'the query needs at least one search term besides filters such as openProfile:true');
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
): Promise<{ results: RankedCandidate[]; weights: string; inferred: string[]; candidates: Map<number, RankableCandidate>; texts: Map<number, SearchText> | null }> {
  const profile: RoleProfile = 'name' in role ? role : queryOnlyRoleProfile('Search', role.query);
  const resolved = resolveRole(profile);
  const model = await loadRankingModel(store, workspaceId);
  const now = opts.now ?? new Date();
  const { candidates: byId } = await loadRankableCandidates(store, workspaceId, hits.map((h) => h.id));
  const max = Math.max(0, ...hits.map((h) => h.score));
  const candidates = hits.map((h) => byId.get(h.id)).filter((c): c is RankableCandidate => c !== undefined);
  // embeddings read the profile text itself, which ranking otherwise never loads (only its text columns: the rest is in hand)
  const texts = opts.embeddings ? await loadSearchTexts(store.db, workspaceId, candidates.map((c) => c.id)) : null;
  const semantic =
    opts.embeddings && texts
      ? await semanticSimilarities(opts.embeddings, profile, candidates.flatMap((c) => { const t = texts.get(c.id); return t ? [{ id: c.id, headline: c.headline, ...t }] : []; }))
      : null;
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
  const shown = new Map(pageScores.map((s) => [s.candidateId, byId.get(s.candidateId)!]));
  return { results, weights: weightsStatement(model.info), inferred: resolved.inferred, candidates: shown, texts };
}

function clampInt(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(n)));
}

