/**
 * Whole UTC days as integers: day 0 is 1970-01-01. The ledger works only in
 * these numbers so no local time zone or daylight-saving shift can move a
 * date. Conversions use the proleptic Gregorian civil-date algorithms (no
 * Date objects on the hot path).
 */
export type Day = number;

export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(day: Day): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month: m, day: d };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses a strict `YYYY-MM-DD` calendar date; returns null for anything else (including 2025-02-30). */
export function parseDay(text: string): Day | null {
  const m = isoDay.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

/** Like parseDay but throws a RangeError; for values already validated at a boundary. */
export function dayOf(text: string): Day {
  const d = parseDay(text);
  if (d === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return d;
}

export function formatDay(day: Day): string {
  const { year, month, day: d } = civilFromDay(day);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${d < 10 ? '0' : ''}${d}`;
}

/** The same day of the month `months` months after `anchor`, clamped to that month's last day. */
export function addMonthsClamped(anchor: Day, months: number): Day {
  const { year, month, day } = civilFromDay(anchor);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The 1st of the month after the month containing `day`. */
export function firstOfNextMonth(day: Day): Day {
  const { year, month } = civilFromDay(day);
  return month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
}

/** A number that identifies the calendar month of `day` (year * 12 + month - 1). */
export function calendarMonthIndex(day: Day): number {
  const { year, month } = civilFromDay(day);
  return year * 12 + month - 1;
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Today's date in UTC. */
export function todayUtc(now: Date = new Date()): Day {
  return Math.floor(now.getTime() / 86_400_000);
}
