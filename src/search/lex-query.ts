import type { QuerySyntaxError } from './query-syntax-error.ts';

/**
 * Splits a Boolean query into tokens. Columns are 1-based and count
 * characters (Unicode code points), which is what a caret under the query
 * shows. `end` is the column just after the token.
 */
export type LexToken =
  | { type: 'word'; text: string; column: number; end: number }
  | { type: 'phrase'; text: string; column: number; end: number }
  | { type: 'field'; name: string; column: number; end: number }
  | { type: 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'plus' | 'minus'; column: number; end: number };

export type LexResult = { ok: true; tokens: LexToken[] } | { ok: false; error: QuerySyntaxError };

/** Straight and curly double quotes all open and close phrases. */
export const quoteChars: ReadonlySet<string> = new Set(['"', '\u201C', '\u201D']);

const whitespace = /^\s$/u;
const fieldPrefix = /^(\p{L}[\p{L}\p{N}_]*):/u;

function isWhitespace(ch: string): boolean {
  return whitespace.test(ch);
}

function isDelimiter(ch: string): boolean {
  return ch === '(' || ch === ')' || quoteChars.has(ch) || isWhitespace(ch);
}

export function lexQuery(query: string): LexResult {
  const chars = Array.from(query);
  const tokens: LexToken[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    const column = i + 1;
    if (isWhitespace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen', column, end: column + 1 });
      i++;
    } else if (quoteChars.has(ch)) {
      let j = i + 1;
      while (j < chars.length && !quoteChars.has(chars[j])) j++;
      if (j >= chars.length) return { ok: false, error: { message: 'this quote is never closed', column } };
      tokens.push({ type: 'phrase', text: chars.slice(i + 1, j).join(''), column, end: j + 2 });
      i = j + 1;
    } else if ((ch === '+' || ch === '-') && i + 1 < chars.length && !isWhitespace(chars[i + 1]) && chars[i + 1] !== ')') {
      // `+word` and `-word`: a sign glued to the term after it
      tokens.push({ type: ch === '+' ? 'plus' : 'minus', column, end: column + 1 });
      i++;
    } else {
      let j = i;
      while (j < chars.length && !isDelimiter(chars[j])) j++;
      const text = chars.slice(i, j).join('');
      const field = fieldPrefix.exec(text);
      if (field) {
        const nameLength = Array.from(field[1]).length;
        tokens.push({ type: 'field', name: field[1], column, end: column + nameLength + 1 });
        // what follows the colon is lexed on its own: a word, a phrase or a group
        i += nameLength + 1;
        continue;
      }
      if (text === 'AND' || text === 'OR' || text === 'NOT') {
        tokens.push({ type: text === 'AND' ? 'and' : text === 'OR' ? 'or' : 'not', column, end: j + 1 });
      } else {
        tokens.push({ type: 'word', text, column, end: j + 1 });
      }
      i = j;
    }
  }
  return { ok: true, tokens };
}
