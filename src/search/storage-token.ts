import { isProtectedToken } from './tokenize.ts';

/**
 * How tokens are written into the SQLite FTS5 index. The FTS5 table uses the
 * `ascii` tokenizer with `_` as a token character, and our text is stored
 * pre-tokenized (tokens joined by spaces), so FTS5 sees exactly our tokens:
 * - a word (letters and digits; FTS5's ascii tokenizer keeps non-ASCII letters) is itself;
 * - a protected token spells each punctuation character as `_<hex>_`:
 *   `c++` → `c_2b__2b_`, `.net` → `_2e_net`. Words never contain `_`, so an
 *   encoded token never equals a word, and "starts with" is preserved both
 *   ways (prefix `node*` matches `node.js`, `net*` does not match `.net`),
 *   exactly as the reference evaluator compares the plain tokens.
 * - `_` alone is the filler between two values of a field (and in place of a
 *   left-out occurrence): no query token is or starts like it;
 * - `_ws_<hex>` marks the workspace; no query token starts with `_w`.
 */
export const fillerToken = '_';

export function encodeStorageToken(token: string): string {
  if (!isProtectedToken(token)) return token;
  return token.replace(/[^\p{L}\p{N}]/gu, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`);
}

export function workspaceToken(workspaceId: string): string {
  return `_ws_${Buffer.from(workspaceId, 'utf8').toString('hex')}`;
}
