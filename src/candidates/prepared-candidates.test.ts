import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fts5RowForDocument } from '../search/fts5-row.ts';
import { searchDocumentFor } from './candidate-search-document.ts';
import { candidateArbitrary } from './candidate-arbitraries.ts';
import type { CandidateInput } from './candidate.ts';
import { candidateColumns } from './candidate-columns.ts';
import { generateDemoCandidates } from './demo-data.ts';
import {
  packPreparedBatch,
  preparedCandidatesOf,
  preparedEmails,
  preparedFts5Row,
  preparedInput,
  preparedProfileUrl,
  preparedRow,
  prepareCandidates,
  unpackPreparedBatch,
} from './prepared-candidates.ts';

// text with the characters the packed form uses as separators and markers, and others the tokenizer treats specially
const awkwardText = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\u0001', '\u0002', '\u0003', 'é', '+', '#', '.', '1'), maxLength: 12 });

const inputArbitrary: fc.Arbitrary<CandidateInput> = fc
  .record({
    base: candidateArbitrary,
    name: fc.oneof(fc.constant(null), awkwardText),
    profileUrl: fc.constantFrom(null, 'https://www.linkedin.com/in/ada-l', 'https://www.linkedin.com/in/x\u0001y'),
    emails: fc.subarray(['ada@example.com', 'grace@example.com', 'x\u0002@example.com']),
    lastActive: fc.constantFrom(null, '2026-10-01'),
    mutualConnections: fc.nat({ max: 500 }),
  })
  .map(({ base, name, profileUrl, emails, lastActive, mutualConnections }) => ({
    ...base,
    name: name ?? base.name,
    profileUrl,
    emails,
    linkedin: { ...base.linkedin, lastActive, mutualConnections },
  }));

describe('prepared candidates', () => {
  it('hold exactly the row, FTS5 row, profile URL and emails the store would build from the input', () => {
    fc.assert(
      fc.property(fc.array(inputArbitrary, { maxLength: 6 }), fc.constantFrom('default', 'ws2'), (inputs, ws) => {
        const prepared = preparedCandidatesOf(prepareCandidates(inputs, ws));
        expect(prepared).toHaveLength(inputs.length);
        prepared.forEach((p, i) => {
          const input = inputs[i];
          expect(preparedRow(p, ws, 'now')).toEqual({ workspace_id: ws, ...candidateColumns(input), imported_at: 'now', updated_at: 'now' });
          expect(preparedFts5Row(p)).toEqual(fts5RowForDocument(searchDocumentFor(input), ws));
          expect(preparedProfileUrl(p)).toBe(input.profileUrl);
          expect(preparedEmails(p)).toEqual(input.emails);
          expect(candidateColumns(preparedInput(p))).toEqual(candidateColumns(input));
        });
      }),
    );
  });

  it('come back unchanged from their packed form, whatever characters the text holds', () => {
    fc.assert(
      fc.property(fc.array(inputArbitrary, { maxLength: 6 }), (inputs) => {
        const batch = prepareCandidates(inputs, 'default');
        expect(unpackPreparedBatch(structuredClone(packPreparedBatch(batch)))).toEqual(batch);
      }),
    );
    const demo = prepareCandidates([...generateDemoCandidates(50, 3)], 'default');
    expect(unpackPreparedBatch(structuredClone(packPreparedBatch(demo)))).toEqual(demo);
  });
});
