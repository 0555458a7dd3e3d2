import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runScoutline } from '../cli-process.ts';
import { medianOf } from './bench-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'scoutline-bench-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench cli', () => {
  it('property: the median has at least half the timings at or below it and half at or above it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 30 }), (xs) => {
        const m = medianOf(xs);
        expect(xs.filter((x) => x <= m).length * 2).toBeGreaterThanOrEqual(xs.length);
        expect(xs.filter((x) => x >= m).length * 2).toBeGreaterThanOrEqual(xs.length);
      }),
    );
    expect(medianOf([5, 1, 3])).toBe(3);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });

  it('times --version and a search as whole processes and reports each against its target', { timeout: 240_000 }, async () => {
    const db = join(dir, 'small.db');
    expect((await runScoutline(['demo-data', '--count', '40', '--db', db, '--no-progress'])).code).toBe(0);
    const r = await runScoutline(['bench', 'cli', '--db', db, '--runs', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const figures = JSON.parse(r.stdout) as { version: { medianMs: number; targetMs: number; runsMs: number[]; met: boolean }; search: { command: string; targetMs: number; runsMs: number[] }; loadAverage: number[] };
    expect(figures.version).toMatchObject({ targetMs: 200, runsMs: [expect.any(Number)] });
    expect(figures.version.met).toBe(figures.version.medianMs <= 200);
    expect(figures.search).toMatchObject({ command: `scoutline search java --limit 10 --db ${db}`, targetMs: 400 });
    expect(figures.loadAverage).toHaveLength(3);
    const missing = await runScoutline(['bench', 'cli', '--db', join(dir, 'none.db')]);
    expect(missing.stderr).toContain('no database at');
  });
});
