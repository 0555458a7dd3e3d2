import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend } from '../db/test-backends.ts';
import { openDatabase } from '../db/open-database.ts';
import { countCandidates, getCandidate, listCandidates, upsertCandidates } from './candidate-store.ts';
import { generateDemoCandidates } from './demo-data.ts';
import { importCandidates } from './import-candidates.ts';
import type { ImportRecord } from './import-record.ts';
import { importRecords } from './import-records.ts';
import { preparedRecords } from './prepared-records.ts';

const fixture = resolve(import.meta.dirname, '../../test/fixtures/jsonresume-40.ndjson');
const fixtureText = readFileSync(fixture, 'utf8');

/** Text in small chunks, as a file stream would deliver it. */
function chunks(text: string, size = 97): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

let wsCounter = 0;

describeEachBackend('import', (getStore, backend) => {
  /** each test imports into its own workspace so counts start at zero */
  async function freshWorkspace(): Promise<string> {
    const id = `imp${++wsCounter}`;
    await getStore().db.insertInto('workspaces').values({ id, name: id, settings: '{}', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    return id;
  }

  it('a JSON Resume NDJSON file of 40 profiles yields 40 candidates; importing it again changes nothing', async () => {
    const store = getStore();
    const ws = await freshWorkspace();
    const first = await importCandidates(store, ws, importRecords(chunks(fixtureText), { format: 'jsonresume' }), { batchSize: 16 });
    expect(first).toMatchObject({ records: 40, imported: 40, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    expect(await countCandidates(store, ws)).toBe(40);
    const before = await listCandidates(store, ws, { limit: 100 });

    const again = await importCandidates(store, ws, importRecords(chunks(fixtureText, 1000), { format: 'jsonresume' }), { batchSize: 7 });
    expect(again).toMatchObject({ records: 40, imported: 0, updated: 0, unchanged: 40, skipped: 0 });
    expect(await listCandidates(store, ws, { limit: 100 })).toEqual(before);

    const sophie = before.candidates[0];
    expect(sophie).toMatchObject({ name: 'Sophie Liu', profileUrl: 'https://www.linkedin.com/in/sophie-liu-1', source: 'jsonresume' });
    expect(sophie.location.timeZone).toBe('Europe/Bucharest');
  });

  it('a bad line in the middle is reported with its line number and the rest imported', async () => {
    const store = getStore();
    const ws = await freshWorkspace();
    const lines = fixtureText.trimEnd().split('\n');
    lines[19] = '{"basics": {"name": "Broken", ';
    lines[29] = '{"basics": {"label": "nobody"}}';
    lines[34] = '{"basics": {"name": "Bad Date"}, "work": [{"startDate": "someday"}]}';
    const summary = await importCandidates(store, ws, importRecords(chunks(lines.join('\n')), { format: 'jsonresume', ndjson: true }), { batchSize: 10 });
    expect(summary.imported).toBe(37);
    expect(summary.skipped).toBe(3);
    expect(summary.errors.map((e) => e.line)).toEqual([20, 30, 35]);
    expect(summary.errors[0].reason).toMatch(/invalid JSON/);
    expect(summary.errors[1].reason).toMatch(/nothing to identify/);
    expect(summary.errors[2].reason).toMatch(/work\[0\]\.startDate/);
    expect(await countCandidates(store, ws)).toBe(37);
  });

  it('CSV with quoted commas, a multi-line cell and --map; dedupes by email against JSON Resume records', async () => {
    const store = getStore();
    const ws = await freshWorkspace();
    await importCandidates(store, ws, importRecords(chunks(fixtureText), { format: 'jsonresume' }));
    const sophieEmail = 'sophie.liu.1@example.org';
    const csv = [
      'First Name,Last Name,Job,Employer,Location,E-mail,Skills,Notes',
      '"Ada","Lovelace","Principal Engineer","Engines, Analytical & Co","London, England, United Kingdom",ada@example.com,"C++, C#; .NET","likes ""maths"""',
      `Sophie,Liu,,,,${sophieEmail},"Rust",`,
      '"Grace","Hopper","Rear Admiral","US Navy","Arlington, Virginia, United States",,"COBOL","multi',
      'line note"',
      ',,,,,,,only a note',
    ].join('\n');
    let ignored: string[] = [];
    const summary = await importCandidates(
      store,
      ws,
      importRecords(chunks(csv, 13), { format: 'csv', map: ['Job=currentTitle', 'Employer=currentCompany'], onCsvHeader: (m) => (ignored = m.ignored) }),
    );
    expect(ignored).toEqual(['Notes']);
    expect(summary).toMatchObject({ records: 4, imported: 2, updated: 1, skipped: 1 });
    expect(summary.errors).toEqual([{ line: 6, reason: expect.stringMatching(/nothing to identify/) }]);
    const page = await listCandidates(store, ws, { limit: 100 });
    expect(page.total).toBe(42);
    const ada = page.candidates.find((c) => c.name === 'Ada Lovelace')!;
    expect(ada).toMatchObject({
      positions: [{ title: 'Principal Engineer', company: 'Engines, Analytical & Co', end: null }],
      location: { city: 'London', region: 'England', country: 'United Kingdom' },
      skills: ['C++', 'C#', '.NET'],
      emails: ['ada@example.com'],
      source: 'csv',
    });
    const sophie = page.candidates.find((c) => c.emails.includes(sophieEmail))!;
    expect(sophie.skills).toContain('Rust');
    expect(sophie.source).toBe('jsonresume');
  });

  it('a failing batch is retried record by record: only the record at fault is skipped, nothing half-written', async () => {
    const store = getStore();
    const ws = await freshWorkspace();
    const inputs = [...generateDemoCandidates(12, 5)];
    const records: ImportRecord[] = inputs.map((input, i) => ({ line: i + 1, input }));
    const poisoned = inputs[4];
    const summary = await importCandidates(store, ws, records, {
      batchSize: 5,
      normalised: true,
      upsert: async (s, w, inputs, now) => {
        if (inputs.some((c) => 'profileUrl' in c && c.profileUrl === poisoned.profileUrl)) throw new Error('simulated constraint failure');
        return upsertCandidates(s, w, inputs, now);
      },
    });
    expect(summary).toMatchObject({ imported: 11, skipped: 1, errors: [{ line: 5, reason: expect.stringMatching(/simulated constraint failure/) }] });
    expect(await countCandidates(store, ws)).toBe(11);
  });

  it('records prepared on a worker thread import as the same profiles built here, and again as unchanged', async () => {
    const store = getStore();
    const here = await freshWorkspace();
    const there = await freshWorkspace();
    const records: ImportRecord[] = [...generateDemoCandidates(60, 8)].map((input, i) => ({ line: i + 1, input }));
    const options = { batchSize: 16, normalised: true, bulkAfter: 20 };
    const expected = await importCandidates(store, here, records, options);
    expect(await importCandidates(store, there, preparedRecords({ kind: 'demo', count: 60, seed: 8 }, there, { blockSize: 7 }), options)).toEqual(expected);
    const content = async (w: string) =>
      (await listCandidates(store, w, { limit: 100 })).candidates.map(({ id: _i, workspaceId: _w, importedAt: _a, updatedAt: _u, ...rest }) => rest);
    expect(await content(there)).toEqual(await content(here));
    const again = await importCandidates(store, there, preparedRecords({ kind: 'demo', count: 60, seed: 8 }, there), options);
    expect(again).toMatchObject({ records: 60, imported: 0, updated: 0, unchanged: 60, skipped: 0 });
  });

  it('importing any mix of records twice: the second time everything is unchanged', async () => {
    const store = getStore();
    const pool = [...generateDemoCandidates(30, 8)];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 9 }), async (picks, batchSize) => {
        const ws = await freshWorkspace();
        const records: ImportRecord[] = picks.map((k, i) => ({ line: i + 1, input: pool[k] }));
        const first = await importCandidates(store, ws, records, { batchSize, normalised: true });
        expect(first.imported).toBe(new Set(picks).size);
        expect(await countCandidates(store, ws)).toBe(new Set(picks).size);
        const second = await importCandidates(store, ws, records, { batchSize, normalised: true });
        expect(second).toMatchObject({ imported: 0, updated: 0, unchanged: picks.length });
      }),
      { numRuns: backend === 'sqlite' ? 15 : 5 },
    );
  });

  it('keeps what the stored candidate has and fills what it lacks', async () => {
    const store = getStore();
    const ws = await freshWorkspace();
    const [c] = [...generateDemoCandidates(1, 3)];
    const { outcomes } = await upsertCandidates(store, ws, [{ ...c, headline: '', skills: ['Go'] }]);
    const summary = await importCandidates(store, ws, [{ line: 1, input: { ...c, headline: 'New headline', skills: ['go', 'Rust'] } }]);
    expect(summary.updated).toBe(1);
    const stored = await getCandidate(store, ws, outcomes[0].id);
    expect(stored.headline).toBe('New headline');
    expect(stored.skills).toEqual(['Go', 'Rust']);
  });
});

describe('import on a broken store', () => {
  it('stops with storage_error when the database refuses every record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoutline-broken-'));
    const store = await openDatabase(join(dir, 'x.db'));
    await store.close();
    try {
      const records: ImportRecord[] = [...generateDemoCandidates(3, 1)].map((input, i) => ({ line: i + 1, input }));
      await expect(importCandidates(store, 'default', records, { normalised: true })).rejects.toMatchObject({ code: 'storage_error' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
