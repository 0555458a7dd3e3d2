import { fieldLexeme, quoteLexeme } from './compile-tsquery.ts';
import { searchFieldSpec } from './search-fields.ts';
import { positionedTokens, type TokenizedDocument } from './tokenized-document.ts';

/**
 * The tsvector literal for a tokenized document: every token at its position
 * (one empty position between values, so `<->` never joins two values), and
 * the same position again under the token's field lexeme (`~ti~java`) for
 * field filters. Weights follow the field table (title A, skill B, headline C,
 * the rest D) for ts_rank.
 */
export function tsvectorLiteral(doc: TokenizedDocument): string {
  const lexemes = new Map<string, string[]>();
  const add = (lexeme: string, entry: string) => {
    const list = lexemes.get(lexeme);
    if (list) list.push(entry);
    else lexemes.set(lexeme, [entry]);
  };
  for (const { field, token, position } of positionedTokens(doc)) {
    const entry = `${position}${searchFieldSpec(field).pgWeight}`;
    add(token, entry);
    add(fieldLexeme(field, token), entry);
  }
  const parts: string[] = [];
  for (const [lexeme, entries] of lexemes) parts.push(`${quoteLexeme(lexeme)}:${entries.join(',')}`);
  return parts.join(' ');
}
