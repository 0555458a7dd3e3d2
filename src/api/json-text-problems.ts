/**
 * What in a parsed JSON body cannot be stored as text, with the path to it:
 * a NUL character (PostgreSQL's text types refuse U+0000, SQLite keeps it
 * and C-string tools cut at it), a lone UTF-16 surrogate (`"\ud800"` is
 * valid JSON but no valid Unicode: UTF-8 cannot encode it and the drivers
 * silently turn it into U+FFFD), and nesting deeper than any body of this API
 * needs (deep values cost stack in every recursive reader after us). Keys
 * are checked as well as values. Pure; iterative, so depth cannot overflow.
 */
export interface TextProblem {
  /** keys and array indexes from the top of the body, as zod issues give them */
  path: string[];
  message: string;
}

/** Far more than any body of this API has (a campaign sequence is about 5 levels). */
export const maxJsonDepth = 64;

const loneSurrogate = /[\uD800-\uDFFF]/u;

/** A key as a path shows it: NUL and lone surrogates escaped, so the message itself is clean text. */
function shownKey(key: string): string {
  return key.replace(/\u0000|[\uD800-\uDFFF]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The problem with one string, or null. */
export function stringProblem(s: string): string | null {
  const nul = s.indexOf('\u0000');
  if (nul >= 0) return `contains a NUL character (U+0000) at index ${nul}, which text may not hold`;
  const m = loneSurrogate.exec(s);
  if (m) return `contains a lone UTF-16 surrogate (U+${m[0].charCodeAt(0).toString(16).toUpperCase()}) at index ${m.index}: not valid Unicode text`;
  return null;
}

export function jsonTextProblems(value: unknown, options: { maxDepth?: number; max?: number } = {}): TextProblem[] {
  const maxDepth = options.maxDepth ?? maxJsonDepth;
  const max = options.max ?? 10;
  const problems: TextProblem[] = [];
  // a node is a value to look at, or a key's problem waiting for its turn (so problems come out in document order)
  const stack: Array<{ value: unknown; path: string[]; keyProblem?: string }> = [{ value, path: [] }];
  while (stack.length > 0 && problems.length < max) {
    const { value: v, path, keyProblem } = stack.pop()!;
    if (keyProblem) {
      problems.push({ path, message: `its name ${keyProblem}` });
      continue;
    }
    if (typeof v === 'string') {
      const p = stringProblem(v);
      if (p) problems.push({ path, message: p });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth) {
      problems.push({ path, message: `nested more than ${maxDepth} levels deep` });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
    for (let k = entries.length - 1; k >= 0; k--) {
      const [key, child] = entries[k]!;
      const kp = Array.isArray(v) ? null : stringProblem(key);
      stack.push({ value: child, path: [...path, kp ? shownKey(key) : key] });
      if (kp) stack.push({ value: undefined, path: [...path, shownKey(key)], keyProblem: kp });
    }
  }
  return problems;
}
