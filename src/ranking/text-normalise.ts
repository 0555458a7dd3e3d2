/**
 * Text normalisation shared by the taxonomy lookups: lower case, diacritics
 * removed, punctuation other than the characters that make tech tokens
 * (`+ # . / & -`) turned into spaces, runs of spaces collapsed.
 */
export function normaliseText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#./&\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits free text into tokens for n-gram lookups. Tech tokens keep their
 * inner punctuation (`c++`, `node.js`, `ci/cd`, `.net`), but trailing sentence
 * punctuation is dropped ("Kubernetes." -> "kubernetes"). `original` keeps the
 * token as written (for case-sensitive aliases such as `Go`).
 */
export function tokenise(raw: string): Array<{ norm: string; original: string }> {
  const out: Array<{ norm: string; original: string }> = [];
  const deaccented = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const m of deaccented.matchAll(/[A-Za-z0-9+#./&\-]+/g)) {
    let t = m[0];
    // strip leading/trailing punctuation that is not part of a token (keep leading '.' of .net, trailing + and #)
    t = t.replace(/[./&\-]+$/, '').replace(/^[/&\-+#]+/, '');
    if (t.startsWith('.') && !/^\.[a-z]/i.test(t)) t = t.replace(/^\.+/, '');
    if (!t) continue;
    out.push({ norm: t.toLowerCase(), original: t });
  }
  return out;
}
