import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { signedInApp, testAccess, type SignedInApp } from './test-app.ts';
import { routePolicies } from '../access/route-policies.ts';
import type { Store } from '../db/open-database.ts';

/**
 * Walks /openapi.json and calls every route three ways: with no credential,
 * as a member of another workspace naming this workspace's rows, and as a
 * viewer for every route that changes state. The list of routes comes from
 * the server itself, so a route added later is checked without anyone
 * remembering to add it here.
 */

/** Strings only workspace A's data contains: none may appear in any answer to someone else. */
const markers = ['Zelda Markerova', 'zelda.markerova@a.example', 'Marker note A', 'Marker campaign A', 'Marker Seat A', 'Marker role A', 'invitee.marker@a.example', 'suppressed.marker@a.example'];

interface Route {
  method: string;
  path: string;
}

interface Seeded {
  candidateId: number;
  noteId: number;
  campaignId: string;
  invitationId: string;
  tokenId: string;
  suppressionId: number;
  ownerUserId: string;
  /** A's campaign sequence: a valid body for PUT steps */
  steps: unknown[];
}

function fill(path: string, a: Seeded): string {
  return path
    .replace('/api/candidates/{id}/notes/{noteId}', `/api/candidates/${a.candidateId}/notes/${a.noteId}`)
    .replace('/api/candidates/{id}', `/api/candidates/${a.candidateId}`)
    .replace('{seatId}', 'wsa-seat')
    .replace('/api/outreach/seats/{id}', '/api/outreach/seats/wsa-seat')
    .replace('/api/campaigns/{id}', `/api/campaigns/${encodeURIComponent(a.campaignId)}`)
    .replace('/api/roles/{id}', '/api/roles/wsa-role')
    .replace('/api/suppressions/{id}', `/api/suppressions/${a.suppressionId}`)
    .replace('/api/tasks/{id}', '/api/tasks/1')
    .replace('/api/members/{userId}', `/api/members/${a.ownerUserId}`)
    .replace('/api/invitations/{id}', `/api/invitations/${a.invitationId}`)
    .replace('/api/tokens/{id}', `/api/tokens/${a.tokenId}`)
    .replace('{token}', 'sl_inv_not-a-real-invitation-token-but-well-formed-12345');
}

/** Bodies that name workspace A's rows, so a route that forgot its workspace would act on them. */
function bodyFor(route: Route, a: Seeded): { body: string; type: string } | undefined {
  if (route.method === 'GET' || route.method === 'DELETE') return undefined;
  const key = `${route.method} ${route.path}`;
  const bodies: Record<string, unknown> = {
    'POST /api/candidates': { candidates: [{ name: 'Someone From B' }] },
    'POST /api/search': { query: 'rust OR Markerova' },
    'POST /api/rank': { roleId: 'wsa-role' },
    'POST /api/roles': { id: 'b-role', name: 'B role', query: 'java' },
    'POST /api/candidates/{id}/feedback': { roleId: 'wsa-role', verdict: 'shortlist' },
    'POST /api/ranking/outcomes': { candidateId: a.candidateId, roleId: 'wsa-role', outcome: 'replied' },
    'POST /api/messages/preview': { step: 'connection', candidateId: a.candidateId, seatId: 'wsa-seat' },
    'POST /api/messages/preview/bulk': { step: 'connection', candidateIds: [a.candidateId], seatId: 'wsa-seat' },
    'POST /api/campaigns': { name: 'B campaign', seatIds: ['wsa-seat'], source: { kind: 'ids', ids: [a.candidateId] } },
    'POST /api/campaigns/{id}/candidates': { candidateIds: [a.candidateId] },
    'PUT /api/campaigns/{id}/steps': { steps: a.steps },
    'POST /api/seats/{seatId}/credits/events': { type: 'purchase', date: '2026-01-05', count: 5 },
    'POST /api/credits/transfers': { fromSeat: 'wsa-seat', toSeat: 'wsa-seat2', count: 1, date: '2026-01-06' },
    'POST /api/credits/forecast': { seatId: 'wsa-seat', weeklySends: 5, replyRate: 0.2 },
    'POST /api/credits/simulate': { seatId: 'wsa-seat', events: [] },
    'POST /api/outcomes': { candidateId: a.candidateId, kind: 'replied', channel: 'connection_note' },
    'POST /api/suppressions': { email: 'b-only@b.example' },
    'PATCH /api/seats/{seatId}': { ownerUserId: null },
    'PATCH /api/members/{userId}': { role: 'viewer' },
    'POST /api/candidates/{id}/notes': { text: 'B was here' },
    'POST /api/me/workspace': { workspaceId: 'default' },
    'POST /api/invitations': { email: null, role: 'viewer' },
    'POST /api/tokens': { name: 'b token' },
    'POST /api/workspaces': { name: 'B second' },
  };
  if (key === 'POST /api/import' || key === 'POST /api/outcomes/import') return { body: key === 'POST /api/import' ? '{"basics":{"name":"Imported By B"}}\n' : `candidate_id,kind\n${a.candidateId},replied\n`, type: key === 'POST /api/import' ? 'application/x-ndjson' : 'text/csv' };
  return { body: JSON.stringify(bodies[key] ?? {}), type: 'application/json' };
}

