import { expect, it } from 'vitest';
// first: it loads @hono/zod-openapi, which gives zod schemas their .openapi() before the domain modules build theirs
import { signedInApp, type SignedInApp } from '../test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import type { Store } from '../../db/open-database.ts';
import { seedRunningCampaign } from '../../outreach/outreach-test-setup.ts';
import { createExecutorRegistry } from '../../outreach/delivery/executor-registry.ts';
import { TasksExecutor } from '../../outreach/delivery/tasks-executor.ts';
import { runWorkerPass } from '../../outreach/delivery/worker.ts';

/**
 * Workspace isolation in the domain routes (docs/security.md, "Workspace
 * isolation"): seat, campaign, task and candidate ids are unique across the
 * server, so a member of workspace B can name workspace A's rows. Every
 * route answers 404 for them (or, for lists filtered by them, nothing of
 * A's), never A's data, and changes nothing in A.
 */
const registry = createExecutorRegistry([new TasksExecutor()]);
type Call = { status: number; text: string; body: any };

function caller(app: SignedInApp) {
  return async (method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Call> => {
    const res = await app.request(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) };
  };
}

async function everything(store: Store) {
  const out: Record<string, string> = {};
  for (const table of ['seats', 'credit_events', 'outreach_campaigns', 'outreach_enrollments', 'outreach_actions', 'outreach_seat_state', 'candidates', 'candidate_notes', 'ranking_roles', 'outreach_suppressions'] as const) {
    out[table] = JSON.stringify(await store.db.selectFrom(table).selectAll().orderBy(table === 'outreach_seat_state' ? 'seat_id' : 'id').execute());
  }
  return out;
}

