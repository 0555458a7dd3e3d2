import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SeededRandom } from './seeded-random.ts';

describe('seeded random', () => {
  it('the same seed gives the same sequence; reseeding restarts it', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = new SeededRandom(seed);
        const b = new SeededRandom(seed);
        const xs = Array.from({ length: 20 }, () => a.next());
        expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
        a.reseed(seed);
        expect(Array.from({ length: 20 }, () => a.next())).toEqual(xs);
      }),
    );
  });

  it('next() stays in [0, 1) and int() in its bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, width) => {
        const r = new SeededRandom(seed);
        for (let i = 0; i < 10; i++) {
          const x = r.next();
          expect(x >= 0 && x < 1).toBe(true);
          const n = r.int(min, min + width);
          expect(n >= min && n <= min + width && Number.isInteger(n)).toBe(true);
        }
      }),
    );
  });
});
