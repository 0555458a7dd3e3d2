import { describe, expect, it } from 'vitest';
import { whenInZone, zonePlace } from './seat-time.ts';

describe('times in the seat zone', () => {
  it('names the day relative to the seat\'s own date, not the viewer\'s', () => {
    // 23:30 UTC on Wednesday is already Thursday 01:30 in Berlin (summer time)
    const now = '2025-06-04T23:30:00.000Z';
    expect(whenInZone('2025-06-05T07:12:00.000Z', 'Europe/Berlin', now)).toBe('today 09:12 Berlin time');
    expect(whenInZone('2025-06-05T07:12:00.000Z', 'UTC', now)).toBe('tomorrow 07:12 UTC');
    expect(whenInZone('2025-06-09T13:30:00.000Z', 'America/New_York', now)).toBe('Monday 09:30 New York time');
    expect(whenInZone('2025-06-20T13:30:00.000Z', 'America/New_York', now)).toBe('20 Jun 09:30 New York time');
  });
  it('shortens zone names', () => {
    expect(zonePlace('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zonePlace('Etc/UTC')).toBe('UTC');
  });
});
