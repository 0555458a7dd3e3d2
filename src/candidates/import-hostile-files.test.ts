import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend } from '../db/test-backends.ts';
import { listCandidates } from './candidate-store.ts';
import type { ImportEncoding } from './import-encoding.ts';
import { importCandidates } from './import-candidates.ts';
import { importRecords } from './import-records.ts';
import { preparedFileRecords } from './prepared-records.ts';
import { windows1252Chars } from './windows-1252.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Issue #14 item 10, through the import as the CLI and the API run it (bytes
 * -> records -> store): an unclosed CSV quote, a file in Windows-1252 or
 * UTF-16, and profile URLs that are not web addresses.
 */
const utf8 = (s: string) => new TextEncoder().encode(s);
const byChar = new Map(windows1252Chars.map((c, b) => [c, b]));
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => byChar.get(c) ?? 0x3f));

/** Bytes in chunks of `size`, as a file stream or request body delivers them. */
function chunks(bytes: Uint8Array, size = 61): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

let wsCounter = 0;

describeEachBackend('importing hostile files (#14 item 10)', (getStore) => {
  async function freshWorkspace(): Promise<string> {
    const id = `hostile${++wsCounter}`;
    await getStore().db.insertInto('workspaces').values({ id, name: id, settings: '{}', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    return id;
  }
  async function names(ws: string): Promise<string[]> {
    return (await listCandidates(getStore(), ws, { limit: 500 })).candidates.map((c) => c.name).sort();
  }

  it('an unclosed quote: the row that opened it is reported naming the column, the 9 rows it swallowed are imported', async () => {
    const ws = await freshWorkspace();
    const people = Array.from({ length: 9 }, (_, i) => `Person${i},Swallowed,p${i}@example.com,Engineer`);
    const csv = ['First Name,Last Name,Email,Headline', 'Ada,Lovelace,ada@example.com,Analyst', 'Bob,Stray,bob@example.com,"Builds things', ...people].join('\n') + '\n';
    const summary = await importCandidates(getStore(), ws, importRecords(chunks(utf8(csv)), { format: 'csv' }));
    expect(summary).toMatchObject({ records: 11, imported: 10, skipped: 1 });
    expect(summary.errors).toEqual([{ line: 3, reason: expect.stringMatching(/^unclosed quote: the quoted field in column 4 \(Headline\) that starts on line 3 is never closed/) }]);
    expect(await names(ws)).toEqual(['Ada Lovelace', ...people.map((p) => p.split(',').slice(0, 2).join(' '))].sort());
  });

  it('property: a CSV with one unclosed quote never loses a row silently: every row is imported or reported at its line', async () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '-'), minLength: 1, maxLength: 6 }).filter((w) => w.trim() === w);
    const note = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' '), maxLength: 8 }).map((n) => `"x${n.replaceAll('"', '""')}"`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(word, fc.option(note, { nil: undefined })), { minLength: 2, maxLength: 10 }), fc.nat(), async (rows, at) => {
        const ws = await freshWorkspace();
        const stray = at % rows.length;
        const lines = rows.map(([name, n], i) => `${i === stray ? '"' : ''}${name},p${i}@example.com,${n ?? 'plain'}`);
        const csv = `Name,Email,Notes\n${lines.join('\n')}\n`;
        const summary = await importCandidates(getStore(), ws, importRecords(chunks(utf8(csv), 11), { format: 'csv' }));
        const stored = new Set((await listCandidates(getStore(), ws, { limit: 100 })).candidates.flatMap((c) => c.emails));
        let line = 2;
        for (const [i, l] of lines.entries()) {
          const reported = summary.errors.some((e) => e.line === line);
          expect(stored.has(`p${i}@example.com`) !== reported).toBe(true);
          if (i !== stray) expect(stored.has(`p${i}@example.com`)).toBe(true);
          line += (l.match(/\n/g) ?? []).length + 1;
        }
        expect(summary.records).toBe(rows.length);
      }),
      { numRuns: 15 },
    );
  });

  it('a Windows-1252 CSV is imported as its text (not mojibake), and the summary says which encoding was detected', async () => {
    const ws = await freshWorkspace();
    const csv = 'First Name,Last Name,Company,Email\nJosé,García,Telefónica,jose@example.com\nFrançoise,Lefèvre,“Société” Générale,f@example.com\nBjörn,Müller,Café — Bäckerei,b@example.com\n';
    let encoding: ImportEncoding | undefined;
    const summary = await importCandidates(getStore(), ws, importRecords(chunks(cp1252(csv)), { format: 'csv', onEncoding: (e) => (encoding = e) }));
    expect(summary).toMatchObject({ imported: 3, skipped: 0 });
    expect(encoding).toEqual({ name: 'windows-1252', detected: true, how: 'guessed' });
    expect(await names(ws)).toEqual(['Björn Müller', 'Françoise Lefèvre', 'José García']);
    const page = await listCandidates(getStore(), ws, { limit: 10 });
    expect(page.candidates.map((c) => c.positions[0]?.company).sort()).toEqual(['Café — Bäckerei', 'Telefónica', '“Société” Générale']);
  });

  it('UTF-16 with a byte order mark (as Excel saves "Unicode text"), and JSON Resume in UTF-16 too', async () => {
    const ws = await freshWorkspace();
    const utf16le = (s: string) => {
      const out = new Uint8Array(2 + s.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < s.length; i++) {
        out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = s.charCodeAt(i) >> 8;
      }
      return out;
    };
    let encoding: ImportEncoding | undefined;
    const csv = await importCandidates(getStore(), ws, importRecords(chunks(utf16le('Name,Email\nZoë Łukasz,z@example.com\n李 小龍,li@example.com\n'), 7), { format: 'csv', onEncoding: (e) => (encoding = e) }));
    expect(csv).toMatchObject({ imported: 2, skipped: 0 });
    expect(encoding).toEqual({ name: 'utf-16le', detected: true, how: 'bom' });
    const json = await importCandidates(getStore(), ws, importRecords(chunks(utf16le('{"basics":{"name":"Ngozi Ọkọnjọ"}}\n{"basics":{"name":"Müller"}}\n')), { format: 'jsonresume' }));
    expect(json).toMatchObject({ imported: 2, skipped: 0 });
    expect(await names(ws)).toEqual(['Müller', 'Ngozi Ọkọnjọ', 'Zoë Łukasz', '李 小龍']);
  });

  it('a UTF-8 file with one line in another encoding: that line is reported, the others imported', async () => {
    const ws = await freshWorkspace();
    const bytes = Uint8Array.from([...utf8('Name,Email\nZoë,z@example.com\nRené,r@example.com\n'), ...cp1252('José,j@example.com\n'), ...utf8('Łukasz,l@example.com\n')]);
    let encoding: ImportEncoding | undefined;
    const summary = await importCandidates(getStore(), ws, importRecords(chunks(bytes), { format: 'csv', onEncoding: (e) => (encoding = e) }));
    expect(encoding).toMatchObject({ name: 'utf-8', how: 'mostly-utf-8' });
    expect(summary).toMatchObject({ imported: 3, skipped: 1, errors: [{ line: 4, reason: expect.stringMatching(/line 4 has bytes that are not valid utf-8/) }] });
    expect(await names(ws)).toEqual(['René', 'Zoë', 'Łukasz']);
  });

  it('a javascript: (or other non-http) profile URL refuses the row, naming the line and column; JSON Resume names the field', async () => {
    const ws = await freshWorkspace();
    const csv = [
      'Name,LinkedIn URL,Email',
      'Ok Person,linkedin.com/in/ok-person,ok@example.com',
      'Eve Script,javascript:alert(document.cookie),eve@example.com',
      'Eve Comment,"javascript://evil.example/%0aalert(1)",eve2@example.com',
      'Eve Data,data:text/html;base64,PHNjcmlwdD4=,eve3@example.com',
      'Eve Tab,"java\tscript:alert(1)",eve4@example.com',
      'Mail Only,mailto:m@example.com,m@example.com',
      'Port Ok,www.example.com:8080/in/port,port@example.com',
    ].join('\n');
    const summary = await importCandidates(getStore(), ws, importRecords([utf8(csv)], { format: 'csv' }));
    expect(summary.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(summary.errors[0]!.reason).toBe("LinkedIn URL: 'javascript:alert(document.cookie)' is not a web address (a javascript: link; only http and https are kept)");
    expect(summary.errors[4]!.reason).toMatch(/^LinkedIn URL: 'mailto:m@example.com' is not a web address \(a mailto: link/);
    const kept = (await listCandidates(getStore(), ws, { limit: 10 })).candidates;
    expect(kept.map((c) => c.profileUrl).sort()).toEqual(['https://www.example.com/in/port', 'https://www.linkedin.com/in/ok-person']);

    const json = [
      '{"basics":{"name":"J1","profiles":[{"network":"LinkedIn","url":"javascript:alert(1)"}]}}',
      '{"basics":{"name":"J2","url":"JavaScript:alert(1)","email":"j2@example.com"}}',
      '{"basics":{"name":"J3","profiles":[{"network":"LinkedIn","url":"https://www.linkedin.com/in/j3"}],"url":"https://j3.dev"}}',
    ].join('\n');
    const js = await importCandidates(getStore(), ws, importRecords([utf8(json)], { format: 'jsonresume' }));
    expect(js.errors).toEqual([
      { line: 1, reason: expect.stringMatching(/^basics\.profiles\[0\]\.url: 'javascript:alert\(1\)' is not a web address/) },
      { line: 2, reason: expect.stringMatching(/^basics\.url: 'JavaScript:alert\(1\)' is not a web address/) },
    ]);
    expect(js.imported).toBe(1);
  });

  it('a large file read on the worker thread gets the same rows and the same encoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoutline-hostile-'));
    try {
      const ws = await freshWorkspace();
      const path = join(dir, 'people.csv');
      writeFileSync(path, cp1252('Name,Email,Headline\nJosé,j@example.com,"never closed\nRené,r@example.com,Ingénieur\n'));
      let encoding: ImportEncoding | undefined;
      const summary = await importCandidates(getStore(), ws, preparedFileRecords(path, { format: 'csv', onEncoding: (e) => (encoding = e) }, ws));
      expect(summary).toMatchObject({ imported: 1, skipped: 1, errors: [{ line: 2, reason: expect.stringContaining('column 3 (Headline)') }] });
      expect(encoding?.name).toBe('windows-1252');
      expect(await names(ws)).toEqual(['René']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('import properties (#14 item 10)', () => {
  // pure: bytes -> records, no store
  async function read(bytes: Uint8Array[], encoding?: string) {
    const out = [];
    for await (const r of importRecords(bytes, { format: 'csv', encoding })) out.push(r);
    return out;
  }
  const textArb = (unit: fc.Arbitrary<string>) => fc.string({ unit, minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');

  it('any Windows-1252 encodable text, encoded in Windows-1252, imports as the same records as its UTF-8 when the encoding is given', async () => {
    const unit = fc.constantFrom(...windows1252Chars.filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && !(c >= '\u0080' && c <= '\u009f')));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(textArb(unit), textArb(unit)), { minLength: 1, maxLength: 6 }), async (rows) => {
        const csv = `Name,Headline\n${rows.map(([a, b]) => [a, b].map((x) => `"${x.replaceAll('"', '""')}"`).join(',')).join('\n')}\n`;
        const asUtf8 = await read(chunks(utf8(csv), 17));
        const as1252 = await read(chunks(cp1252(csv), 17), 'windows-1252');
        expect(as1252).toEqual(asUtf8);
      }),
      { numRuns: 200 },
    );
  });

  it('any UTF-8 text in the cells survives the import unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textArb(fc.constantFrom('a', 'Z', 'é', 'ł', '李', '🚀', 'ğ', 'ß', ' ', '"', ',', 'ё')), { minLength: 1, maxLength: 6 }), async (names) => {
        const csv = `Name\n${names.map((x) => `"${x.replaceAll('"', '""')}"`).join('\n')}\n`;
        const got = await read(chunks(utf8(csv), 5));
        expect(got.map((r) => ('input' in r ? r.input.name : r))).toEqual(names);
      }),
      { numRuns: 200 },
    );
  });
});
