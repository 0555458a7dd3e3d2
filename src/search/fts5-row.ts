import { searchFieldNames, type SearchField } from './search-fields.ts';
import { encodeStorageToken, fillerToken, workspaceToken } from './storage-token.ts';
import type { TokenizedDocument } from './tokenized-document.ts';

/**
 * The FTS5 column texts for a tokenized document: tokens encoded and joined by
 * spaces, a filler token between two values (phrases are consecutive tokens,
 * so they never join two values) and in place of left-out occurrences.
 */
export type Fts5Row = Record<SearchField, string> & { ws: string };

export function fts5Row(doc: TokenizedDocument, workspaceId: string): Fts5Row {
  const row = { ws: workspaceToken(workspaceId) } as Fts5Row;
  for (const field of searchFieldNames) {
    row[field] = doc[field]
      .map((value) => value.map((t) => (t === null ? fillerToken : encodeStorageToken(t))).join(' '))
      .join(` ${fillerToken} `);
  }
  return row;
}
