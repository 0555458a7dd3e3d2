import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SeededRandom, keyedRandomStream, randomStream } from './seeded-random.ts';

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

  it('property: a keyed stream is the same for the same parts, stays in [0, 1), and parts that differ give another stream', () => {
    const part = fc.oneof(fc.string({ maxLength: 12 }), fc.integer());
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.array(part, { minLength: 1, maxLength: 4 }), (a, b) => {
        const take = (s: () => number) => Array.from({ length: 8 }, s);
        const xs = take(keyedRandomStream(...a));
        expect(take(keyedRandomStream(...a))).toEqual(xs);
        expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
        if (a.map(String).join('\u241f') !== b.map(String).join('\u241f')) expect(take(keyedRandomStream(...b))).not.toEqual(xs);
      }),
    );
  });

  it('a numeric stream is the generator of that seed', () => {
    const r = new SeededRandom(42);
    const s = randomStream(42);
    for (let i = 0; i < 5; i++) expect(s()).toBe(r.next());
  });
});
