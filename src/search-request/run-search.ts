import type { Store } from '../db/open-database.ts';
import { embeddingsConfigFromEnv, type EmbeddingsProvider } from '../ranking/embeddings-provider.ts';
import type { Explanation } from '../ranking/explain.ts';
import { rankQuery, type RankResult } from '../ranking/rank-candidates.ts';
import { getRole } from '../ranking/ranking-store.ts';
import { queryOnlyRoleProfile, type RoleProfile } from '../ranking/role-profile.ts';
import { embeddingsProviderFor } from '../ranking/semantic-similarity.ts';
import { loadSearchTexts } from '../candidates/load-search-candidates.ts';
import { matchedTerms } from '../search/matched-terms.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { searchCandidates, type SearchResult } from './search-candidates.ts';
import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
import { tokenizeDocument } from '../search/tokenized-document.ts';
import { nextCursor, planSearch, type QueryParser, type RankPlan, type SearchRequest } from './plan-search.ts';

/** A search result with the ranking fields: what a ranked search returns (API, CLI, web UI). */
export interface RankedSearchResult extends SearchResult {
  /** here: BM25 relevance normalised to the best match (0..1) */
  score: number;
  fit: number;
  replyLikelihood: number;
  priority: number;
  why: Explanation | undefined;
}

export type SearchOutcome =
  | { kind: 'match'; total: number; results: SearchResult[]; nextCursor: string | null }
  | {
      kind: 'rank';
      total: number;
      results: RankedSearchResult[];
      weights: string;
      /** the ranking as POST /api/rank shows it (signals, considered, the role) */
      ranking: RankResult;
    };

export interface SearchDeps {
  /** the query parser (default parseQueryOrThrow) */
  parse?: QueryParser;
  /** a role by `roleId` (default: the workspace's saved role; the CLI also takes a ROLE.json path) */
  loadRole?: (id: string) => Promise<RoleProfile>;
  /** the embeddings provider, asked only when a search ranks (default: from the environment, read per request) */
  embeddings?: () => EmbeddingsProvider | null;
  now?: Date;
}

/**
 * The one search entry point: the API route, `scoutline search` (and through
 * the route the remote CLI and the web UI) and `POST /api/rank` all call it.
 * The request is planned without I/O (the query parsed once, filters added),
 * then run: a plain search pages by cursor or offset; a ranked one scores
 * the top matches and returns the page with what matched where, reading
 * each shown candidate's columns once.
 */
export async function runSearch(store: Store, workspaceId: string, request: SearchRequest, deps: SearchDeps = {}): Promise<SearchOutcome> {
  const plan = planSearch(request, workspaceId, deps.parse ?? parseQueryOrThrow);
  if (plan.kind === 'rank') return runRanked(store, workspaceId, plan, deps);
  const page = await searchCandidates(store, { query: plan.query, workspaceId, limit: plan.limit, offset: plan.offset });
  return { kind: 'match', total: page.total, results: page.results, nextCursor: nextCursor(plan, page.total) };
}

async function runRanked(store: Store, workspaceId: string, plan: RankPlan, deps: SearchDeps): Promise<SearchOutcome> {
  const loadRole = deps.loadRole ?? ((id: string) => getRole(store, workspaceId, id));
  const role = plan.role ?? (plan.roleId ? await loadRole(plan.roleId) : null);
  // the role's criteria rank; its own query gives way to this search's
  const profile: RoleProfile = role ? { ...role, query: plan.text } : queryOnlyRoleProfile('Search', plan.text);
  const embeddings = (deps.embeddings ?? (() => embeddingsProviderFor(embeddingsConfigFromEnv())))();
  const ranked = await rankQuery(store, workspaceId, plan.query, profile, {
    sort: plan.sort,
    seatId: plan.seatId,
    limit: plan.limit,
    offset: plan.offset,
    considered: plan.considered,
    embeddings,
    now: deps.now,
  });
  const shown = ranked.result.results.map((r) => r.candidateId);
  // what ranking did not read: the page's profile text, for what matched where
  const texts = ranked.texts ?? (await loadSearchTexts(store.db, workspaceId, shown));
  const results = ranked.result.results.map((r): RankedSearchResult => {
    const c = ranked.candidates.get(r.candidateId)!;
    const text = texts.get(r.candidateId);
    return {
      id: r.candidateId,
      name: r.name,
      headline: r.headline,
      location: r.location,
      profileUrl: r.profileUrl,
      openProfile: c.linkedin.openProfile,
      openToWork: c.linkedin.openToWork,
      degree: c.linkedin.degree,
      score: r.relevance ?? 0,
      matched: text ? matchedTerms(plan.query, tokenizeDocument(searchDocumentFor({ name: c.name, headline: c.headline, location: c.location, ...text }))) : {},
      fit: r.fit,
      replyLikelihood: r.replyLikelihood,
      priority: r.priority,
      why: r.why,
    };
  });
  return { kind: 'rank', total: ranked.result.total, results, weights: ranked.result.weights, ranking: ranked.result };
}
