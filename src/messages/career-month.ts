/**
 * Career dates ('YYYY', 'YYYY-MM', 'YYYY-MM-DD') as a count of months, for
 * tenure and "recent move" arithmetic. A year-only date is too vague to
 * congratulate anyone on a milestone, so it has no month.
 */
export function careerMonth(date: string | null): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return Number(m[1]) * 12 + (month - 1);
}

/** The year of a career date, precise or not. */
export function careerYear(date: string | null): number | null {
  if (!date) return null;
  const m = /^(\d{4})/.exec(date);
  return m ? Number(m[1]) : null;
}
