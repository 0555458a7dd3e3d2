import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemoCandidates } from '../candidates/demo-data.ts';
import { fts5Row, fts5RowForDocument } from './fts5-row.ts';
import { vocabularyText } from './query-arbitraries.ts';
import { candidateArbitrary } from '../candidates/candidate-arbitraries.ts';
import { type SearchDocument } from './search-document.ts';
import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
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

describe('fts5RowForDocument', () => {
  const tricky = fc.string({ unit: fc.constantFrom('c', '+', '#', '.', 'N', 'e', 't', ' ', '-', '/', 'a', 'B', '2', 'é', 'ß', '&', 'x', '_', '9'), maxLength: 30 });
  const value = fc.oneof(
    vocabularyText,
    tricky,
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('x'.repeat(101), `Go ${'Y'.repeat(150)} Rust`, 'c++ '.repeat(300), 'java '.repeat(260), ' - ', ''),
  );
  const document = fc.record(Object.fromEntries(searchFieldNames.map((f) => [f, fc.array(value, { maxLength: 3 })]))) as unknown as fc.Arbitrary<SearchDocument>;

  it('property: the same row as tokenizing the document first', () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(fts5RowForDocument(doc, 'w')).toEqual(fts5Row(tokenizeDocument(doc), 'w'));
      }),
      { numRuns: 1500 },
    );
  });

  it('property: the same row for generated candidates and demo profiles', () => {
    fc.assert(
      fc.property(candidateArbitrary, (c) => {
        const doc = searchDocumentFor(c);
        expect(fts5RowForDocument(doc, 'default')).toEqual(fts5Row(tokenizeDocument(doc), 'default'));
      }),
      { numRuns: 500 },
    );
    for (const c of generateDemoCandidates(300, 4)) {
      const doc = searchDocumentFor(c);
      expect(fts5RowForDocument(doc, 'default')).toEqual(fts5Row(tokenizeDocument(doc), 'default'));
    }
  });
});
