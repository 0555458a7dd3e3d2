/**
 * Text normalisation shared by the taxonomy lookups: lower case, diacritics
 * removed, punctuation other than the characters that make tech tokens
 * (`+ # . / & -`) turned into spaces, runs of spaces collapsed.
 */
export function normaliseTaxonomyText(raw: string): string {
  // NFKD leaves ASCII as it is: skip the Unicode decomposition for the usual ASCII text
  return (nonAscii.test(raw) ? raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : raw)
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
export function taxonomyTokens(raw: string): Array<{ norm: string; original: string }> {
  const out: Array<{ norm: string; original: string }> = [];
  // most profile text is ASCII: skip the Unicode decomposition then
  const text = nonAscii.test(raw) ? raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : raw;
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(text); m !== null; m = tokenPattern.exec(text)) {
    let t = m[0];
    // strip trailing sentence punctuation and leading separators (keep the leading '.' of .net, trailing + and #)
    const last = t.charCodeAt(t.length - 1);
    if (last === 46 || last === 47 || last === 38 || last === 45) t = t.replace(/[./&\-]+$/, '');
    const first = t.charCodeAt(0);
    if (first === 47 || first === 38 || first === 45 || first === 43 || first === 35) t = t.replace(/^[/&\-+#]+/, '');
    if (t.charCodeAt(0) === 46 && !/^\.[a-z]/i.test(t)) t = t.replace(/^\.+/, '');
    if (!t) continue;
    out.push({ norm: t.toLowerCase(), original: t });
  }
  return out;
}

const tokenPattern = /[A-Za-z0-9+#./&\-]+/g;
const nonAscii = /[^\x00-\x7f]/;
