import { SeededRandom } from '../core/seeded-random.ts';

/** A small deterministic random stream (mulberry32, src/core/seeded-random.ts) keyed by any parts: same parts, same numbers. */
export function seededRng(...parts: ReadonlyArray<string | number>): () => number {
  let h = 2166136261;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  const r = new SeededRandom(h);
  return () => r.next();
}
