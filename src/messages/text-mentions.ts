/**
 * Whether a text mentions a term as whole words, ignoring case and accents:
 * "Rust" is mentioned in "your Rust work" but not in "trusted".
 */
export function mentions(text: string, term: string): boolean {
  const t = fold(term).trim();
  if (!t) return false;
  const hay = fold(text);
  let from = 0;
  for (;;) {
    const i = hay.indexOf(t, from);
    if (i < 0) return false;
    const before = i === 0 ? '' : hay[i - 1]!;
    const after = hay[i + t.length] ?? '';
    if (!isWordChar(before) || !isWordChar(t[0]!)) {
      if (!isWordChar(after) || !isWordChar(t[t.length - 1]!)) return true;
    }
    from = i + 1;
  }
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function isWordChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{N}]/u.test(ch);
}
