import { DateTime } from 'luxon';

/**
 * UTC offset of an IANA zone in hours at a given instant (DST included), or
 * null for an unknown zone. `Etc/GMT-2` style zones work too.
 */
export function timeZoneOffsetHours(zone: string, at: Date): number | null {
  if (!zone) return null;
  // offsets change at most hourly: cache per zone and hour (ranking asks the same few zones thousands of times)
  const key = `${zone}|${Math.floor(at.getTime() / 3_600_000)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const dt = DateTime.fromJSDate(at, { zone });
  const value = dt.isValid ? dt.offset / 60 : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(key, value);
  return value;
}

const cache = new Map<string, number | null>();

/** Hours between two zones' clocks (0..12, the short way round), null when either is unknown. */
export function timeZoneGapHours(a: string, b: string, at: Date): number | null {
  const oa = timeZoneOffsetHours(a, at);
  const ob = timeZoneOffsetHours(b, at);
  if (oa === null || ob === null) return null;
  const d = Math.abs(oa - ob) % 24;
  return Math.min(d, 24 - d);
}