async function call(who: SignedInApp | null, app: SignedInApp, route: Route, a: Seeded): Promise<{ status: number; text: string }> {
  const b = bodyFor(route, a);
  const headers: Record<string, string> = { origin: 'http://localhost' };
  if (b) headers['content-type'] = b.type;
  const init: RequestInit = { method: route.method, headers, body: b?.body };
  const res = who ? await who.request(fill(route.path, a), init) : await app.app.request(fill(route.path, a), init);
  return { status: res.status, text: await res.text() };
}

/** What A has, to check that nobody else's request changed it. */
async function snapshot(store: Store): Promise<string> {
  const count = async (table: 'candidates' | 'candidate_notes' | 'outreach_campaigns' | 'outreach_suppressions' | 'ranking_roles' | 'credit_events' | 'workspace_members' | 'outreach_outcomes') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id' as never, '=', 'default' as never).executeTakeFirst())?.n ?? 0);
  const campaign = await store.db.selectFrom('outreach_campaigns').select(['status', 'sequence']).where('workspace_id', '=', 'default').execute();
  const members = await store.db.selectFrom('workspace_members').select(['user_id', 'role']).where('workspace_id', '=', 'default').orderBy('user_id').execute();
  const tokens = await store.db.selectFrom('api_tokens').select(['id', 'revoked_at']).where('workspace_id', '=', 'default').orderBy('id').execute();
  const invitations = await store.db.selectFrom('workspace_invitations').select(['id', 'revoked_at', 'accepted_at']).where('workspace_id', '=', 'default').orderBy('id').execute();
  const seats = await store.db.selectFrom('seats').select(['id', 'owner_user_id', 'name']).where('workspace_id', '=', 'default').orderBy('id').execute();
  const role = await store.db.selectFrom('ranking_roles').select('profile' as never).where('workspace_id', '=', 'default').execute();
  return JSON.stringify({
    candidates: await count('candidates'),
    notes: await count('candidate_notes'),
    campaigns: await count('outreach_campaigns'),
    suppressions: await count('outreach_suppressions'),
    roles: await count('ranking_roles'),
    outcomes: await count('outreach_outcomes'),
    credits: Number((await store.db.selectFrom('credit_events').innerJoin('seats', 'seats.id', 'credit_events.seat_id').select((eb) => eb.fn.countAll<number>().as('n')).where('seats.workspace_id', '=', 'default').executeTakeFirst())?.n ?? 0),
    campaign,
    members,
    tokens,
    invitations,
    seats,
    role,
  });
}

/**
 * Unsafe-method routes a viewer may call: computations that store nothing,
 * their own notes, their own account. Every other POST/PUT/PATCH/DELETE must
 * refuse a viewer.
 */
const viewerMayCall = new Set([
  'POST /api/search',
  'POST /api/rank',
  'POST /api/roles/extract',
  'POST /api/messages/preview',
  'POST /api/messages/preview/bulk',
  'POST /api/credits/forecast',
  'POST /api/credits/advice',
  'POST /api/credits/simulate',
  'POST /api/candidates/{id}/notes',
  'DELETE /api/candidates/{id}/notes/{noteId}',
  'POST /api/me/workspace',
  'DELETE /api/tokens/{id}',
]);

