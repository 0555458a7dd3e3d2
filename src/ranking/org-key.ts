import { normaliseText } from './text-normalise.ts';

/** Organisation names compared loosely: case, accents and legal suffixes ignored. */
export function orgKey(name: string): string {
  // the same employers and schools come up across thousands of profiles
  let key = cache.get(name);
  if (key === undefined) {
    key = orgKeyUncached(name);
    if (cache.size > 50_000) cache.clear();
    cache.set(name, key);
  }
  return key;
}

const cache = new Map<string, string>();

function orgKeyUncached(name: string): string {
  return normaliseText(name)
    .replace(/\b(inc|ltd|limited|llc|gmbh|ag|se|kg|plc|corp|corporation|co|sa|nv|bv|ab|oy|srl|pty|the|university of|universitat|universitaet)\b\.?/g, ' ')
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
