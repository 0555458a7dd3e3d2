/**
 * A number of days typed in the sequence editor: a whole number in range, or
 * (where the field allows it) blank for "none". Anything else is refused with
 * the words shown next to the field, never clamped: a wait of -2 saved as 0
 * would send two days early without saying so.
 */
export type DayCount = { ok: true; value: number | null } | { ok: false; message: string };

export function parseDayCount(text: string, opts: { min?: number; max?: number; blank?: boolean } = {}): DayCount {
  const min = opts.min ?? 0;
  const max = opts.max ?? 365;
  const t = text.trim();
  if (t === '') return opts.blank ? { ok: true, value: null } : { ok: false, message: 'Give a number of days.' };
  if (!/^-?\d+$/.test(t)) return { ok: false, message: 'Give a whole number of days.' };
  const n = Number(t);
  if (n < min || n > max) return { ok: false, message: `Give ${min} to ${max} days.` };
  return { ok: true, value: n };
}
