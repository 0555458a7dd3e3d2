import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { upsertCandidates } from '../../candidates/candidate-store.ts';
import { candidateInputSchema } from '../../candidates/candidate.ts';
import { exitStatusFor } from '../../core/error-codes.ts';
import { runScoutline, type CliRun } from '../cli-process.ts';


function scoutline(args: string[]): Promise<CliRun> {
  return runScoutline(args, { env: { ...process.env, SCOUTLINE_DB: '' } });
}

describe('scoutline search', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-search-cli-'));
    db = join(dir, 'cli.db');
    const store = await openDatabase(db);
    await upsertCandidates(store, 'default', [
      candidateInputSchema.parse({ name: 'Ada C', headline: 'C++ engineer', skills: ['C++'], profileUrl: 'https://www.linkedin.com/in/ada', location: { city: 'Berlin' }, linkedin: { openProfile: true, degree: 2 } }),
      candidateInputSchema.parse({ name: 'Bob C', headline: 'C engineer', skills: ['C'], location: { city: 'Paris' }, linkedin: { openToWork: true, degree: 1 } }),
    ]);
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints { total, results } as JSON', async () => {
    const r = await scoutline(['search', 'C++ AND engineer', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.total).toBe(1);
    expect(body.results).toHaveLength(1);
    expect(Object.keys(body.results[0]).sort()).toEqual(['headline', 'id', 'matched', 'name', 'profileUrl', 'score']);
    expect(body.results[0]).toMatchObject({ name: 'Ada C', profileUrl: 'https://www.linkedin.com/in/ada', matched: { headline: ['c++', 'engineer'], skill: ['c++'] } });
  });

  it('honours --limit and --offset', async () => {
    const r = await scoutline(['search', 'engineer', '--db', db, '--json', '--limit', '1', '--offset', '1']);
    const body = JSON.parse(r.stdout);
    expect(body.total).toBe(2);
    expect(body.results).toHaveLength(1);
  });

  it('exits non-zero on a syntax error and shows the caret under the column', async () => {
    const r = await scoutline(['search', 'java AND', '--db', db]);
    expect(r.code).toBe(exitStatusFor('query_syntax'));
    expect(r.stderr).toContain('query_syntax: AND is missing a term after it');
    expect(r.stderr).toContain('java AND\n     ^');
    expect(r.stderr).toContain('column 6');
    // said once, not in the first line and again under the caret (#16 item 11)
    expect(r.stderr.split('AND is missing a term after it').length - 1).toBe(1);
    expect(r.stderr).toBe('scoutline: query_syntax: AND is missing a term after it (column 6)\njava AND\n     ^\n');
  });

  it('filters with --location, --open-profile, --open-to-work and --degree (the query may be left out)', async () => {
    const names = async (args: string[]) => {
      const r = await scoutline(['search', ...args, '--db', db, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).results.map((x: { name: string }) => x.name);
    };
    expect(await names(['engineer', '--open-profile'])).toEqual(['Ada C']);
    expect(await names(['engineer', '--no-open-profile'])).toEqual(['Bob C']);
    expect(await names(['--open-to-work'])).toEqual(['Bob C']);
    expect(await names(['engineer', '--degree', '1,2', '--location', 'berlin'])).toEqual(['Ada C']);
    expect(await names(['--degree', '3'])).toEqual([]);
  });

  it('refuses a bad --degree with invalid_input', async () => {
    const r = await scoutline(['search', 'engineer', '--degree', '4', '--db', db]);
    expect(r.code).toBe(exitStatusFor('invalid_input'));
    expect(r.stderr).toContain("--degree takes 1, 2 or 3");
  });
});
