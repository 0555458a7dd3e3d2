import { DateTime } from 'luxon';
import type { WorkingHours } from '../../seats/seat.ts';

/**
 * Local calendar arithmetic for a seat: outreach days, delays and working
 * hours are counted in the seat's own time zone (spec 4: pace actions
 * through working hours). Local dates are `YYYY-MM-DD` strings.
 */
export type LocalDate = string;

export function localDateOf(iso: string, timeZone: string): LocalDate {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toISODate()!;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** whole days from `a` to `b` (b - a) */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round(DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days);
}

/** ISO weekday: 1 = Monday .. 7 = Sunday */
export function weekdayOf(date: LocalDate): number {
  return DateTime.fromISO(date, { zone: 'utc' }).weekday;
}

/** `YYYY-MM` of a local date */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

export interface TimeWindow {
  start: string;
  end: string;
}

/** The seat's working window on a local date as UTC ISO instants, or null on a day off. */
export function workingWindow(date: LocalDate, timeZone: string, hours: WorkingHours): TimeWindow | null {
  if (!hours.days.includes(weekdayOf(date))) return null;
  const at = (hhmm: string) => DateTime.fromISO(`${date}T${hhmm}`, { zone: timeZone }).toUTC().toISO()!;
  const start = at(hours.start);
  const end = at(hours.end);
  return start < end ? { start, end } : null;
}

/** Start and end of a local day as UTC ISO instants. */
export function localDayBounds(date: LocalDate, timeZone: string): TimeWindow {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  return { start: start.toUTC().toISO()!, end: start.plus({ days: 1 }).toUTC().toISO()! };
}

export function isoPlusMinutes(iso: string, minutes: number): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).plus({ minutes }).toUTC().toISO()!;
}

export function isoPlusDays(iso: string, days: number): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).plus({ days }).toUTC().toISO()!;
}

/** Normalises any ISO instant to UTC `...Z` so strings compare in time order. */
export function toUtcIso(iso: string): string {
  const d = DateTime.fromISO(iso, { setZone: true });
  if (!d.isValid) throw new Error(`not an ISO timestamp: ${iso}`);
  return d.toUTC().toISO()!;
}

export interface WorkingSlot {
  /** the seat-local date of the slot (the day its budget and caps count on) */
  date: LocalDate;
  at: string;
}

/**
 * The first instant at or after `at` inside the seat's working hours, and its
 * local date: where a retry of an attempted action goes (it keeps its key and
 * is tried again then, on the next working day if need be). Searches `maxDays`
 * ahead; a seat with no working window in that time keeps `at` as it is.
 */
export function nextWorkingSlot(at: string, timeZone: string, hours: WorkingHours, maxDays = 14): WorkingSlot {
  const from = toUtcIso(at);
  const first = localDateOf(from, timeZone);
  for (let i = 0; i <= maxDays; i++) {
    const date = addDays(first, i);
    const w = workingWindow(date, timeZone, hours);
    if (w && from < w.end) return { date, at: from > w.start ? from : w.start };
  }
  return { date: first, at: from };
}
