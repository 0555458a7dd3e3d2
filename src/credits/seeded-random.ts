import { SeededRandom } from '../core/seeded-random.ts';

/** A seeded stream in [0, 1) (mulberry32, src/core/seeded-random.ts): the same seed gives the same forecast band. */
export function seededRandom(seed: number): () => number {
  const r = new SeededRandom(seed);
  return () => r.next();
}
