import type { QueryNode, TermNode } from './query-ast.ts';
import { searchFieldSpec, type SearchField } from './search-fields.ts';

/**
 * Compiles a query tree to PostgreSQL tsquery text, for `$1::tsquery`.
 *
 * The text is built from the tree, never from the recruiter's input, and is
 * cast rather than passed through to_tsquery(): to_tsquery would re-parse each
 * lexeme with a text search parser, which splits protected tokens (`c++`
 * would become `c`). Lexemes are exactly our tokens; a field filter uses the
 * field lexemes the index adds (`~ti~java`), a phrase uses `<->`, a prefix
 * `:*`. Boolean NOT is tsquery's `!`, which PostgreSQL evaluates for pure
 * negative queries too.
 */
export function compileTsquery(query: QueryNode): string {
  switch (query.kind) {
    case 'term':
      return tsqueryTerm(query);
    case 'flag':
      // flag filters are SQL conditions (run-tsquery-query.ts splits them off first)
      throw new Error('a flag filter has no tsquery form');
    case 'not':
      return `!${operand(query.child)}`;
    case 'and':
      return query.children.map(operand).join(' & ');
    case 'or':
      return query.children.map(operand).join(' | ');
  }
}

function operand(node: QueryNode): string {
  return node.kind === 'and' || node.kind === 'or' || (node.kind === 'term' && node.words.length > 1) ? `(${compileTsquery(node)})` : compileTsquery(node);
}

/** The lexeme a token is indexed under for a field filter. */
export function fieldLexeme(field: SearchField, token: string): string {
  return `~${searchFieldSpec(field).code}~${token}`;
}

/** A lexeme as tsquery/tsvector literal text: single-quoted, `'` doubled and `\` escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function tsqueryTerm(term: TermNode): string {
  return term.words
    .map((w, i) => {
      const lexeme = quoteLexeme(term.field ? fieldLexeme(term.field, w) : w);
      return term.prefix && i === term.words.length - 1 ? `${lexeme}:*` : lexeme;
    })
    .join(' <-> ');
}
