import { foldText } from './text-mentions.ts';
import { fnv1a } from './variant-assignment.ts';

/**
 * Near-duplicate detection across a batch of messages: two texts are near
 * duplicates when, with each recipient's own name masked, the Jaccard
 * similarity of their word 3-gram sets is at least the threshold. Candidate
 * pairs come from MinHash locality-sensitive hashing (8 bands of 4) and
 * each member of a bucket is compared with the first member of each group
 * found so far, so a batch of thousands stays near linear. Every link is
 * verified exactly; identical masked texts are always grouped. Numbers are
 * masked too ("39 mutual connections" and "48 mutual connections" read the same).
 */
export interface DuplicateInput {
  key: string;
  text: string;
  /** words to mask before comparing (the recipient's names) */
  names: readonly string[];
}

export const nearDuplicateThreshold = 0.8;
const bands = 8;
const rows = 4;
const maxLeaders = 16;

/** Groups (2 or more keys, in input order) of messages that are near duplicates of each other. */
export function findNearDuplicates(items: readonly DuplicateInput[], threshold = nearDuplicateThreshold): string[][] {
  const shingles = items.map((it) => shingleHashes(shingleSet(it.text, it.names)));
  const signatures = shingles.map(minHash);
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < items.length; i++) {
      if (shingles[i]!.length === 0) continue;
      const sig = signatures[i]!;
      const key = `${sig[b * rows]},${sig[b * rows + 1]},${sig[b * rows + 2]},${sig[b * rows + 3]}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    // leader clustering inside a bucket: each member is compared with the first
    // member of every group seen so far in the bucket (at most maxLeaders), not
    // with every member, so a bucket of many similar notes stays linear
    for (const members of buckets.values()) {
      if (members.length < 2) continue;
      const leaders: number[] = [];
      for (const i of members) {
        let joined = false;
        for (const l of leaders) {
          if (find(l) === find(i) || sortedJaccard(shingles[l]!, shingles[i]!) >= threshold) {
            parent[find(i)] = find(l);
            joined = true;
            break;
          }
        }
        if (!joined && leaders.length < maxLeaders) leaders.push(i);
      }
    }
  }
  const groups = new Map<number, string[]>();
  for (let i = 0; i < items.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(items[i]!.key);
    else groups.set(r, [items[i]!.key]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

export function shingleSet(text: string, names: readonly string[]): Set<string> {
  const masked = new Set(names.flatMap((n) => words(n)));
  const ws = words(text).map((w) => (masked.has(w) ? '<name>' : /^\p{N}+$/u.test(w) ? '<n>' : w));
  const out = new Set<string>();
  if (ws.length === 0) return out;
  if (ws.length < 3) {
    out.add(ws.join(' '));
    return out;
  }
  for (let i = 0; i + 3 <= ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const hashCount = bands * rows;
// fixed odd multipliers and offsets: the same text always gets the same signature
const multipliers = Array.from({ length: hashCount }, (_, i) => (fnv1a(`m${i}`) | 1) >>> 0);
const offsets = Array.from({ length: hashCount }, (_, i) => fnv1a(`o${i}`));

/** Sorted distinct 32-bit hashes of the shingles: Jaccard by merging two sorted arrays. */
function shingleHashes(set: ReadonlySet<string>): Uint32Array {
  const hashes = Uint32Array.from(set, (s) => fnv1a(s)).sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[n - 1]) hashes[n++] = hashes[i]!;
  return hashes.subarray(0, n);
}

function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

function minHash(hashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(hashCount).fill(0xffffffff);
  for (const h of hashes) {
    for (let k = 0; k < hashCount; k++) {
      let v = (Math.imul(h ^ offsets[k]!, multipliers[k]!) >>> 0);
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      v ^= v >>> 12;
      if (v < sig[k]!) sig[k] = v >>> 0;
    }
  }
  return sig;
}
