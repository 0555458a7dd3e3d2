import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseMessageWhitespace } from './message-whitespace.ts';

describe('normaliseMessageWhitespace', () => {
  it('collapses spaces, trims lines, keeps at most one blank line, removes a space before punctuation', () => {
    expect(normaliseMessageWhitespace('  Hi  Ana ,\r\n\r\n\r\n  I saw\tyour post .  \n')).toBe('Hi Ana,\n\nI saw your post.');
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\t', ',', '.', '!', '\u00a0', 'é') }), (s) => normaliseMessageWhitespace(normaliseMessageWhitespace(s)) === normaliseMessageWhitespace(s)));
  });
  it('never leaves double spaces, leading/trailing whitespace or three newlines in a row', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('x', ' ', '\n', '\t', '.', '\r') }), (s) => {
        const n = normaliseMessageWhitespace(s);
        return !n.includes('  ') && n === n.trim() && !n.includes('\n\n\n') && !/ \n|\n /.test(n);
      }),
    );
  });
  it('keeps every word in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 10 }), fc.array(fc.constantFrom(' ', '  ', '\n', '\t '), { minLength: 10, maxLength: 10 }), (words, gaps) => {
        const text = words.map((w, i) => w + gaps[i]).join('');
        return normaliseMessageWhitespace(text).split(/\s+/).filter(Boolean).join(' ') === words.join(' ');
      }),
    );
  });
});
