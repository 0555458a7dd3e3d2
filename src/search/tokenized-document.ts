import type { SearchDocument } from './search-document.ts';
import { searchFieldNames, searchFieldSpec, type SearchField } from './search-fields.ts';
import { tokenize } from './tokenize.ts';

/**
 * A search document split into tokens, as every backend indexes it and the
 * reference evaluator reads it. Per field, its values; per value, its tokens,
 * with `null` where an occurrence is left out of the index.
 *
 * The index limits of the strictest backend (PostgreSQL tsvector: positions
 * up to 16,383, at most 256 positions per lexeme, about 1 MB per vector) are
 * applied here, once, so all backends and the evaluator see the same words:
 * - positions run over the fields in table order and the values in order,
 *   with one empty position after each value (so phrases never join values);
 * - a token's 257th and later occurrences are left out (null);
 * - the document is cut where a position would pass 16,383 or the size
 *   estimate would pass `maxIndexBytes`.
 * Real profiles are far below these limits.
 */
export type TokenizedDocument = Record<SearchField, ReadonlyArray<ReadonlyArray<string | null>>>;

export const maxIndexPosition = 16383;
export const maxOccurrences = 256;
export const maxIndexBytes = 800_000;

/** Documents in which the limits left something out (the only ones with null tokens). */
const limited = new WeakSet<TokenizedDocument>();

/** Whether any token of the document is null (left out by the index limits). */
export function hasLeftOutTokens(doc: TokenizedDocument): boolean {
  return limited.has(doc);
}

export function tokenizeDocument(doc: SearchDocument): TokenizedDocument {
  const out = {} as Record<SearchField, Array<Array<string | null>>>;
  let total = 0;
  for (const field of searchFieldNames) {
    out[field] = doc[field].map((value) => {
      const tokens = tokenize(value);
      total += tokens.length;
      return tokens;
    });
  }
  // No limit can apply to a document this small (each token is at most
  // maxTokenLength code points); that is nearly every real profile.
  if (total <= maxOccurrences) return out;
  return applyIndexLimits(out);
}

function applyIndexLimits(doc: Record<SearchField, Array<Array<string | null>>>): TokenizedDocument {
  const occurrences = new Map<string, number>();
  const fieldTokens = new Set<string>();
  let position = 1;
  let bytes = 0;
  let full = false;
  for (const field of searchFieldNames) {
    const code = searchFieldSpec(field).code;
    const values = doc[field];
    for (let v = 0; v < values.length; v++) {
      if (full) {
        values.length = v;
        break;
      }
      const tokens = values[v];
      for (let t = 0; t < tokens.length; t++) {
        const token = tokens[t] as string;
        const seen = occurrences.get(token) ?? 0;
        let cost = 4;
        const byteLength = Buffer.byteLength(token);
        if (seen === 0) cost += byteLength + 8;
        const fieldKey = `${code}~${token}`;
        if (!fieldTokens.has(fieldKey)) cost += byteLength + 12;
        if (position > maxIndexPosition || bytes + cost > maxIndexBytes) {
          full = true;
          tokens.length = t;
          break;
        }
        bytes += cost;
        fieldTokens.add(fieldKey);
        occurrences.set(token, seen + 1);
        if (seen >= maxOccurrences) {
          tokens[t] = null;
          limited.add(doc);
        }
        position++;
      }
      position++;
    }
  }
  return doc;
}

/**
 * The PostgreSQL positions of a tokenized document's tokens, by the same rule
 * tokenizeDocument counts them: 1-based, one empty position after each value.
 */
export function* positionedTokens(doc: TokenizedDocument): Generator<{ field: SearchField; token: string; position: number }> {
  let position = 1;
  for (const field of searchFieldNames) {
    for (const value of doc[field]) {
      for (const token of value) {
        if (token !== null) yield { field, token, position };
        position++;
      }
      position++;
    }
  }
}
