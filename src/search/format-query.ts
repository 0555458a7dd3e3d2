import type { QueryNode, TermNode } from './query-ast.ts';

/**
 * Writes a query tree back as query text that parses to the same tree:
 * explicit AND/OR, parentheses around every nested AND/OR, phrases in quotes,
 * fields on every term. Used to show recruiters how a query was understood.
 */
export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return formatTerm(node);
    case 'flag':
      return `${node.flag}:${node.value}`;
    case 'not':
      return `NOT ${formatOperand(node.child)}`;
    case 'and':
      return node.children.map(formatOperand).join(' AND ');
    case 'or':
      return node.children.map(formatOperand).join(' OR ');
  }
}

function formatOperand(node: QueryNode): string {
  return node.kind === 'and' || node.kind === 'or' ? `(${formatQuery(node)})` : formatQuery(node);
}

/** A term without its field: `java`, `engineer*`, `"front end"`. */
export function formatTermText(term: TermNode): string {
  const star = term.prefix ? '*' : '';
  return term.words.length === 1 ? `${term.words[0]}${star}` : `"${term.words.join(' ')}${star}"`;
}

export function formatTerm(term: TermNode): string {
  return `${term.field ? `${term.field}:` : ''}${formatTermText(term)}`;
}
