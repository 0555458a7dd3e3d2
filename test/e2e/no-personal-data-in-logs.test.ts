/**
 * Issue #13: no personal data in logs. A real server (with its worker) and a
 * CLI worker run a scenario on candidates with distinctive names and
 * emails: import, failing requests of several kinds, a campaign launched and
 * worked through on the sandbox for a few virtual days. Nothing either
 * process prints may contain those names or emails, the API token, or the
 * session cookie.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './browser-harness.ts';
import { api, startOwnServer, type OwnServer } from './signed-in-server.ts';

const people = [
  { first: 'Ottoline', last: 'Zyxwardle', email: 'ottoline.zyxwardle@private-mail.example' },
  { first: 'Barnaby', last: 'Quorncastle', email: 'barnaby.q@private-mail.example' },
  { first: 'Clementine', last: 'Vexholme', email: 'c.vexholme@another-private.example' },
];
const secretsOf = (p: (typeof people)[number]) => [p.first, p.last, p.email, p.email.split('@')[0]!];

describe('no personal data in what the server and the worker print', () => {
  let scout: OwnServer;
  let token = '';
  let sessionCookie = '';
  let workerOut = '';

  beforeAll(async () => {
    scout = await startOwnServer({ demoCount: 30, worker: true });
    // sign in with the link from node (no browser needed here), keep the cookie, make a token
    const link = await fetch(scout.signInLink, { redirect: 'manual' });
    sessionCookie = (link.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (!sessionCookie.includes('session_token=')) throw new Error(`no session cookie from the sign-in link: ${link.status}`);
    const t = await fetch(`${scout.url}/api/tokens`, { method: 'POST', headers: { cookie: sessionCookie, 'content-type': 'application/json', origin: scout.url, 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ name: 'log-test' }) });
    token = ((await t.json()) as { token: string }).token;
    if (!token) throw new Error(`no token: ${t.status}`);

    // import them (JSON Resume and CSV, including a bad CSV line that names one of them)
    const ndjson = people
      .slice(0, 2)
      .map((p, i) => JSON.stringify({ basics: { name: `${p.first} ${p.last}`, email: p.email, label: `Staff Engineer at Zyx${i}`, summary: `${p.first} builds compilers`, url: `https://www.linkedin.com/in/${p.first.toLowerCase()}-${p.last.toLowerCase()}`, location: { city: 'Berlin', countryCode: 'DE' } }, skills: [{ name: 'Rust' }, { name: 'Go' }] }))
      .join('\n');
    const imp = await api<{ imported: number }>(scout.url, token, '/api/import', { method: 'POST', body: ndjson, contentType: 'application/x-ndjson' });
    if (imp.body.imported !== 2) throw new Error(`import: ${JSON.stringify(imp.body)}`);
    const c = people[2]!;
    const csv = `First Name,Last Name,Email,Headline\n${c.first},${c.last},${c.email},Rust engineer\n"${c.first} broken,${c.email}\n`;
    await api(scout.url, token, '/api/import?format=csv', { method: 'POST', body: csv, contentType: 'text/csv' });
  });

  afterAll(async () => {
    await scout?.stop();
  });

  it('runs the scenario: failing requests and worker actions on these candidates', async () => {
    const ids = (await api<{ results: Array<{ id: number }> }>(scout.url, token, '/api/search', { method: 'POST', body: { query: 'Zyxwardle OR Quorncastle OR Vexholme', limit: 10 } })).body.results.map((r) => r.id);
    expect(ids).toHaveLength(3);
    const p = people[0]!;
    // failing requests, each carrying personal data in what the client sent
    const failures: Array<[string, RequestInit & { path: string }]> = [
      ['bad JSON body', { path: '/api/candidates', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: `{"name": "${p.first} ${p.last}", "emails": ["${p.email}"` }],
      ['invalid field', { path: '/api/candidates', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `${p.first} ${p.last}`, emails: p.email }) }],
      ['a bad token', { path: '/api/candidates', method: 'GET', headers: { authorization: `Bearer sl_tok_${p.first}` } }],
      ['sign-in failure with their email', { path: '/api/auth/sign-in/email', method: 'POST', headers: { 'content-type': 'application/json', origin: scout.url }, body: JSON.stringify({ email: p.email, password: `${p.last}-password-123` }) }],
      ['an outcome for an unknown email', { path: '/api/outcomes/import', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: `email,kind,at\n${p.email},replied,2026-03-05\nnobody-${p.email},replied,2026-03-05\n` }],
      ['a note then a bad note delete', { path: `/api/candidates/${ids[0]}/notes/999999`, method: 'DELETE', headers: { authorization: `Bearer ${token}` } }],
      ['a search with a syntax error naming them', { path: '/api/search', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: `(${p.last} AND "${p.email}` }) }],
    ];
    for (const [why, init] of failures) {
      const r = await fetch(`${scout.url}${init.path}`, init);
      const body = await r.text();
      // the CSV outcome import answers 200 with each refused row
      if (why.startsWith('an outcome')) expect(body, why).toContain('"failed":');
      else expect(r.status, why).toBeGreaterThanOrEqual(400);
    }
    // a campaign on them, launched, and worked through on the sandbox's virtual clock
    const camp = await api<{ id: string; status: string }>(scout.url, token, '/api/campaigns', { method: 'POST', body: { name: 'Compiler people', seatIds: ['demo-london'], source: { kind: 'ids', ids }, launch: true } });
    expect(camp.status).toBe(201);
    const worker = spawnSync(process.execPath, [join(repoRoot, 'bin', 'scoutline'), '--db', scout.dbPath, 'worker', '--fast-forward', '4', '--step-minutes', '120', '--executor', 'sandbox'], { cwd: repoRoot, encoding: 'utf8', timeout: 240_000 });
    workerOut = `${worker.stdout}\n${worker.stderr}`;
    expect(worker.status, workerOut.slice(-2000)).toBe(0);
    // spawnSync blocked this process's event loop past the server's keep-alive timeout: let the client see the
    // server close its idle connections before reusing one (else undici sends on a closed socket: "other side closed")
    await new Promise((r) => setTimeout(r, 200));
    let acted = 0;
    for (const id of ids) acted += (await api<{ enrollments: Array<{ actions: Array<{ executedAt: string | null }> }> }>(scout.url, token, `/api/candidates/${id}/outreach`)).body.enrollments.flatMap((e) => e.actions).filter((a) => a.executedAt).length;
    expect(acted, `the worker acted on them:\n${workerOut.slice(-1500)}`).toBeGreaterThan(0);
    expect(workerOut).toMatch(/"msg":"action executed"/);
  }, 300_000);

  it('printed none of their names or emails, and no token or session cookie', async () => {
    const printed = { 'server stdout': scout.stdout(), 'server stderr': scout.stderr(), 'CLI worker': workerOut };
    expect(workerOut.length).toBeGreaterThan(0);
    for (const [where, text] of Object.entries(printed)) {
      for (const p of people) for (const s of secretsOf(p)) expect(text.includes(s), `${where} contains '${s}'`).toBe(false);
      expect(text.includes(token), `${where} contains the API token`).toBe(false);
      expect(text.includes(sessionCookie.split('=')[1]!), `${where} contains the session cookie`).toBe(false);
    }
  });
});
