import type { Store } from '../db/open-database.ts';
import { getCandidatesByIds } from '../candidates/candidate-store.ts';
import { matchedTerms } from '../search/matched-terms.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import { searchDocumentFor } from '../search/search-document.ts';
import { tokenizeDocument } from '../search/tokenized-document.ts';
import type { RankSort } from './candidate-score.ts';
import type { Explanation } from './explain.ts';
import type { SearchResult } from '../search/search-candidates.ts';
import { rankCandidates } from './rank-candidates.ts';
import { roleProfileSchema, type RoleProfile } from './role-profile.ts';

/** A search result with the ranking fields: what `scoutline search --sort priority` and `POST /api/search` return when ranking is asked for. */
export interface RankedSearchResult extends SearchResult {
  /** here: BM25 relevance normalised to the best match (0..1) */
  score: number;
  fit: number;
  replyLikelihood: number;
  priority: number;
  why: Explanation | undefined;
}

export interface RankedSearchRequest {
  query: string;
  workspaceId: string;
  sort: RankSort;
  /** criteria to rank against; the search query replaces the role's own query */
  role?: RoleProfile | null;
  seatId?: string;
  limit: number;
  offset: number;
}

/** Whether a search needs the ranking path: a priority/fit/reply sort or a role (flag filters such as `openProfile:true` are plain search). */
export function searchNeedsRanking(_query: string, sort: string | undefined, role: unknown): boolean {
  return (sort !== undefined && sort !== 'relevance') || (role !== undefined && role !== null);
}

/** Search + rank: the top 1,000 matches scored, one page returned with fit, reply likelihood, priority and reasons. */
export async function rankedSearch(store: Store, req: RankedSearchRequest): Promise<{ total: number; results: RankedSearchResult[]; weights: string }> {
  const profile: RoleProfile = req.role ? { ...req.role, query: req.query } : roleProfileSchema.parse({ name: 'Search', query: req.query });
  const ranked = await rankCandidates(store, req.workspaceId, profile, { sort: req.sort, seatId: req.seatId, limit: req.limit, offset: req.offset });
  const parsed = parseQueryOrThrow(req.query);
  const candidates = await getCandidatesByIds(store, req.workspaceId, ranked.results.map((r) => r.candidateId));
  const results = ranked.results.map((r) => {
    const c = candidates.get(r.candidateId);
    return {
      id: r.candidateId,
      name: r.name,
      headline: r.headline,
      location: r.location,
      profileUrl: r.profileUrl,
      openProfile: c?.linkedin.openProfile ?? false,
      openToWork: c?.linkedin.openToWork ?? false,
      degree: c?.linkedin.degree ?? null,
      score: r.relevance ?? 0,
      matched: c ? matchedTerms(parsed, tokenizeDocument(searchDocumentFor(c))) : {},
      fit: r.fit,
      replyLikelihood: r.replyLikelihood,
      priority: r.priority,
      why: r.why,
    };
  });
  return { total: ranked.total, results, weights: ranked.weights };
}
