/**
 * A function remembered per argument, for the lookups ranking repeats across
 * thousands of profiles (the same titles, employers, skills, time zones). The
 * memory is bounded: past `maxEntries` it starts over rather than grow without
 * end on a long-running server.
 */
export function boundedMemo<V>(compute: (key: string) => V, maxEntries: number): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, value);
    }
    return value as V;
  };
}
