import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseMessageWhitespace } from './message-whitespace.ts';

describe('normaliseMessageWhitespace', () => {
  it('collapses spaces, trims lines, keeps at most one blank line, removes a space before punctuation', () => {
    expect(normaliseMessageWhitespace('  Hi  Ana ,\r\n\r\n\r\n  I saw\tyour post .  \n')).toBe('Hi Ana,\n\nI saw your post.');
  });
  it('keeps the space before a mark that starts a word: .NET, .env, :) (#16 item 1)', () => {
    expect(normaliseMessageWhitespace("I'm hiring a Senior .NET Engineer .")).toBe("I'm hiring a Senior .NET Engineer.");
    expect(normaliseMessageWhitespace('Your talk on ASP .NET Core , and the .env trick :)')).toBe('Your talk on ASP .NET Core, and the .env trick :)');
    expect(normaliseMessageWhitespace('Hi Ana , great work !\nBest ,')).toBe('Hi Ana, great work!\nBest,');
    expect(normaliseMessageWhitespace('(see the role ) .')).toBe('(see the role ).');
  });
  it('property: a word that starts with a mark keeps the space before it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.constantFrom('.', ':', '!', '?', ',', ';'), fc.stringMatching(/^[A-Za-z]{1,8}$/), (before, mark, word) =>
        normaliseMessageWhitespace(`${before} ${mark}${word} end`) === `${before} ${mark}${word} end`,
      ),
    );
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
