import { protectedTokens } from './protected-tokens.ts';
import type { SearchDocument } from './search-document.ts';
import { searchFieldNames, type SearchField } from './search-fields.ts';
import { fillerToken, workspaceToken } from './storage-token.ts';
import { maxTokenLength, tokenize } from './tokenize.ts';
import { hasLeftOutTokens, maxOccurrences, tokenizeDocument, type TokenizedDocument } from './tokenized-document.ts';

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

// The characters besides letters and digits that protected tokens contain (+ # . / - & ...), from the list.
const protectedPunctuation = [...new Set(protectedTokens.join('').replace(/[\p{L}\p{N}]/gu, ''))];
/** ASCII text in which no protected token with punctuation can occur. */
const plainAscii = new RegExp(`^[^\\u0080-\\uffff${protectedPunctuation.map((ch) => `\\${ch}`).join('')}]*$`);
const overlongAsciiWord = new RegExp(`[A-Za-z0-9]{${maxTokenLength + 1}}`);
const asciiSeparators = /[^a-z0-9]+/g;

/**
 * The FTS5 row of a search document, as `fts5Row(tokenizeDocument(doc))`
 * gives it (property-tested), without building token arrays for the common
 * values: in ASCII text with no protected-token punctuation and no overlong
 * word, the tokens are the lower-cased runs of letters and digits, so the
 * stored text is the lower-cased value with every other run of characters
 * made one space. Other values are tokenized as usual; a document that the
 * index limits could touch (more than maxOccurrences tokens) goes the general way.
 */
export function fts5RowForDocument(doc: SearchDocument, workspaceId: string): Fts5Row {
  const row = { ws: cachedWorkspaceToken(workspaceId) } as Fts5Row;
  let total = 0;
  for (const field of searchFieldNames) {
    const values = doc[field];
    let text = '';
    for (let v = 0; v < values.length; v++) {
      const value = values[v];
      let encoded: string;
      if (plainAscii.test(value) && (value.length <= maxTokenLength || !overlongAsciiWord.test(value))) {
        encoded = value.toLowerCase().replace(asciiSeparators, ' ').trim();
        if (encoded !== '') {
          total++;
          for (let i = encoded.indexOf(' '); i !== -1; i = encoded.indexOf(' ', i + 1)) total++;
        }
      } else {
        const tokens = tokenize(value);
        total += tokens.length;
        encoded = encodeJoined(tokens, false);
      }
      if (total > maxOccurrences) return fts5Row(tokenizeDocument(doc), workspaceId);
      text = v === 0 ? encoded : `${text} ${fillerToken} ${encoded}`;
    }
    row[field] = text;
  }
  return row;
}
