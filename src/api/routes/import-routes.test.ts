import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { countCandidates } from '../../candidates/candidate-store.ts';
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

  it('is in the OpenAPI document', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const doc = await (await app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/import'].post.requestBody.content)).toEqual(['application/x-ndjson', 'text/csv', 'application/json']);
  });
});
