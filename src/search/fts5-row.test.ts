import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fts5Row } from './fts5-row.ts';
import { candidateArbitrary } from './search-arbitraries.ts';
import { searchDocumentFor } from './search-document.ts';
import { searchFieldNames } from './search-fields.ts';
import { encodeStorageToken, fillerToken } from './storage-token.ts';
import { tokenizeDocument } from './tokenized-document.ts';

describe('fts5Row', () => {
  it('encodes protected tokens and separates values with the filler', () => {
    const row = fts5Row(tokenizeDocument(searchDocumentFor({ ...candidate(), skills: ['C++', '.NET', 'Node.js developer'] })), 'default');
    expect(row.skill).toBe('c_2b__2b_ _ _2e_net _ node_2e_js developer');
  });

  it('writes the filler for occurrences left out of the index', () => {
    const row = fts5Row(tokenizeDocument(searchDocumentFor({ ...candidate(), summary: 'c++ '.repeat(300) })), 'default');
    const tokens = row.summary.split(' ');
    expect(tokens).toHaveLength(300);
    expect(tokens[255]).toBe('c_2b__2b_');
    expect(tokens[256]).toBe(fillerToken);
  });

  it('property: the same as encoding token by token', () => {
    fc.assert(
      fc.property(candidateArbitrary, (c) => {
        const doc = tokenizeDocument(searchDocumentFor(c));
        const row = fts5Row(doc, 'w');
        for (const f of searchFieldNames) {
          const expected = doc[f].map((v) => v.map((t) => (t === null ? fillerToken : encodeStorageToken(t))).join(' ')).join(` ${fillerToken} `);
          expect(row[f]).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

function candidate() {
  return { name: '', firstName: '', lastName: '', headline: '', summary: '', location: { city: '', region: '', country: '', timeZone: '' }, positions: [], education: [], skills: [] };
}
