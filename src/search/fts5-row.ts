import { searchFieldNames, type SearchField } from './search-fields.ts';
import { fillerToken, workspaceToken } from './storage-token.ts';
import { hasLeftOutTokens, type TokenizedDocument } from './tokenized-document.ts';

/**
 * The FTS5 column texts for a tokenized document: tokens encoded (see
 * storage-token.ts) and joined by spaces, a filler token between two values
 * (phrases are consecutive tokens, so they never join two values) and in
 * place of left-out occurrences.
 */
export type Fts5Row = Record<SearchField, string> & { ws: string };

// Plain words are letters and digits only, so every other character in the
// joined text belongs to a protected token: encoding the joined text at once
// equals encoding each token (and is what keeps indexing fast).
const punctuation = /[^\p{L}\p{N} ]/gu;
const asciiPlain = /^[a-z0-9 ]*$/;

function encodeJoined(tokens: ReadonlyArray<string | null>, withNulls: boolean): string {
  const text = withNulls ? tokens.map((t) => (t === null ? '\u0000' : t)).join(' ') : tokens.join(' ');
  const encoded = asciiPlain.test(text) ? text : text.replace(punctuation, (ch) => (ch === '\u0000' ? '\u0000' : `_${ch.codePointAt(0)!.toString(16)}_`));
  return withNulls ? encoded.replaceAll('\u0000', fillerToken) : encoded;
}

// An import writes one workspace's token on every row: computed once per workspace.
const workspaceTokens = new Map<string, string>();

function cachedWorkspaceToken(workspaceId: string): string {
  let token = workspaceTokens.get(workspaceId);
  if (token === undefined) {
    token = workspaceToken(workspaceId);
    if (workspaceTokens.size >= 1000) workspaceTokens.clear();
    workspaceTokens.set(workspaceId, token);
  }
  return token;
}

export function fts5Row(doc: TokenizedDocument, workspaceId: string): Fts5Row {
  const row = { ws: cachedWorkspaceToken(workspaceId) } as Fts5Row;
  const withNulls = hasLeftOutTokens(doc);
  for (const field of searchFieldNames) {
    const values = doc[field];
    row[field] = values.length === 1 ? encodeJoined(values[0], withNulls) : values.map((v) => encodeJoined(v, withNulls)).join(` ${fillerToken} `);
  }
  return row;
}
