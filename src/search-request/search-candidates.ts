import type { Kysely } from 'kysely';
import { fullName, locationText } from '../candidates/candidate.ts';
import type { Database, Dialect } from '../db/schema.ts';
import { loadSearchCandidates } from '../candidates/load-search-candidates.ts';
import { matchedTerms, type MatchedTerms } from '../search/matched-terms.ts';
import { parseQueryOrThrow } from '../search/parse-query.ts';
import type { QueryNode } from '../search/query-ast.ts';
import { runSearchQuery } from '../search/run-search-query.ts';
import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
import { tokenizeDocument } from '../search/tokenized-document.ts';

export const defaultSearchLimit = 50;
export const maxSearchLimit = 1000;

/** One page of one query: what runSearch (src/search-request) asks of a plain search once it has planned the request. */
export interface SearchPageRequest {
  /** Boolean query text, or an already parsed query */
  query: string | QueryNode;
  workspaceId: string;
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  id: number;
  name: string;
  headline: string;
  location: string;
  profileUrl: string | null;
  /** the LinkedIn flags a recruiter filters on (and sees as badges) */
  openProfile: boolean;
  openToWork: boolean;
  degree: number | null;
  /** relevance, higher is better (BM25 with field weights on SQLite, ts_rank on PostgreSQL) */
  score: number;
  /** per field, the query terms that matched there */
  matched: MatchedTerms;
}

export interface SearchResponse {
  total: number;
  results: SearchResult[];
}

/**
 * Boolean candidate search: parses the query (a syntax error throws AppError
 * `query_syntax` with the column), counts all matches, and returns one page
 * best first with what matched where.
 */
export async function searchCandidates(store: { db: Kysely<Database>; dialect: Dialect }, request: SearchPageRequest): Promise<SearchResponse> {
  const query = typeof request.query === 'string' ? parseQueryOrThrow(request.query) : request.query;
  const limit = Math.max(0, Math.min(request.limit ?? defaultSearchLimit, maxSearchLimit));
  const offset = Math.max(0, request.offset ?? 0);
  const page = await runSearchQuery(store, query, { workspaceId: request.workspaceId, limit, offset });
  const candidates = await loadSearchCandidates(store.db, request.workspaceId, page.hits.map((h) => h.id));
  const results: SearchResult[] = [];
  for (const hit of page.hits) {
    const c = candidates.get(hit.id);
    // an index row whose candidate is gone (should not happen: the store removes both together)
    if (!c) continue;
    results.push({
      id: c.id,
      name: fullName(c),
      headline: c.headline,
      location: locationText(c.location),
      profileUrl: c.profileUrl,
      openProfile: c.openProfile,
      openToWork: c.openToWork,
      degree: c.degree,
      score: Math.round(hit.score * 10_000) / 10_000,
      matched: matchedTerms(query, tokenizeDocument(searchDocumentFor(c))),
    });
  }
  return { total: page.total, results };
}
