import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToPrune, backupTimeOf, formatBackupInterval, minBackupIntervalMs, nextBackupAt, parseBackupInterval, parseBackupKeep } from './backup-schedule.ts';
import { backupStatus } from './backup-status.ts';

const instant = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2200-01-01T00:00:00.000Z'), noInvalidDate: true });
const interval = fc.integer({ min: minBackupIntervalMs / 1000, max: 400 * 86_400 }).map((s) => s * 1000);

describe('backup intervals', () => {
  it('format then parse gives the same interval; the units mean what they say', () => {
    fc.assert(
      fc.property(interval, (ms) => {
        expect(parseBackupInterval(formatBackupInterval(ms))).toBe(ms);
      }),
    );
    expect(parseBackupInterval('6h')).toBe(6 * 3_600_000);
    expect(parseBackupInterval('1d')).toBe(86_400_000);
    expect(parseBackupInterval('30m')).toBe(1_800_000);
    expect(formatBackupInterval(90 * 60_000)).toBe('90m');
  });

  it('anything else is invalid_input naming the option', () => {
    for (const bad of ['', '6', 'h', '6 hours', '-1h', '1.5h', '1s', '0d', '6H']) {
      expect(() => parseBackupInterval(bad)).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('--backup-every') }));
    }
    for (const bad of ['0', '-2', '1.5', 'x', '']) expect(() => parseBackupKeep(bad)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(parseBackupKeep('7')).toBe(7);
  });
});

describe('backup file names', () => {
  it('name -> time -> the same instant, and names sort as their times do', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(backupTimeOf(backupFileName(a))).toBe(a.toISOString());
        if (a.getTime() !== b.getTime()) expect(backupFileName(a) < backupFileName(b)).toBe(a < b);
      }),
    );
  });

  it('other files are not backups', () => {
    for (const n of ['scoutline.db', 'scoutline-20250603-120000-000Z.db-wal', 'scoutline-20251301-120000-000Z.db', 'x-20250603-120000-000Z.db', 'scoutline-20250603-120000-000Z.db.partial-12']) expect(backupTimeOf(n)).toBeNull();
  });
});

describe('nextBackupAt', () => {
  it('never before now; one interval after the last when that is still ahead; now when none or overdue', () => {
    fc.assert(
      fc.property(fc.option(instant, { nil: null }), interval, instant, (last, every, now) => {
        const next = nextBackupAt(last?.toISOString() ?? null, every, now.toISOString());
        expect(next >= now.toISOString()).toBe(true);
        if (!last) expect(next).toBe(now.toISOString());
        else if (last.getTime() + every > now.getTime()) expect(next).toBe(new Date(last.getTime() + every).toISOString());
        else expect(next).toBe(now.toISOString());
      }),
    );
  });
});

describe('rotation', () => {
  it('keeps exactly the newest `keep` backups and never chooses another file', () => {
    fc.assert(
      fc.property(fc.uniqueArray(instant, { selector: (d) => d.getTime(), maxLength: 30 }), fc.array(fc.constantFrom('notes.txt', 'scoutline.db', 'scoutline-2025.db', 'old.db'), { maxLength: 4 }), fc.integer({ min: 1, max: 12 }), (times, others, keep) => {
        const names = [...times.map(backupFileName), ...others];
        const pruned = backupsToPrune(fc.sample(fc.shuffledSubarray(names, { minLength: names.length }), 1)[0], keep);
        const newest = [...times].sort((a, b) => b.getTime() - a.getTime()).slice(0, keep).map(backupFileName);
        expect(pruned.length).toBe(Math.max(0, times.length - keep));
        for (const n of pruned) {
          expect(others).not.toContain(n);
          expect(newest).not.toContain(n);
        }
      }),
    );
  });
});

describe('backupStatus', () => {
  const schedule = { dir: '/backups', everyMs: 6 * 3_600_000, keep: 3 };
  const files = [
    { name: backupFileName(new Date('2026-03-01T06:00:00.000Z')), bytes: 10 },
    { name: 'unrelated.txt', bytes: 1 },
    { name: backupFileName(new Date('2026-03-01T12:00:00.000Z')), bytes: 12 },
  ];

  it('the newest backup, the next slot, the files kept newest first', () => {
    const s = backupStatus({ database: 'sqlite', schedule, files, now: '2026-03-01T13:00:00.000Z' });
    expect(s).toMatchObject({ scheduled: true, dir: '/backups', every: '6h', keep: 3, next: '2026-03-01T18:00:00.000Z', lastError: null, note: null });
    expect(s.last).toEqual({ file: files[2].name, bytes: 12, at: '2026-03-01T12:00:00.000Z' });
    expect(s.backups.map((b) => b.bytes)).toEqual([12, 10]);
  });

  it('a failure after the newest backup is shown; one before it is history', () => {
    const failed = { at: '2026-03-01T12:30:00.000Z', message: 'the disk is full' };
    expect(backupStatus({ database: 'sqlite', schedule, files, lastError: failed, now: '2026-03-01T13:00:00.000Z' }).lastError).toEqual(failed);
    expect(backupStatus({ database: 'sqlite', schedule, files, lastError: { ...failed, at: '2026-03-01T11:00:00.000Z' }, now: '2026-03-01T13:00:00.000Z' }).lastError).toBeNull();
  });

  it('unscheduled and PostgreSQL say what to do instead', () => {
    expect(backupStatus({ database: 'sqlite', schedule: null, files: [], now: '2026-03-01T13:00:00.000Z' })).toMatchObject({ scheduled: false, next: null, last: null, note: expect.stringContaining('--backup-dir') });
    expect(backupStatus({ database: 'postgres', schedule: null, files: [], now: '2026-03-01T13:00:00.000Z' }).note).toContain('pg_dump');
  });
});
