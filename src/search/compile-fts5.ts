import { andNode, orNode, queryTerms, type QueryNode, type TermNode } from './query-ast.ts';
import { encodeStorageToken } from './storage-token.ts';

/**
 * Compiles a query tree to SQLite FTS5.
 *
 * FTS5 has only a binary `a NOT b`, so every node compiles to a positive FTS5
 * expression plus a polarity: `neg` means "every profile except those
 * matching expr". Polarities combine exactly:
 *   AND: positives P, negatives N →  (P1 AND ...) NOT (N1 OR ...)   or, with no P, neg(N1 OR ...)
 *   OR:  positives P, negatives N →  neg((N1 AND ...) NOT (P1 OR ...))  or, with no N, P1 OR ...
 * A negative root (e.g. `NOT manager`) is answered as the workspace's
 * candidates minus the match. Every operand is parenthesized, so FTS5's own
 * precedence (NOT > AND > OR) never regroups anything.
 *
 * FTS5's expression parser has a fixed stack (about 30 nested parentheses);
 * a query that compiles deeper is split into several MATCH expressions
 * combined with SQL set operations (`sets`), which is slower but exact.
 */
export type Fts5Query =
  | { kind: 'match'; expr: string }
  | { kind: 'complement'; expr: string }
  | { kind: 'sets'; plan: Fts5SetPlan; rankExpr: string | null };

export type Fts5SetPlan =
  | { op: 'match'; expr: string }
  | { op: 'all' }
  | { op: 'intersect' | 'union'; parts: Fts5SetPlan[] }
  | { op: 'except'; left: Fts5SetPlan; right: Fts5SetPlan };

/** Parenthesis depth that FTS5's parser is known to handle in our output (its limit is about 30). */
export const maxFts5Depth = 20;

interface Compiled {
  neg: boolean;
  expr: string;
  /** parenthesis depth of expr */
  depth: number;
  /** true when expr is a single term (no parentheses needed around it) */
  leaf: boolean;
}

export function compileFts5(query: QueryNode): Fts5Query {
  const c = compileNode(query);
  if (c.depth <= maxFts5Depth) return { kind: c.neg ? 'complement' : 'match', expr: c.expr };
  return { kind: 'sets', plan: setPlan(query), rankExpr: rankExpression(query) };
}

/** One term as an FTS5 phrase: `"c_2b__2b_ developer"`, `title : "eng" *`. */
export function fts5Term(term: TermNode): string {
  const phrase = `"${term.words.map(encodeStorageToken).join(' ')}"${term.prefix ? ' *' : ''}`;
  return term.field ? `${term.field} : ${phrase}` : phrase;
}

/** The positive terms as one flat OR, for ranking when the query itself had to be split. */
export function rankExpression(query: QueryNode): string | null {
  const terms = [...new Set([...queryTerms(query)].filter((t) => t.positive).map((t) => fts5Term(t.term)))];
  return terms.length ? terms.join(' OR ') : null;
}

function wrap(c: Compiled): { text: string; depth: number } {
  return c.leaf ? { text: c.expr, depth: c.depth } : { text: `(${c.expr})`, depth: c.depth + 1 };
}

function join(parts: Compiled[], op: 'AND' | 'OR'): Compiled {
  if (parts.length === 1) return parts[0];
  const wrapped = parts.map(wrap);
  return { neg: false, expr: wrapped.map((w) => w.text).join(` ${op} `), depth: Math.max(...wrapped.map((w) => w.depth)), leaf: false };
}

function except(left: Compiled, right: Compiled): Compiled {
  const l = wrap(left);
  const r = wrap(right);
  return { neg: false, expr: `${l.text} NOT ${r.text}`, depth: Math.max(l.depth, r.depth), leaf: false };
}

function compileNode(node: QueryNode): Compiled {
  switch (node.kind) {
    case 'term':
      return { neg: false, expr: fts5Term(node), depth: 0, leaf: true };
    case 'flag':
      // flag filters are SQL conditions (run-fts5-query.ts splits them off first)
      throw new Error('a flag filter has no FTS5 form');
    case 'not': {
      const c = compileNode(node.child);
      return { ...c, neg: !c.neg };
    }
    case 'and':
    case 'or': {
      const children = flatten(node).map(compileNode);
      const pos = children.filter((c) => !c.neg);
      const neg = children.filter((c) => c.neg).map((c) => ({ ...c, neg: false }));
      if (node.kind === 'and') {
        if (pos.length === 0) return { ...join(neg, 'OR'), neg: true };
        if (neg.length === 0) return join(pos, 'AND');
        return except(join(pos, 'AND'), join(neg, 'OR'));
      }
      if (neg.length === 0) return join(pos, 'OR');
      if (pos.length === 0) return { ...join(neg, 'AND'), neg: true };
      return { ...except(join(neg, 'AND'), join(pos, 'OR')), neg: true };
    }
  }
}

/** Children of nested nodes of the same kind, lifted: a AND (b AND c) → a, b, c. */
function flatten(node: QueryNode & { kind: 'and' | 'or' }): QueryNode[] {
  return node.children.flatMap((c) => (c.kind === node.kind ? flatten(c as QueryNode & { kind: 'and' | 'or' }) : [c]));
}

function setPlan(node: QueryNode): Fts5SetPlan {
  const c = compileNode(node);
  if (c.depth <= maxFts5Depth) return c.neg ? { op: 'except', left: { op: 'all' }, right: { op: 'match', expr: c.expr } } : { op: 'match', expr: c.expr };
  switch (node.kind) {
    case 'term':
    case 'flag':
      return { op: 'match', expr: c.expr };
    case 'not':
      return { op: 'except', left: { op: 'all' }, right: setPlan(node.child) };
    case 'and':
    case 'or': {
      // keep the shallow children together in one MATCH; split off only the deep ones
      const children = flatten(node);
      const shallow = children.filter((ch) => compileNode(ch).depth < maxFts5Depth);
      const deep = children.filter((ch) => compileNode(ch).depth >= maxFts5Depth);
      const combine = node.kind === 'and' ? andNode : orNode;
      const parts = [...(shallow.length ? [setPlan(combine(shallow))] : []), ...deep.map(setPlan)];
      return parts.length === 1 ? parts[0] : { op: node.kind === 'and' ? 'intersect' : 'union', parts };
    }
  }
}
