/**
 * Career dates as profiles carry them: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
 * Importers accept a few common spellings and reduce them to that form; an
 * end date of 'Present' (or empty) means the position is current (null).
 */
export type CareerDateResult = { ok: true; value: string | null } | { ok: false; reason: string };

const presentWords = new Set(['', 'present', 'current', 'now', 'today', 'ongoing']);

export function parseCareerDate(raw: unknown): CareerDateResult {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (typeof raw !== 'string') return { ok: false, reason: `expected a date string, got ${typeof raw}` };
  const s = raw.trim();
  if (presentWords.has(s.toLowerCase())) return { ok: true, value: null };
  // 2019, 2019-03, 2019-03-01, and ISO timestamps (2019-03-01T00:00:00Z) reduced to the day
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(s);
  if (m) {
    const [, y, mo, d] = m;
    if (mo && (Number(mo) < 1 || Number(mo) > 12)) return { ok: false, reason: `'${s}' has no month ${mo}` };
    if (d && (Number(d) < 1 || Number(d) > 31)) return { ok: false, reason: `'${s}' has no day ${d}` };
    return { ok: true, value: [y, mo, d].filter(Boolean).join('-') };
  }
  // 03/2019 or 3/2019 (month/year, as many exports write it)
  const my = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12) return { ok: true, value: `${my[2]}-${my[1].padStart(2, '0')}` };
  return { ok: false, reason: `'${s}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)` };
}
