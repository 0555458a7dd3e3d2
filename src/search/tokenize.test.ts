import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText, isProtectedToken, maxTokenLength, tokenize, tokenizerFor } from './tokenize.ts';
import { protectedTokens } from './protected-tokens.ts';

describe('tokenize', () => {
  it('folds case and diacritics', () => {
    expect(tokenize('José MÜLLER Ørsted Straße Łódź')).toEqual(['jose', 'muller', 'orsted', 'strasse', 'lodz']);
    expect(tokenize('ﬁnance ＳＱＬ')).toEqual(['finance', 'sql']);
  });

  it('splits on any punctuation that is not part of a protected token', () => {
    expect(tokenize('front-end, e-commerce; full_stack (remote)')).toEqual(['front', 'end', 'e', 'commerce', 'full', 'stack', 'remote']);
  });

  it('keeps every protected tech token whole', () => {
    for (const t of protectedTokens) {
      expect(tokenize(t.toUpperCase())).toEqual([t]);
      expect(tokenize(`I know ${t}, really`)).toEqual(['i', 'know', t, 'really']);
      expect(isProtectedToken(t)).toBe(true);
    }
  });

  it('never turns C++ into C or .NET into net', () => {
    expect(tokenize('C++ and C')).toEqual(['c++', 'and', 'c']);
    expect(tokenize('.NET and net')).toEqual(['.net', 'and', 'net']);
    expect(tokenize('C#/F#')).toEqual(['c#', 'f#']);
    expect(tokenize('ASP.NET')).toEqual(['asp.net']);
  });

  it('recognises protected tokens only where they stand alone', () => {
    expect(tokenize('example.net')).toEqual(['example', 'net']);
    expect(tokenize('.network')).toEqual(['network']);
    expect(tokenize('abc++')).toEqual(['abc']);
    expect(tokenize('C++17')).toEqual(['c++', '17']);
    expect(tokenize('b2bx b2b')).toEqual(['b2bx', 'b2b']);
    expect(tokenize('(node.js)')).toEqual(['node.js']);
  });

  it('cuts very long words to the maximum token length', () => {
    expect(tokenize('x'.repeat(150))).toEqual(['x'.repeat(maxTokenLength)]);
  });

  it('keeps letters outside the Basic Multilingual Plane', () => {
    expect(tokenize('𠀀𠀁 日本語')).toEqual(['𠀀𠀁', '日本語']);
  });

  it('takes the protected list as data', () => {
    const t = tokenizerFor(['vb.net', 'c++']);
    expect(t('VB.NET and C++')).toEqual(['vb.net', 'and', 'c++']);
  });

  it('property: tokens are folded, non-empty, and re-tokenize to themselves', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        for (const t of tokenize(s)) {
          expect(t.length).toBeGreaterThan(0);
          expect(foldText(t)).toBe(t);
          expect(tokenize(t)).toEqual([t]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  const tricky = fc.string({
    unit: fc.constantFrom('c', '+', '#', '.', 'n', 'e', 't', ' ', '-', '/', 'a', 'b', '2', 's', 'q', 'l', 'j', 'é', 'ß', 'İ', 'Ø', '&', 'd', 'r', 'C', 'N'),
    maxLength: 40,
  });

  it('property: tricky punctuation re-tokenizes to itself', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const tokens = tokenize(s);
        for (const t of tokens) expect(tokenize(t)).toEqual([t]);
        expect(tokenize(tokens.join(' '))).toEqual(tokens);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the ASCII fast path splits exactly like the Unicode path', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ maxLength: 40 })), (s) => {
        // a trailing non-ASCII word forces the Unicode path for the same text
        expect(tokenize(`${s} é`)).toEqual([...tokenize(s), 'e']);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the ASCII pattern gives what the Unicode pattern gives', () => {
    const reference = tokenizerFor(protectedTokens);
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (s) => {
        expect(tokenize(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('property: on ASCII text built from protected tokens and their neighbours, the scanner gives what the Unicode pattern gives', () => {
    const reference = tokenizerFor(protectedTokens);
    const pieces = [...protectedTokens, ...protectedTokens.map((t) => t.toUpperCase()), ' ', 'x', 'Q', '1', '.', '+', '#', '/', '-', '&', '_', 'net', 'js', 'c', 'a'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(tokenize(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('property: joining tokens with spaces gives the same tokens back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const tokens = tokenize(s);
        expect(tokenize(tokens.join(' '))).toEqual(tokens);
      }),
      { numRuns: 2000 },
    );
  });
});