describeEachBackend('every route checks who calls it', (getStore) => {
  let owner: SignedInApp;
  let viewer: SignedInApp;
  let other: SignedInApp;
  let routes: Route[] = [];
  let a: Seeded;

  it('setup: workspace A with data, a viewer in it, and an owner of workspace B', async () => {
    const store = getStore();
    const access = testAccess(store);
    owner = await signedInApp({ store, access, webRoot: '/nonexistent' });
    viewer = await signedInApp({ store, access, role: 'viewer', webRoot: '/nonexistent' });
    other = await signedInApp({ store, access, workspaceId: 'ws-b', webRoot: '/nonexistent' });
    const post = async (path: string, body: unknown) => {
      const res = await owner.request(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify(body) });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    await post('/api/seats', { id: 'wsa-seat', name: 'Marker Seat A', plan: 'recruiter-corporate', contractId: 'wsa-contract', since: '2026-01-01' });
    await post('/api/seats', { id: 'wsa-seat2', name: 'Marker Seat A two', plan: 'recruiter-corporate', contractId: 'wsa-contract', since: '2026-01-01' });
    const created = (await post('/api/candidates', { candidates: [{ name: 'Zelda Markerova', headline: 'Rust engineer', emails: ['zelda.markerova@a.example'], skills: ['rust'], profileUrl: 'https://www.linkedin.com/in/zelda-markerova' }] })) as { results?: Array<{ id: number }>; ids?: number[] };
    const list = (await (await owner.request('/api/candidates')).json()) as { candidates: Array<{ id: number }> };
    const candidateId = list.candidates[0]!.id;
    expect(created).toBeTruthy();
    await post('/api/roles', { id: 'wsa-role', name: 'Marker role A', query: 'rust' });
    const campaign = await post('/api/campaigns', { name: 'Marker campaign A', seatIds: ['wsa-seat'], source: { kind: 'ids', ids: [candidateId] } });
    const note = await post(`/api/candidates/${candidateId}/notes`, { text: 'Marker note A' });
    const suppression = await post('/api/suppressions', { email: 'suppressed.marker@a.example' });
    const invitation = (await post('/api/invitations', { email: 'invitee.marker@a.example', role: 'viewer', send: false })) as { invitation: { id: string } };
    const tokens = (await (await owner.request('/api/tokens')).json()) as { tokens: Array<{ id: string; userId: string }> };
    a = {
      candidateId,
      noteId: Number(note.id),
      campaignId: String(campaign.id),
      invitationId: invitation.invitation.id,
      tokenId: tokens.tokens.find((t) => t.userId === owner.userId)!.id,
      suppressionId: Number((suppression as { id?: number }).id ?? 1),
      ownerUserId: owner.userId,
      steps: ((await (await owner.request(`/api/campaigns/${encodeURIComponent(String(campaign.id))}/steps`)).json()) as { steps: unknown[] }).steps,
    };
    const doc = (await (await owner.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThan(60);
  });

  it('every route in /openapi.json has an access policy, and every policy names a real route', () => {
    const documented = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const missing = [...documented].filter((r) => !(r in routePolicies));
    expect(missing, 'routes without a policy in src/access/route-policies.ts').toEqual([]);
    const stale = Object.keys(routePolicies).filter((r) => !documented.has(r) && r !== 'GET /api/health' && r !== 'GET /openapi.json');
    expect(stale, 'policies for routes that do not exist').toEqual([]);
  });

  it('without a credential, every route but the public ones and the signed webhook answers 401', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const level = routePolicies[`${r.method} ${r.path}`];
      if (level === 'public') continue;
      const { status, text } = await call(null, owner, r, a);
      if (status !== 401) failures.push(`${r.method} ${r.path}: ${status}`);
      for (const m of markers) if (text.includes(m)) failures.push(`${r.method} ${r.path} leaked ${m}`);
    }
    expect(failures).toEqual([]);
  });

  it("a member of another workspace naming A's rows gets 404 on every route with an id, and no row of A in any answer; A is unchanged", async () => {
    const before = await snapshot(getStore());
    const failures: string[] = [];
    for (const r of routes) {
      const level = routePolicies[`${r.method} ${r.path}`];
      if (level === 'public' || level === 'signed') continue;
      const { status, text } = await call(other, owner, r, a);
      for (const m of markers) if (text.includes(m)) failures.push(`${r.method} ${r.path} leaked '${m}'`);
      const namesARow = /\{(id|seatId|noteId|userId)\}/.test(r.path) && !r.path.startsWith('/api/invitations/{token}');
      if (namesARow && status !== 404) failures.push(`${r.method} ${r.path}: ${status}, expected 404 (${text.slice(0, 160)})`);
      if (status >= 500) failures.push(`${r.method} ${r.path}: ${status} ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot(getStore())).toBe(before);
  });

  it('a viewer is refused (403) on every route that changes state, and nothing changes', async () => {
    const before = await snapshot(getStore());
    const failures: string[] = [];
    let checked = 0;
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      // decided by the method and this test's own list, not by the policy table under test
      if (r.method === 'GET' || viewerMayCall.has(key)) continue;
      if (routePolicies[key] === 'public' || routePolicies[key] === 'signed') continue;
      checked++;
      const { status, text } = await call(viewer, owner, r, a);
      if (status !== 403) failures.push(`${r.method} ${r.path}: ${status} (${text.slice(0, 160)})`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(30);
    expect(await snapshot(getStore())).toBe(before);
  });

  it('a viewer can read what a hiring manager needs, and comment', async () => {
    for (const path of ['/api/candidates', `/api/candidates/${a.candidateId}`, '/api/campaigns', `/api/campaigns/${encodeURIComponent(a.campaignId)}`, '/api/analytics/funnel', '/api/members']) {
      expect((await viewer.request(path)).status, path).toBe(200);
    }
    const search = await viewer.request('/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'rust' }) });
    expect(search.status).toBe(200);
    const note = await viewer.request(`/api/candidates/${a.candidateId}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Looks strong for the team' }) });
    expect(note.status).toBe(201);
  });
});
