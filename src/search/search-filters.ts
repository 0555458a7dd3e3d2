import { formatQuery } from './format-query.ts';
import { connectionDegrees } from './profile-flags.ts';
import { andNode, flagNode, orNode, termNode, type QueryNode } from './query-ast.ts';
import { tokenize } from './tokenize.ts';

export type ConnectionDegree = (typeof connectionDegrees)[number];

/**
 * The filters of a search request (API `filters`, CLI `--location`,
 * `--open-profile`, `--open-to-work`, `--degree`): each is the same as
 * AND-ing a term to the query, so they combine with any query, rank like it
 * and page like it.
 */
export interface SearchFilters {
  /** AND location:"..." (the words in a row in the location text); blank: no filter */
  location?: string;
  /** AND openProfile:true|false */
  openProfile?: boolean;
  /** AND openToWork:true|false */
  openToWork?: boolean;
  /** AND degree:(a OR b): any of these connection degrees; empty: no filter */
  degree?: readonly ConnectionDegree[];
}

/** The filters as query nodes, in a fixed order (location, openProfile, openToWork, degree). */
export function searchFilterNodes(filters: SearchFilters): QueryNode[] {
  const out: QueryNode[] = [];
  const place = tokenize(filters.location ?? '');
  if (place.length) out.push(termNode(place, { field: 'location' }));
  if (filters.openProfile !== undefined) out.push(flagNode({ flag: 'openProfile', value: filters.openProfile }));
  if (filters.openToWork !== undefined) out.push(flagNode({ flag: 'openToWork', value: filters.openToWork }));
  const degrees = [...new Set(filters.degree ?? [])].sort();
  if (degrees.length) out.push(orNode(degrees.map((value) => flagNode({ flag: 'degree', value }))));
  return out;
}

/** The query AND the filters; null query: the filters alone (null when there are none either). */
export function withSearchFilters(query: QueryNode | null, filters: SearchFilters): QueryNode | null {
  const parts = [...(query ? [query] : []), ...searchFilterNodes(filters)];
  return parts.length ? andNode(parts) : null;
}

/**
 * Query text for the query and the filters, for callers that take text (the
 * ranking path): the typed text in parentheses, AND the filters as query
 * syntax. Blank text and no filters give ''.
 */
export function withSearchFiltersText(text: string, filters: SearchFilters): string {
  const nodes = searchFilterNodes(filters);
  if (!nodes.length) return text;
  // each filter in parentheses when it is a group, so `degree:1 OR degree:2` stays one operand of the AND
  const extra = nodes.map((n) => (n.kind === 'or' || n.kind === 'and' ? `(${formatQuery(n)})` : formatQuery(n))).join(' AND ');
  return text.trim() ? `(${text}) AND ${extra}` : extra;
}
