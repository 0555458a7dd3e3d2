import { AppError } from '../core/app-error.ts';
import type { RankSort } from '../ranking/candidate-score.ts';
import type { RoleProfile } from '../ranking/role-profile.ts';
import { formatQuery } from '../search/format-query.ts';
import { queryTerms, type QueryNode } from '../search/query-ast.ts';
import { decodeCursor, encodeCursor } from '../search/search-cursor.ts';
import { searchFilterNodes, withSearchFilters, withSearchFiltersText, type SearchFilters } from '../search/search-filters.ts';

/**
 * One search request, whoever sends it: `POST /api/search` (and so the web
 * UI and the remote CLI), `scoutline search`, and `POST /api/rank` (a role
 * and its query). Each boundary validates its own input (zod, flags) and
 * builds this; `planSearch` and `runSearch` do the rest, once.
 */
export interface SearchRequest {
  /** Boolean query text; may be blank when filters are given */
  query: string;
  filters?: SearchFilters;
  limit: number;
  offset?: number;
  /** the nextCursor of the previous page (plain searches only) */
  cursor?: string;
  /** relevance (BM25, the default) | priority | fit | reply; any other than relevance, or a role, ranks */
  sort?: RankSort;
  /** rank against a saved role: its criteria, this query searched */
  roleId?: string;
  /** or against an inline role (POST /api/rank): its criteria, this query searched */
  role?: RoleProfile;
  /** with ranking: the seat that will reach out */
  seatId?: string;
  /** with ranking: how many of the top matches are scored (default 1,000) */
  considered?: number;
}

/** Parses query text or throws AppError query_syntax (parseQueryOrThrow); passed in so a test can count the calls. */
export type QueryParser = (text: string) => QueryNode;

/** What to run: a plain search (BM25 order, cursor paging) or a ranked one. The query is parsed, filters included. */
export type SearchPlan = MatchPlan | RankPlan;

export interface MatchPlan {
  kind: 'match';
  query: QueryNode;
  limit: number;
  offset: number;
  /** what a cursor of this search is bound to: the workspace and the query as understood */
  cursorKey: string;
}

export interface RankPlan {
  kind: 'rank';
  query: QueryNode;
  /**
   * The query as text, the filters AND-ed on: the role's query while it is
   * ranked (criteria are read from its `title:` and `skill:` terms, and it is
   * the text embeddings see). Built from the typed text, never parsed again.
   */
  text: string;
  sort: RankSort;
  limit: number;
  offset: number;
  considered: number | undefined;
  roleId: string | null;
  role: RoleProfile | null;
  seatId: string | undefined;
}

/**
 * Request -> plan, without I/O. The typed query is parsed once, alone, so a
 * syntax error points at the column the user typed; the filters are added as
 * query nodes. A blank query with filters is not parsed at all (the filters
 * are the search); a blank query without filters is the parser's "empty
 * query" error.
 */
export function planSearch(request: SearchRequest, workspaceId: string, parse: QueryParser): SearchPlan {
  const filters = request.filters ?? {};
  const typed = request.query.trim() || searchFilterNodes(filters).length === 0 ? parse(request.query) : null;
  const query = withSearchFilters(typed, filters)!;
  // a search of filters only (every Open to Work member) has no terms to pick the top matches by: without a
  // role it is a plain search whatever the order asked, rather than a refusal (docs/search.md)
  const rankable = request.roleId !== undefined || request.role !== undefined || queryTerms(query).next().done !== true;
  if (needsRanking(request) && rankable) {
    if (request.cursor !== undefined) throw new AppError('invalid_input', 'ranked searches page with offset, not cursor');
    return {
      kind: 'rank',
      query,
      text: withSearchFiltersText(request.query, filters),
      sort: request.sort ?? 'priority',
      limit: request.limit,
      offset: request.offset ?? 0,
      considered: request.considered,
      roleId: request.roleId ?? null,
      role: request.role ?? null,
      seatId: request.seatId,
    };
  }
  if (request.cursor !== undefined && request.offset !== undefined) throw new AppError('invalid_input', 'give either offset or cursor, not both');
  const cursorKey = `${workspaceId}\n${formatQuery(query)}`;
  const offset = request.cursor !== undefined ? decodeCursor(request.cursor, cursorKey) : (request.offset ?? 0);
  return { kind: 'match', query, limit: request.limit, offset, cursorKey };
}

/** A priority, fit or reply order, or a role, ranks; flag filters (`openProfile:true`) are plain search. */
export function needsRanking(request: Pick<SearchRequest, 'sort' | 'roleId' | 'role'>): boolean {
  return (request.sort !== undefined && request.sort !== 'relevance') || request.roleId !== undefined || request.role !== undefined;
}

/** The cursor of the page after this one, null on the last page (or with limit 0). */
export function nextCursor(plan: MatchPlan, total: number): string | null {
  const next = plan.offset + plan.limit;
  return plan.limit > 0 && next < total ? encodeCursor(next, plan.cursorKey) : null;
}
