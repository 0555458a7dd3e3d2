import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { candidateArbitrary } from '../candidates/candidate-arbitraries.ts';
import { upsertCandidates } from '../candidates/candidate-store.ts';
import type { Store } from '../db/open-database.ts';
import { describeEachBackend, testPostgresUrl } from '../db/test-backends.ts';
import { signedInApp, type SignedInApp } from '../api/test-app.ts';
import { runInProcess, startTestServer } from '../cli/remote/in-process-cli.ts';
import type { SearchRequest } from './plan-search.ts';
import { searchRequestArbitrary } from './search-request-arbitraries.ts';

/** The --db a separate connection needs to reach this test store (on PostgreSQL: its private schema). */
function dbArg(store: Store): string {
  if (store.dialect === 'sqlite') return store.location;
  const schema = /\(schema ([a-z0-9_]+)\)/.exec(store.location)?.[1];
  if (!schema) throw new Error(`no schema in ${store.location}`);
  return `${testPostgresUrl}${testPostgresUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** The request as `scoutline search` flags (an empty degree list is no flag: both mean no filter). */
function cliArgs(r: SearchRequest): string[] {
  const f = r.filters ?? {};
  return [
    '--json',
    '--limit', String(r.limit),
    ...(r.offset !== undefined ? ['--offset', String(r.offset)] : []),
    ...(r.sort ? ['--sort', r.sort] : []),
    ...(f.location !== undefined ? ['--location', f.location] : []),
    ...(f.openProfile !== undefined ? [f.openProfile ? '--open-profile' : '--no-open-profile'] : []),
    ...(f.openToWork !== undefined ? [f.openToWork ? '--open-to-work' : '--no-open-to-work'] : []),
    ...(f.degree?.length ? ['--degree', f.degree.join(',')] : []),
    '--',
    r.query,
  ];
}

type Answer = { ids: number[]; total: number } | { error: string };

function answerOf(body: { total?: number; results?: Array<{ id: number }>; error?: { code: string } }): Answer {
  return body.error ? { error: body.error.code } : { ids: body.results!.map((x) => x.id), total: body.total! };
}

/**
 * The three ways in: POST /api/search (the web UI's and the remote CLI's
 * route), `scoutline search` on the database, and `scoutline --server URL
 * search`. For random queries, filters and orders they give the same ids in
 * the same order (or the same refusal).
 */
describeEachBackend('one search entry point', (getStore) => {
  let app: SignedInApp;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    const people = fc.sample(candidateArbitrary, { numRuns: 120, seed: 15 });
    await upsertCandidates(getStore(), 'default', people);
    app = await signedInApp({ store: getStore(), webRoot: '/nonexistent' });
    server = await startTestServer(getStore());
  });
  afterAll(async () => {
    await server?.close();
  });

  it('property: the API route, the local CLI and the remote CLI give the same ids in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(searchRequestArbitrary, async (request) => {
        const res = await app.request('/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
        const route = answerOf(await res.json());
        const local = await runInProcess(['search', '--db', dbArg(getStore()), ...cliArgs(request)]);
        const remote = await runInProcess(['--server', server.url, '--token', app.token, 'search', ...cliArgs(request)]);
        expect(answerOf(JSON.parse(local.stdout)), `local CLI: ${local.stderr}`).toEqual(route);
        expect(answerOf(JSON.parse(remote.stdout)), `remote CLI: ${remote.stderr}`).toEqual(route);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
