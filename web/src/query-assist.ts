/** Helpers for the Boolean query box: field suggestions and error positions. */
import type { AnswerOf, client } from './api-client.ts';


/** A field of the query language, as `GET /api/search/fields` serves it (spec: boolean-search.md, "Fields"). */
export type FieldInfo = AnswerOf<typeof client.api.search.fields.$get>['fields'][number];

export interface Suggestion {
  /** where the replaced word starts and ends in the query (0-based, end exclusive) */
  from: number;
  to: number;
  field: FieldInfo;
}

/** Inside a double-quoted phrase at this offset? */
function insideQuotes(query: string, offset: number): boolean {
  let open = false;
  for (let i = 0; i < offset; i++) if (query[i] === '"' || query[i] === '\u201c' || query[i] === '\u201d') open = !open;
  return open;
}

/**
 * Field suggestions for the word that ends at the cursor: a word followed by
 * ':' that is not a known field gets every field (closest first); a word of
 * two or more letters that starts a field name gets the matching fields.
 */
export function suggestFields(query: string, cursor: number, fields: readonly FieldInfo[]): Suggestion[] {
  if (cursor < 0 || cursor > query.length || insideQuotes(query, cursor)) return [];
  let end = cursor;
  const colon = query[end - 1] === ':';
  if (colon) end -= 1;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(query[start - 1])) start--;
  // the word must start a term: start of query, after space, '(' , '+' or '-'
  if (start > 0 && !/[\s(+\-]/.test(query[start - 1])) return [];
  const word = query.slice(start, end).toLowerCase();
  if (colon) {
    if (fields.some((f) => f.name === word)) return [];
    const ranked = [...fields].sort((a, b) => closeness(word, b.name) - closeness(word, a.name));
    return ranked.map((field) => ({ from: start, to: cursor, field }));
  }
  if (word.length < 2 || /^(AND|OR|NOT)$/.test(query.slice(start, end))) return [];
  return fields.filter((f) => f.name.startsWith(word) && f.name !== word).map((field) => ({ from: start, to: cursor, field }));
}

/** A crude similarity: shared prefix length, then shared letters. */
function closeness(typed: string, name: string): number {
  let prefix = 0;
  while (prefix < typed.length && prefix < name.length && typed[prefix] === name[prefix]) prefix++;
  let shared = 0;
  for (const ch of new Set(typed)) if (name.includes(ch)) shared++;
  return prefix * 10 + shared - Math.abs(name.length - typed.length) * 0.1;
}

/** Applies a suggestion: the word becomes `field:`; returns the new query and cursor. */
export function applySuggestion(query: string, s: Suggestion): { query: string; cursor: number } {
  const insert = `${s.field.name}:`;
  return { query: query.slice(0, s.from) + insert + query.slice(s.to), cursor: s.from + insert.length };
}

/**
 * The 1-based column of a query_syntax error in what the user typed, from the
 * error details. When the server parsed a longer query (the UI AND-ed a filter
 * on), the column is moved back to the typed text.
 */
export function errorColumn(details: Record<string, unknown> | undefined, typed?: string): number | null {
  if (!details) return null;
  let col: number | null = null;
  for (const key of ['column', 'col', 'position']) {
    const v = details[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 1) {
      col = Math.floor(v);
      break;
    }
  }
  if (col === null) return null;
  const parsed = details.query;
  if (typed !== undefined && typeof parsed === 'string' && parsed !== typed) {
    const lead = typed.length - typed.trimStart().length;
    const at = parsed.indexOf(typed.trim());
    if (at >= 0) col = col - at + lead;
    col = Math.min(Math.max(col, 1), typed.length + 1);
  }
  return col;
}
