import { andNode, hasFlags, orNode, queryTerms, type FlagNode, type QueryNode } from './query-ast.ts';

/**
 * A query with flag filters, as the storage backends run it: the largest
 * flag-free parts stay whole (`text`, one FTS5 MATCH or tsquery each) and the
 * flags and the Boolean structure around them become SQL conditions on the
 * candidate row.
 */
export type MixedNode =
  | { readonly kind: 'text'; readonly query: QueryNode }
  | FlagNode
  | { readonly kind: 'not'; readonly child: MixedNode }
  | { readonly kind: 'and' | 'or'; readonly children: readonly MixedNode[] };

export function mixedQuery(node: QueryNode): MixedNode {
  if (!hasFlags(node)) return { kind: 'text', query: node };
  switch (node.kind) {
    case 'flag':
      return node;
    case 'term':
      // unreachable: a term has no flags
      return { kind: 'text', query: node };
    case 'not':
      return { kind: 'not', child: mixedQuery(node.child) };
    case 'and':
    case 'or': {
      const text = node.children.filter((c) => !hasFlags(c));
      const rest = node.children.filter(hasFlags).map(mixedQuery);
      const textPart: MixedNode[] = text.length ? [{ kind: 'text', query: (node.kind === 'and' ? andNode : orNode)(text) }] : [];
      return { kind: node.kind, children: [...textPart, ...rest] };
    }
  }
}

/**
 * How a query with flags is run: `driver` is the flag-free part AND-ed at the
 * top (`java AND openProfile:true` → java), which the text index answers and
 * which ranks the results; `condition` is the rest, checked per candidate.
 * Without such a part (`openProfile:true`, `java OR openToWork:true`) the
 * workspace's candidates are filtered and ranked by the query's positive terms.
 */
export interface FlagQueryPlan {
  driver: QueryNode | null;
  condition: MixedNode;
  /** the positive terms, to rank by when there is no driver (null: nothing to rank) */
  rankTerms: QueryNode | null;
}

export function flagQueryPlan(query: QueryNode): FlagQueryPlan {
  const mixed = mixedQuery(query);
  const positive = [...queryTerms(query)].filter((t) => t.positive).map((t) => t.term);
  const rankTerms = positive.length ? orNode(positive) : null;
  if (mixed.kind === 'and' && mixed.children[0].kind === 'text') {
    const [first, ...rest] = mixed.children;
    return { driver: first.query, condition: rest.length === 1 ? rest[0] : { kind: 'and', children: rest }, rankTerms };
  }
  return { driver: null, condition: mixed, rankTerms };
}
