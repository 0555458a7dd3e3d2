/**
 * Career dates as month numbers (year * 12 + month - 1) so intervals and
 * tenures are simple arithmetic. 'YYYY' counts as January, 'YYYY-MM-DD' as
 * its month.
 */
export function careerMonthIndex(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : 1;
  if (month < 1 || month > 12) return null;
  return Number(m[1]) * 12 + month - 1;
}

export function careerMonthIndexOfDate(d: Date): number {
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Days between a 'YYYY-MM-DD' (or shorter) date and now; null when unparseable. */
export function daysSince(date: string, now: Date): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), (m[2] ? Number(m[2]) : 1) - 1, m[3] ? Number(m[3]) : 1);
  return Math.floor((now.getTime() - t) / 86_400_000);
}

/**
 * Years covered by a set of [start, end) month intervals, overlaps counted
 * once (two jobs at the same time are not two years of experience).
 */
export function coveredYears(intervals: Array<[number, number]>): number {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [a, b] of sorted) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else curEnd = Math.max(curEnd, b);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total / 12;
}
