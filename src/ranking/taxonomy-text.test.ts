import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseTaxonomyText } from './taxonomy-text.ts';

/** The normalisation spelled out without the ASCII shortcut. */
const reference = (raw: string) =>
  raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#./&\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('normaliseTaxonomyText', () => {
  it('removes accents and case, keeps tech punctuation', () => {
    expect(normaliseTaxonomyText('  Zürich  Ångström, C++ / Node.JS! ')).toBe('zurich angstrom c++ / node.js');
  });

  it('the ASCII shortcut gives what the full Unicode path gives, for any text', () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('Škoda', 'ﬁnance', 'Ｒｅａｃｔ', 'São Paulo', 'naïve café'));
    fc.assert(
      fc.property(text, (s) => {
        expect(normaliseTaxonomyText(s)).toBe(reference(s));
      }),
      { numRuns: 500 },
    );
  });
});
