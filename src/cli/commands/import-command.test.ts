import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitStatusFor } from '../../core/error-codes.ts';
import { runScoutline, type CliRun } from '../cli-process.ts';
import { openDatabase } from '../../db/open-database.ts';
import { countCandidates, listCandidates, normaliseCandidateInput } from '../../candidates/candidate-store.ts';
import { windows1252Chars } from '../../candidates/windows-1252.ts';
import { generateDemoCandidates } from '../../candidates/demo-data.ts';
import { importRecords } from '../../candidates/import-records.ts';

/** each test spawns the CLI a few times; on a loaded machine one start can take many seconds */
const spawnTimeout = 240_000;

const fixture = resolve(import.meta.dirname, '../../../test/fixtures/jsonresume-40.ndjson');

function scoutline(args: string[]): Promise<CliRun> {
  return runScoutline(args, { env: { ...process.env, SCOUTLINE_DB: '' } });
}

describe('scoutline import and demo-data', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-import-cli-'));
    db = join(dir, 'cli.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--threads 2 (records read and prepared on a worker thread) imports the same as one thread', async () => {
    const one = await scoutline(['import', fixture, '--db', join(dir, 'one-thread.db'), '--threads', '1', '--json']);
    const two = await scoutline(['import', fixture, '--db', join(dir, 'two-threads.db'), '--threads', '2', '--json']);
    expect(two.code).toBe(0);
    const { seconds: _s1, ...a } = JSON.parse(one.stdout);
    const { seconds: _s2, ...b } = JSON.parse(two.stdout);
    expect({ ...b, file: a.file }).toEqual({ ...a, file: a.file });
    expect(b).toMatchObject({ records: 40, imported: 40 });
  }, spawnTimeout);

  it('imports the 40-profile NDJSON file as 40 candidates, and again as 40 unchanged', async () => {
    const first = await scoutline(['import', fixture, '--db', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'jsonresume', database: 'sqlite', records: 40, imported: 40, skipped: 0 });
    const again = await scoutline(['--db', db, 'import', fixture]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/imported\s+0\n\s+updated\s+0\n\s+unchanged\s+40\n\s+skipped\s+0/);
    const store = await openDatabase(db);
    expect(await countCandidates(store, 'default')).toBe(40);
    await store.close();
  }, spawnTimeout);

  it('reports bad CSV rows by line, ignored columns, and refuses an unknown --map field with exit status 2', async () => {
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, 'Name,Job,Notes,Open Profile\n"Doe, Jane",Engineer,hi,yes\nJohn,Dev,,maybe\n');
    const ok = await scoutline(['import', csv, '--db', db, '--map', 'Job=currentTitle']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/imported\s+1/);
    expect(ok.stdout).toMatch(/line 3: Open Profile: 'maybe' is not yes\/no/);
    expect(ok.stdout).toMatch(/Ignored CSV columns \(use --map to use them\): Notes/);
    const bad = await scoutline(['import', csv, '--db', db, '--map', 'Job=salary', '--json']);
    expect(bad.code).toBe(exitStatusFor('invalid_input'));
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'invalid_input' } });
  }, spawnTimeout);

  it('#14 item 10: a Windows-1252 CSV with an unclosed quote and a javascript: URL: encoding detected and said, each bad row reported, the rest imported; --encoding given or refused', async () => {
    const byChar = new Map(windows1252Chars.map((c, b) => [c, b]));
    const file = join(dir, 'excel-export.csv');
    const rows = Array.from({ length: 9 }, (_, i) => `Persön${i},Cli,cli${i}@example.com,https://www.linkedin.com/in/cli-${i}`);
    const text = ['First Name,Last Name,Email,LinkedIn URL', 'José,"García,jose@example.com,', 'Eve,Script,eve@example.com,javascript:alert(1)', ...rows].join('\r\n') + '\r\n';
    writeFileSync(file, Uint8Array.from([...text].map((c) => byChar.get(c)!)));
    const db2 = join(dir, 'encoding.db');
    const run = await scoutline(['import', file, '--db', db2, '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ format: 'csv', records: 11, imported: 9, skipped: 2, encoding: { name: 'windows-1252', detected: true, how: 'guessed' } });
    expect(summary.errors).toEqual([
      { line: 2, reason: expect.stringContaining('unclosed quote: the quoted field in column 2 (Last Name) that starts on line 2') },
      { line: 3, reason: expect.stringMatching(/^LinkedIn URL: 'javascript:alert\(1\)' is not a web address/) },
    ]);
    const store = await openDatabase(db2);
    const names = (await listCandidates(store, 'default', { limit: 20 })).candidates.map((c) => c.name).sort();
    await store.close();
    expect(names).toEqual(rows.map((r) => r.split(',').slice(0, 2).join(' ')).sort());

    const given = await scoutline(['import', file, '--db', db2, '--encoding', 'cp1252']);
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(/unchanged\s+9/);
    expect(given.stdout).toContain('Encoding: windows-1252 (given)');
    expect(given.stdout).toMatch(/line 2: unclosed quote/);
    const unknown = await scoutline(['import', file, '--db', db2, '--encoding', 'klingon', '--json']);
    expect(unknown.code).toBe(exitStatusFor('invalid_input'));
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/unknown encoding 'klingon'/) } });
  }, spawnTimeout);

  it("demo-data --out writes NDJSON JSON Resume that reads back as the generator's profiles", async () => {
    const out = join(dir, 'demo.ndjson');
    expect((await scoutline(['demo-data', '--count', '25', '--seed', '9', '--out', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(25);
    const back: unknown[] = [];
    for await (const r of importRecords([text], { format: 'jsonresume', source: 'demo' })) back.push('input' in r ? normaliseCandidateInput(r.input) : r);
    expect(back).toEqual([...generateDemoCandidates(25, 9)]);
  }, spawnTimeout);
});
