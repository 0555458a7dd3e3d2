import { protectedTokens } from './protected-tokens.ts';

/**
 * The one tokenizer shared by indexing and querying, so a profile and a query
 * always agree on what the words are:
 * - text is folded: Unicode compatibility decomposition, diacritics removed,
 *   lower case, and a few letters without a decomposition spelled out
 *   (`ß` → `ss`, `ø` → `o`), so `José` and `jose` are the same word;
 * - a word is a run of letters and digits; any other character separates words;
 * - protected tech tokens (`c++`, `.net`, `node.js`, ...) are kept whole when
 *   they stand on their own: not preceded by a letter or digit, and, when they
 *   end in a letter or digit, not followed by one (`c++17` is `c++` `17`,
 *   `example.net` is `example` `net`, `.network` is `network`);
 * - a token longer than `maxTokenLength` code points is cut to that length
 *   (the backends have lexeme size limits; nobody searches 100-letter words).
 */
export const maxTokenLength = 100;

const foldMap: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
};
const foldMapPattern = new RegExp(`[${Object.keys(foldMap).join('')}]`, 'gu');
const asciiOnly = /^[\x00-\x7f]*$/;
const combiningMarks = /\p{M}/gu;

/** Case and diacritic folding, applied to whole texts before splitting. */
export function foldText(text: string): string {
  if (asciiOnly.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(combiningMarks, '')
    .replace(foldMapPattern, (ch) => foldMap[ch] ?? ch);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const wordChar = '[\\p{L}\\p{N}]';
const asciiWordChar = '[a-z0-9]';
const isWordCharAtEnd = /[\p{L}\p{N}]$/u;

/**
 * The token pattern: protected tokens (longest first, with their boundary
 * rules) before plain words. An ASCII-only twin, without Unicode classes, is
 * several times faster and serves ASCII texts (nearly all profile text).
 */
function buildTokenPattern(tokens: readonly string[], ascii: boolean): RegExp {
  const w = ascii ? asciiWordChar : wordChar;
  const alternatives = [...new Set(tokens.map(foldText))]
    .filter((t) => t.length > 0 && (!ascii || asciiOnly.test(t)))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((t) => escapeRegExp(t) + (isWordCharAtEnd.test(t) ? `(?!${w})` : ''));
  const protectedPart = alternatives.length ? `(?<!${w})(?:${alternatives.join('|')})|` : '';
  return new RegExp(`${protectedPart}${w}+`, ascii ? 'g' : 'gu');
}

const tokenPattern = buildTokenPattern(protectedTokens, false);
const asciiTokenPattern = buildTokenPattern(protectedTokens, true);
const protectedSet: ReadonlySet<string> = new Set(protectedTokens.map(foldText));
/** Whether a (folded) token is one of the protected tech tokens rather than a plain word. */
export function isProtectedToken(token: string): boolean {
  return protectedSet.has(token);
}

function capLength(token: string): string {
  if (token.length <= maxTokenLength) return token;
  const cps = Array.from(token);
  return cps.length <= maxTokenLength ? token : cps.slice(0, maxTokenLength).join('');
}

/** The tokens of a text, in order: folded words and protected tokens. */
export function tokenize(text: string): string[] {
  if (asciiOnly.test(text)) return matchAll(asciiTokenPattern, text.toLowerCase());
  return matchAll(tokenPattern, foldText(text));
}

function matchAll(pattern: RegExp, folded: string): string[] {
  const tokens = folded.match(pattern);
  if (tokens === null) return [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i].length > maxTokenLength) tokens[i] = capLength(tokens[i]);
  return tokens;
}

/**
 * For tests and tools: a tokenizer over another protected list (the shipped
 * one is data in protected-tokens.ts), always through the Unicode pattern.
 */
export function tokenizerFor(tokens: readonly string[]): (text: string) => string[] {
  const pattern = buildTokenPattern(tokens, false);
  return (text) => matchAll(pattern, foldText(text));
}
