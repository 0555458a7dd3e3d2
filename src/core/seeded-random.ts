/**
 * The one seeded random module: a small pseudo-random generator
 * (mulberry32) and streams of it keyed by a number or by any parts (FNV-1a
 * over the parts). The same seed or key gives the same numbers on every
 * machine, with no global state, so demo data, plans, forecasts and
 * simulations are reproducible. Not for anything secret. A class (not
 * closures) so hot loops can reseed one instance instead of allocating one
 * per record.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** start the sequence of another seed */
  reseed(seed: number): void {
    this.state = seed >>> 0;
  }

  /** a float in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** a whole number in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** one element of a non-empty array */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** true with probability p */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export function seededRandom(seed: number): SeededRandom {
  return new SeededRandom(seed);
}

/** A stream of uniform numbers in [0, 1). */
export type RandomStream = () => number;

/** The stream of a numeric seed. */
export function randomStream(seed: number): RandomStream {
  const r = new SeededRandom(seed);
  return () => r.next();
}

/** A 32-bit key for any parts (FNV-1a over them, joined by a separator no part holds in practice). */
export function hashKey(parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.map(String).join('\u241f');
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The stream keyed by these parts: same parts, same numbers (a seat's day, a sandbox answer). */
export function keyedRandomStream(...parts: ReadonlyArray<string | number>): RandomStream {
  return randomStream(hashKey(parts));
}
