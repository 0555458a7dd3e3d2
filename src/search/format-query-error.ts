import type { QuerySyntaxError } from './query-syntax-error.ts';

/** How wide the query excerpt may be before it is cut around the column. */
const maxWidth = 72;

/**
 * The query with a caret under the column of the error, for the CLI and UI:
 *
 *     java AND
 *          ^
 *     AND is missing a term after it (column 6)
 *
 * Long queries are cut to a window around the column, marked with `…`.
 * Tabs and line breaks are shown as spaces so the caret stays aligned.
 */
export function formatQueryError(query: string, error: QuerySyntaxError): string {
  const chars = Array.from(query).map((c) => (/\s/u.test(c) ? ' ' : c));
  const index = Math.max(0, Math.min(error.column - 1, chars.length));
  let start = 0;
  let end = chars.length;
  if (chars.length > maxWidth) {
    start = Math.max(0, Math.min(index - Math.floor(maxWidth / 2), chars.length - maxWidth));
    end = Math.min(chars.length, start + maxWidth);
  }
  const before = start > 0 ? '…' : '';
  const after = end < chars.length ? '…' : '';
  const line = before + chars.slice(start, end).join('') + after;
  const caret = ' '.repeat(before.length + index - start) + '^';
  return `${line}\n${caret}\n${error.message} (column ${error.column})`;
}
