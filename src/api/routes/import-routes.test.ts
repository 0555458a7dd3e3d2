import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { countCandidates, listCandidates } from '../../candidates/candidate-store.ts';
import { windows1252Chars } from '../../candidates/windows-1252.ts';
import { signedInApp } from '../test-app.ts';

const fixtureText = readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/jsonresume-40.ndjson'), 'utf8');

describeEachBackend('POST /api/import', (getStore) => {
  it('imports NDJSON, then the same body again changes nothing', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const post = () => app.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: fixtureText });
    const res = await post();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: 'jsonresume', records: 40, imported: 40, skipped: 0, errors: [] });
    expect(await (await post()).json()).toMatchObject({ imported: 0, unchanged: 40 });
    expect(await countCandidates(getStore(), 'default')).toBe(40);
  });

  it('imports a JSON array and CSV with ?map=, reporting bad records by line', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const arr = JSON.stringify([{ basics: { name: 'Array One', email: 'one@example.com' } }, 'not an object', { basics: { name: 'Array Two' } }], null, 1);
    const r1 = await app.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: arr });
    expect(r1.status).toBe(200);
    const s1 = await r1.json();
    expect(s1).toMatchObject({ imported: 2, skipped: 1 });
    expect(s1.errors[0]).toMatchObject({ line: 8, reason: expect.stringMatching(/expected a JSON Resume object/) });

    const csv = 'Full Name,Job,Where\n"Csv, Person",Engineer,"Paris, France"\n';
    const r2 = await app.request('/api/import?map=Job%3DcurrentTitle&map=Where%3Dlocation', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(r2.status).toBe(200);
    expect(await r2.json()).toMatchObject({ format: 'csv', imported: 1, ignoredColumns: [] });
  });

  it('answers a bad --map with the one error shape', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const res = await app.request('/api/import?format=csv&map=Job%3Dsalary', { method: 'POST', body: 'Job\nx\n' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/unknown field 'salary'/) } });
  });

  it('a large body (here: any with a Content-Length) goes through the worker thread on SQLite, with the same summary and data', async () => {
    const store = getStore();
    for (const id of ['one-thread', 'worker']) {
      await store.db.insertInto('workspaces').values({ id, name: id, settings: '{}', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    }
    const oneThread = (await signedInApp({ store, workspaceId: 'one-thread', webRoot: '/nonexistent' }));
    const worker = (await signedInApp({ store, workspaceId: 'worker', webRoot: '/nonexistent', workerImportMinBytes: 1 }));
    const post = (app: typeof worker, path: string, contentType: string, body: string) =>
      app.request(path, { method: 'POST', headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) }, body });
    const badLine = fixtureText.replace(/\n/, '\n{"basics": \n');
    const csv = 'Full Name,Job,Where,Shoe Size\n"Csv, Person",Engineer,"Paris, France",42\n,,,\n';
    const csvPath = '/api/import?map=Job%3DcurrentTitle&map=Where%3Dlocation';
    for (const [path, type, body] of [['/api/import', 'application/x-ndjson', badLine], [csvPath, 'text/csv', csv]] as const) {
      const a = await post(oneThread, path, type, body);
      const b = await post(worker, path, type, body);
      expect(b.status).toBe(200);
      expect(await b.json()).toEqual(await a.json());
    }
    expect(await countCandidates(store, 'worker')).toBe(41);
    const names = async (ws: string) => (await store.db.selectFrom('candidates').select(['name', 'headline', 'skills']).where('workspace_id', '=', ws).orderBy('name').execute());
    expect(await names('worker')).toEqual(await names('one-thread'));
    // and again: nothing changes
    expect(await (await post(worker, '/api/import', 'application/x-ndjson', fixtureText)).json()).toMatchObject({ imported: 0, unchanged: 40 });
  });

  it('#14 item 10: an unclosed quote reports its row and imports the rest; a Windows-1252 body is detected, or given by ?encoding= or charset; the answer says which', async () => {
    const app = await signedInApp({ store: getStore(), webRoot: '/nonexistent' });
    const post = async (body: Uint8Array<ArrayBuffer> | string, query = '', contentType = 'text/csv') => {
      const res = await app.request(`/api/import${query}`, { method: 'POST', headers: { 'content-type': contentType }, body });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> & { errors: Array<{ line: number; reason: string }> } };
    };
    const rows = Array.from({ length: 9 }, (_, i) => `Api${i},Quote,api${i}@example.com`);
    const quoted = await post(['First Name,Last Name,Email', 'Stray,"Quote,stray@example.com', ...rows].join('\n'));
    expect(quoted.status).toBe(200);
    expect(quoted.json).toMatchObject({ records: 10, imported: 9, skipped: 1, encoding: { name: 'utf-8', detected: true, how: 'ascii' } });
    expect(quoted.json.errors).toEqual([{ line: 2, reason: expect.stringContaining('column 2 (Last Name)') }]);

    const byChar = new Map(windows1252Chars.map((c, b) => [c, b]));
    const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => byChar.get(c)!));
    const latin = cp1252('Name,Email\nJosé Núñez,jose@example.com\nFrançois “Fanch” Lefèvre,fl@example.com\n');
    const detected = await post(latin);
    expect(detected.json).toMatchObject({ imported: 2, encoding: { name: 'windows-1252', detected: true, how: 'guessed' } });
    const names = (await listCandidates(getStore(), 'default', { limit: 500 })).candidates.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['José Núñez', 'François “Fanch” Lefèvre']));
    expect((await post(latin, '?encoding=latin1')).json).toMatchObject({ unchanged: 2, encoding: { name: 'windows-1252', detected: false, how: 'given' } });
    expect((await post(latin, '', 'text/csv; charset=windows-1252')).json).toMatchObject({ unchanged: 2, encoding: { name: 'windows-1252', detected: false, how: 'given' } });
    // given as UTF-8 when it is not: each such row is reported, not stored as mojibake
    const wrong = await post(latin, '?encoding=utf-8');
    expect(wrong.json).toMatchObject({ skipped: 2, encoding: { name: 'utf-8', how: 'given' } });
    expect(wrong.json.errors[0]).toEqual({ line: 2, reason: expect.stringMatching(/line 2 has bytes that are not valid utf-8/) });

    const unknown = await post(latin, '?encoding=klingon');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/unknown encoding 'klingon'/) } });
    const conflict = await post(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Name\nX\n')]), '?encoding=windows-1252');
    expect(conflict.status).toBe(400);
    expect(conflict.json).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/UTF-8 byte order mark/) } });

    // UTF-16 with a byte order mark, format sniffed from the text
    const text = '{"basics":{"name":"Utf Sixteen","email":"u16@example.com"}}\n';
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) u16[2 + 2 * i] = text.charCodeAt(i);
    expect((await post(u16, '', 'application/octet-stream')).json).toMatchObject({ format: 'jsonresume', imported: 1, encoding: { name: 'utf-16le', how: 'bom' } });
  });

  it('#14 item 10: a javascript: profile URL refuses its row, naming the line and column', async () => {
    const app = await signedInApp({ store: getStore(), webRoot: '/nonexistent' });
    const csv = 'Name,Profile URL\nGood Url,https://www.linkedin.com/in/good-url-api\nBad Url,javascript:alert(1)\n';
    const res = await app.request('/api/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    const json = (await res.json()) as { imported: number; errors: unknown[] };
    expect(json).toMatchObject({ imported: 1, skipped: 1 });
    expect(json.errors).toEqual([{ line: 3, reason: expect.stringMatching(/^Profile URL: 'javascript:alert\(1\)' is not a web address/) }]);
  });

  it('is in the OpenAPI document', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const doc = await (await app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/import'].post.requestBody.content)).toEqual(['application/x-ndjson', 'text/csv', 'application/json']);
  });
});
