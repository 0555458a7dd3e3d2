/**
 * Deterministic pseudo-random numbers from a seed and a key: the same
 * (seed, parts...) always gives the same stream, on every platform, with no
 * global state. FNV-1a hashes the key to 32 bits; a splitmix32 stream draws
 * from it. Good enough for simulation, not for secrets.
 */
export type RandomStream = () => number;

export function hashKey(parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.map(String).join('\u241f');
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A stream of uniform numbers in [0, 1) for this key. */
export function seededStream(...parts: ReadonlyArray<string | number>): RandomStream {
  let state = hashKey(parts);
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  };
}
