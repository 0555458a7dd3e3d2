/**
 * Times as the seat lives them: "tomorrow 09:12 Berlin time". Outreach is
 * paced in each seat's own time zone, so the Today page speaks in it too.
 */

/** The place name of an IANA zone: Europe/Berlin -> Berlin, America/New_York -> New York. */
export function zonePlace(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

function localDate(iso: string, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function daysApart(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** "today 14:05", "tomorrow 09:12", "Monday 09:30" or "3 Dec 09:30", followed by "Berlin time" (or "UTC"). */
export function whenInZone(iso: string, timeZone: string, nowIso: string = new Date().toISOString()): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const apart = daysApart(localDate(nowIso, timeZone), localDate(iso, timeZone));
  const dayWord =
    apart === 0
      ? 'today'
      : apart === 1
        ? 'tomorrow'
        : apart > 1 && apart < 7
          ? new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long' }).format(d)
          : new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short' }).format(d);
  const place = zonePlace(timeZone);
  return `${dayWord} ${time} ${place === 'UTC' ? 'UTC' : `${place} time`}`;
}
