/**
 * Whether a text mentions a term as whole words, ignoring case and accents:
 * "Rust" is mentioned in "your Rust work" but not in "trusted".
 */
export function mentions(text: string, term: string): boolean {
  return mentionsFolded(foldText(text), term);
}

/** `mentions` on a text already passed through foldText (fold once, test many terms). */
export function mentionsFolded(foldedText: string, term: string): boolean {
  const t = foldText(term).trim();
  if (!t) return false;
  let from = 0;
  for (;;) {
    const i = foldedText.indexOf(t, from);
    if (i < 0) return false;
    const before = i === 0 ? '' : foldedText[i - 1]!;
    const after = foldedText[i + t.length] ?? '';
    const boundaryBefore = !isWordChar(before) || !isWordChar(t[0]!);
    const boundaryAfter = !isWordChar(after) || !isWordChar(t[t.length - 1]!);
    if (boundaryBefore && boundaryAfter) return true;
    from = i + 1;
  }
}

/** Lower case without accents; plain ASCII skips the Unicode work. */
export function foldText(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function isWordChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{N}]/u.test(ch);
}
