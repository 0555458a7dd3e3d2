import type { FlagValue } from './profile-flags.ts';
import type { SearchField } from './search-fields.ts';

/**
 * The typed syntax tree of a Boolean query. Fields are pushed down to the
 * terms (`title:(a OR b)` is `title:a OR title:b`), double negations are
 * removed, and every term is already tokenized, so backends and the reference
 * evaluator work on the same normalised words.
 */
export type QueryNode = TermNode | FlagNode | AndNode | OrNode | NotNode;

/**
 * One word (`words.length === 1`) or a phrase of adjacent words in order.
 * `prefix` makes the last word match any word that starts with it.
 * `field` null means any searchable field.
 */
export interface TermNode {
  readonly kind: 'term';
  readonly field: SearchField | null;
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/** A LinkedIn flag filter (`openProfile:true`, `degree:2`): matches on the profile's flags, never scores. */
export type FlagNode = { readonly kind: 'flag' } & Readonly<FlagValue>;

export interface AndNode {
  readonly kind: 'and';
  readonly children: readonly QueryNode[];
}

export interface OrNode {
  readonly kind: 'or';
  readonly children: readonly QueryNode[];
}

export interface NotNode {
  readonly kind: 'not';
  readonly child: QueryNode;
}

export function termNode(words: readonly string[], options: { field?: SearchField | null; prefix?: boolean } = {}): TermNode {
  if (words.length === 0) throw new Error('a term needs at least one word');
  return { kind: 'term', field: options.field ?? null, words, prefix: options.prefix ?? false };
}

export function flagNode(filter: FlagValue): FlagNode {
  return { kind: 'flag', ...filter } as FlagNode;
}

/** Whether any flag filter occurs in the query. */
export function hasFlags(node: QueryNode): boolean {
  switch (node.kind) {
    case 'flag':
      return true;
    case 'term':
      return false;
    case 'not':
      return hasFlags(node.child);
    default:
      return node.children.some(hasFlags);
  }
}

/** AND of the children; a single child is returned as it is. */
export function andNode(children: readonly QueryNode[]): QueryNode {
  if (children.length === 0) throw new Error('AND needs at least one operand');
  return children.length === 1 ? children[0] : { kind: 'and', children };
}

/** OR of the children; a single child is returned as it is. */
export function orNode(children: readonly QueryNode[]): QueryNode {
  if (children.length === 0) throw new Error('OR needs at least one operand');
  return children.length === 1 ? children[0] : { kind: 'or', children };
}

/** NOT of the child; NOT NOT x is x. */
export function notNode(child: QueryNode): QueryNode {
  return child.kind === 'not' ? child.child : { kind: 'not', child };
}

/** Every term of a query with its polarity (false under an odd number of NOTs); flag filters are not terms. */
export function* queryTerms(node: QueryNode, positive = true): Generator<{ term: TermNode; positive: boolean }> {
  switch (node.kind) {
    case 'term':
      yield { term: node, positive };
      return;
    case 'flag':
      return;
    case 'not':
      yield* queryTerms(node.child, !positive);
      return;
    default:
      for (const c of node.children) yield* queryTerms(c, positive);
  }
}
