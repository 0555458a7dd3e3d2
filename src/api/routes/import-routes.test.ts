import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { countCandidates } from '../../candidates/candidate-store.ts';
import { createApp } from '../app.ts';

const fixtureText = readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/jsonresume-40.ndjson'), 'utf8');

describeEachBackend('POST /api/import', (getStore) => {
  it('imports NDJSON, then the same body again changes nothing', async () => {
    const app = createApp({ store: getStore(), webRoot: '/nonexistent' });
    const post = () => app.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: fixtureText });
    const res = await post();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: 'jsonresume', records: 40, imported: 40, skipped: 0, errors: [] });
    expect(await (await post()).json()).toMatchObject({ imported: 0, unchanged: 40 });
    expect(await countCandidates(getStore(), 'default')).toBe(40);
  });

  it('imports a JSON array and CSV with ?map=, reporting bad records by line', async () => {
    const app = createApp({ store: getStore(), webRoot: '/nonexistent' });
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
    const app = createApp({ store: getStore(), webRoot: '/nonexistent' });
    const res = await app.request('/api/import?format=csv&map=Job%3Dsalary', { method: 'POST', body: 'Job\nx\n' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/unknown field 'salary'/) } });
  });

  it('is in the OpenAPI document', async () => {
    const app = createApp({ store: getStore(), webRoot: '/nonexistent' });
    const doc = await (await app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/import'].post.requestBody.content)).toEqual(['application/x-ndjson', 'text/csv', 'application/json']);
  });
});