describeEachBackend('workspace isolation of the domain routes', (getStore) => {
  it("answers 404 to a member of another workspace naming this workspace's seats, campaigns, tasks, candidates, notes and roles", { timeout: 90_000 }, async () => {
    const store = getStore();
    const a = await signedInApp({ store, webRoot: '/nonexistent' });
    const b = await signedInApp({ store, access: a.access, workspaceId: 'iso-b', webRoot: '/nonexistent' });
    const asA = caller(a);
    const asB = caller(b);

    // workspace A: a corporate seat with a task waiting, a campaign, candidates with a note, a role, a suppression
    const A = await seedRunningCampaign(store, { tag: 'isoa', n: 2, launchAt: '2025-06-02T08:00:00.000Z', plan: 'recruiter-corporate' });
    await store.db.updateTable('seats').set({ contract_id: 'iso-k' }).where('id', '=', A.seatId).execute();
    await runWorkerPass(store, { registry, now: () => '2025-06-03T23:00:00.000Z', seed: 1 });
    await runWorkerPass(store, { registry, now: () => '2025-06-03T23:59:30.000Z', seed: 1 });
    const task = (await store.db.selectFrom('outreach_actions').select('id').where('seat_id', '=', A.seatId).where('status', '=', 'awaiting_person').executeTakeFirstOrThrow()).id;
    const cand = A.candidateIds[0];
    const note = (await asA('POST', `/api/candidates/${cand}/notes`, { text: 'A-only note' })).body.id;
    expect((await asA('POST', '/api/roles', { id: 'iso-role', name: 'A role', query: 'Kubernetes' })).status).toBe(200);
    const suppression = (await asA('POST', '/api/suppressions', { email: 'isoa-supp@example.com' })).body.entry.id;
    const aName = (await store.db.selectFrom('candidates').select('name').where('id', '=', cand).executeTakeFirstOrThrow()).name;

    // workspace B: its own corporate seat on the "same" contract id, and a candidate
    expect((await asB('POST', '/api/seats', { id: 'isob-seat', name: 'B seat', plan: 'recruiter-corporate', contractId: 'iso-k', since: '2025-06-01' })).status).toBe(201);
    const bCand = (await asB('POST', '/api/candidates', { candidates: [{ firstName: 'Bea', lastName: 'Bee', profileUrl: 'https://www.linkedin.com/in/bea-bee-iso' }] })).body.results[0].id;
    const steps = (await asA('GET', `/api/campaigns/${A.campaignId}/steps`)).body.steps;

    const before = await everything(store);
    const notFound: [string, string, unknown?][] = [
      // seats and credits
      ['GET', `/api/seats/${A.seatId}/credits`],
      ['GET', `/api/seats/${A.seatId}/credits/events`],
      ['GET', `/api/seats/${A.seatId}/credits/cost`],
      ['POST', `/api/seats/${A.seatId}/credits/events`, { type: 'purchase', count: 1 }],
      ['PATCH', `/api/seats/${A.seatId}`, { ownerUserId: b.userId }],
      ['POST', '/api/credits/transfers', { fromSeat: A.seatId, toSeat: 'isob-seat', count: 1 }],
      ['POST', '/api/credits/transfers', { fromSeat: 'isob-seat', toSeat: A.seatId, count: 1 }],
      ['POST', '/api/credits/forecast', { seatId: A.seatId, weeklySends: 10, replyRate: 0.2, runs: 5 }],
      // campaigns, tasks, seat pause
      ['GET', `/api/campaigns/${A.campaignId}`],
      ['GET', `/api/campaigns/${A.campaignId}/steps`],
      ['PUT', `/api/campaigns/${A.campaignId}/steps`, { steps }],
      ['POST', `/api/campaigns/${A.campaignId}/launch`],
      ['POST', `/api/campaigns/${A.campaignId}/pause`],
      ['POST', `/api/campaigns/${A.campaignId}/stop`],
      ['POST', `/api/campaigns/${A.campaignId}/candidates`, { candidateIds: [bCand] }],
      ['GET', `/api/campaigns/${A.campaignId}/simulation?days=2`],
      ['POST', '/api/campaigns', { name: 'steal', seatIds: [A.seatId], source: { kind: 'ids', ids: [bCand] } }],
      ['POST', '/api/campaigns', { name: 'steal', seatIds: ['isob-seat'], source: { kind: 'ids', ids: [cand] } }],
      ['POST', `/api/tasks/${task}/done`],
      ['POST', `/api/tasks/${task}/skip`],
      ['POST', `/api/tasks/${task}/fail`],
      ['GET', `/api/tasks?seat=${A.seatId}`],
      ['POST', `/api/outreach/seats/${A.seatId}/pause`],
      ['DELETE', `/api/suppressions/${suppression}`],
      ['POST', '/api/outcomes', { candidateId: cand, campaignId: A.campaignId, kind: 'replied', replyKind: 'positive', at: '2025-06-04T10:00:00Z', source: 'api' }],
      // candidates and notes
      ['GET', `/api/candidates/${cand}`],
      ['DELETE', `/api/candidates/${cand}`],
      ['GET', `/api/candidates/${cand}/outreach`],
      ['GET', `/api/candidates/${cand}/notes`],
      ['POST', `/api/candidates/${cand}/notes`, { text: 'from B' }],
      ['DELETE', `/api/candidates/${cand}/notes/${note}`],
      ['DELETE', `/api/candidates/${bCand}/notes/${note}`],
      ['POST', `/api/candidates/${cand}/feedback`, { roleId: 'iso-role', verdict: 'shortlist' }],
      // roles, ranking and messages naming A's rows
      ['GET', '/api/roles/iso-role'],
      ['DELETE', '/api/roles/iso-role'],
      ['POST', '/api/rank', { roleId: 'iso-role' }],
      ['POST', '/api/rank', { role: { name: 'r', query: 'Kubernetes' }, seatId: A.seatId }],
      ['POST', '/api/messages/preview', { candidateId: cand }],
      ['POST', '/api/messages/preview', { candidateId: bCand, seatId: A.seatId }],
    ];
    const leaks: string[] = [];
    for (const [method, path, body] of notFound) {
      const r = await asB(method, path, body);
      if (r.status !== 404 || r.text.includes(aName) || r.text.includes('A-only note')) leaks.push(`${method} ${path} ${JSON.stringify(body ?? '')}: ${r.status} ${r.text.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);

    // lists and filters show nothing of A's
    const lists: [string, string, unknown?][] = [
      ['GET', '/api/seats'],
      ['GET', '/api/campaigns'],
      ['GET', '/api/tasks'],
      ['GET', '/api/candidates'],
      ['GET', '/api/suppressions'],
      ['GET', '/api/roles'],
      ['GET', `/api/analytics/funnel?campaign=${A.campaignId}`],
      ['GET', `/api/analytics/channels?campaign=${A.campaignId}`],
      ['GET', `/api/analytics/variants?campaign=${A.campaignId}`],
      ['POST', '/api/search', { query: 'Kubernetes' }],
      ['POST', '/api/rank', { role: { name: 'r', query: 'Kubernetes' } }],
      ['POST', '/api/messages/preview/bulk', { candidateIds: [cand, bCand] }],
    ];
    for (const [method, path, body] of lists) {
      const r = await asB(method, path, body);
      for (const secret of [A.seatId, A.campaignId, aName, task, 'iso-role', 'isoa-supp']) {
        if (r.text.includes(secret)) leaks.push(`${method} ${path}: ${r.status} shows ${secret}`);
      }
    }
    expect(leaks).toEqual([]);

    // a seat id used by another workspace is refused in words that say nothing about that workspace
    const taken = await asB('POST', '/api/seats', { id: A.seatId, name: 'Mine now' });
    const takenHere = await asA('POST', '/api/seats', { id: A.seatId, name: 'Again' });
    expect([taken.status, takenHere.status]).toEqual([409, 409]);
    expect(taken.body.error.message).toBe(takenHere.body.error.message);
    // a derived id does not reveal another workspace's seat names by its number
    const derived = await asB('POST', '/api/seats', { name: 'isoa seat' });
    expect(derived.status).toBe(201);
    expect(derived.body.seat.id).toMatch(/^isoa-seat-[0-9a-f]{6}$/);
    const derivedHere = await asA('POST', '/api/seats', { name: 'isoa seat' });
    expect(derivedHere.body.seat.id).toBe('isoa-seat-2');

    const after = await everything(store);
    for (const table of Object.keys(before)) {
      if (table === 'seats') continue; // the two seats just added
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    }

    // outcomes by A's candidate id are refused row by row, and an import of A's person makes B its own candidate
    const outcomes = await asB('POST', '/api/outcomes/import', `candidate_id,kind,reply_kind,channel,at\n${cand},replied,positive,inmail,2025-06-04\n`, 'text/csv');
    expect(outcomes.status).toBe(200);
    expect(outcomes.body).toMatchObject({ applied: 0, failed: 1 });
    const aRow = await store.db.selectFrom('candidates').selectAll().where('id', '=', cand).executeTakeFirstOrThrow();
    const imported = await asB('POST', '/api/candidates', { candidates: [{ firstName: 'Other', lastName: 'Name', profileUrl: aRow.profile_url, emails: ['b-side@example.com'] }] });
    expect(imported.body.results[0]).toMatchObject({ outcome: 'imported' });
    expect(imported.body.results[0].id).not.toBe(cand);
    expect(await store.db.selectFrom('candidates').selectAll().where('id', '=', cand).executeTakeFirstOrThrow()).toEqual(aRow);
    expect(await store.db.selectFrom('outreach_enrollments').selectAll().orderBy('id').execute()).toEqual(JSON.parse(before.outreach_enrollments));
  });
});
