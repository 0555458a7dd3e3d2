import { expect, it } from 'vitest';
// first: it loads @hono/zod-openapi, which gives zod schemas their .openapi() before the domain modules build theirs
import { signedInApp, type SignedInApp } from '../test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import type { Store } from '../../db/open-database.ts';
import { seedRunningCampaign } from '../../outreach/outreach-test-setup.ts';
import { createExecutorRegistry } from '../../outreach/delivery/executor-registry.ts';
import { TasksExecutor } from '../../outreach/delivery/tasks-executor.ts';
import { runWorkerPass } from '../../outreach/delivery/worker.ts';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { setSeatOwner } from '../../seats/seat-store.ts';
import { listAudit } from '../../access/audit-store.ts';

/**
 * Seats belong to a member (issue #13 item 2): a recruiter works only the
 * seats assigned to them, admins and owners every seat. Each refusal is a
 * 403 naming the seat and its owner, and changes nothing.
 */
const ws = 'default';
const launchAt = '2025-06-02T08:00:00.000Z';
const registry = createExecutorRegistry([new TasksExecutor()]);
// the tests of one backend share a database: each seeds its own seats
let run = 0;

type Call = { status: number; body: any };

function caller(app: SignedInApp) {
  return async (method: string, path: string, body?: unknown): Promise<Call> => {
    const res = await app.request(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
}

async function team(store: Store) {
  const owner = await signedInApp({ store, webRoot: '/nonexistent' });
  const same = { store, access: owner.access, webRoot: '/nonexistent' };
  const alex = await signedInApp({ ...same, role: 'recruiter', email: `alex-${Date.now()}@example.test` });
  const sam = await signedInApp({ ...same, role: 'recruiter', email: `sam-${Date.now()}@example.test` });
  const admin = await signedInApp({ ...same, role: 'admin' });
  const viewer = await signedInApp({ ...same, role: 'viewer' });
  const nameOf = async (userId: string) => (await store.db.selectFrom('auth_users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name;
  return { owner, alex, sam, admin, viewer, nameOf };
}

/** Two running campaigns on two seats (Alex's and Sam's) with a task each waiting for a person, and a spare unassigned seat. */
async function seed(store: Store, t: Awaited<ReturnType<typeof team>>, p: string) {
  const mine = await seedRunningCampaign(store, { tag: `${p}-alex`, n: 2, launchAt, plan: 'recruiter-lite' });
  const theirs = await seedRunningCampaign(store, { tag: `${p}-sam`, n: 2, launchAt, plan: 'recruiter-lite' });
  const spare = await seedRunningCampaign(store, { tag: `${p}-spare`, n: 1, launchAt, plan: 'recruiter-lite' });
  await setSeatOwner(store, ws, mine.seatId, t.alex.userId);
  await setSeatOwner(store, ws, theirs.seatId, t.sam.userId);
  await runWorkerPass(store, { registry, now: () => '2025-06-03T23:00:00.000Z', seed: 1 });
  await runWorkerPass(store, { registry, now: () => '2025-06-03T23:59:30.000Z', seed: 1 });
  const tasksOf = async (seatId: string) =>
    (await store.db.selectFrom('outreach_actions').select(['id', 'status']).where('seat_id', '=', seatId).where('status', '=', 'awaiting_person').orderBy('id').execute()).map((r) => r.id);
  const myTasks = await tasksOf(mine.seatId);
  const theirTasks = await tasksOf(theirs.seatId);
  expect(myTasks.length).toBeGreaterThan(0);
  expect(theirTasks.length).toBeGreaterThan(0);
  return { mine, theirs, spare, myTasks, theirTasks };
}

async function snapshot(store: Store) {
  const rows = async (table: 'credit_events' | 'outreach_campaigns' | 'outreach_enrollments' | 'outreach_actions' | 'outreach_seat_state' | 'audit_log' | 'seats') =>
    JSON.stringify(await store.db.selectFrom(table).selectAll().orderBy(table === 'outreach_seat_state' ? 'seat_id' : 'id').execute());
  return {
    credits: await rows('credit_events'),
    campaigns: await rows('outreach_campaigns'),
    enrollments: await rows('outreach_enrollments'),
    actions: await rows('outreach_actions'),
    seatState: await rows('outreach_seat_state'),
    audit: await rows('audit_log'),
    seats: await rows('seats'),
  };
}

describeEachBackend('seat ownership in the routes', (getStore) => {
  it("refuses a recruiter every way of working another member's seat, with the seat and owner named, and changes nothing", { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const s = await seed(store, t, `t${++run}`);
    const alex = caller(t.alex);
    const samName = await t.nameOf(t.sam.userId);
    const refusal = `seat '${s.theirs.seatId}' belongs to ${samName}; only its owner or an admin can work it`;
    const [extra] = (await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'Extra', lastName: 'Person', profileUrl: 'https://www.linkedin.com/in/extra-person' })])).outcomes.map((o) => o.id);

    const steps = (await caller(t.owner)('GET', `/api/campaigns/${s.theirs.campaignId}/steps`)).body.steps;
    const before = await snapshot(store);
    const attempts: [string, string, unknown?][] = [
      ['POST', `/api/seats/${s.theirs.seatId}/credits/events`, { type: 'purchase', count: 5, date: '2025-06-04' }],
      ['POST', '/api/campaigns', { name: 'poach', seatIds: [s.theirs.seatId], source: { kind: 'ids', ids: s.theirs.candidateIds } }],
      ['POST', '/api/campaigns', { name: 'mixed', seatIds: [s.mine.seatId, s.theirs.seatId], source: { kind: 'ids', ids: s.mine.candidateIds } }],
      ['POST', `/api/campaigns/${s.theirs.campaignId}/pause`],
      ['POST', `/api/campaigns/${s.theirs.campaignId}/stop`],
      ['POST', `/api/campaigns/${s.theirs.campaignId}/launch`],
      ['PUT', `/api/campaigns/${s.theirs.campaignId}/steps`, { steps }],
      ['POST', `/api/campaigns/${s.theirs.campaignId}/candidates`, { candidateIds: [extra] }],
      ['POST', `/api/outreach/seats/${s.theirs.seatId}/pause`, { reason: 'not mine' }],
      ['POST', `/api/tasks/${s.theirTasks[0]}/done`],
      ['POST', `/api/tasks/${s.theirTasks[0]}/skip`, { message: 'no' }],
      ['POST', `/api/tasks/${s.theirTasks[0]}/fail`, { message: 'no' }],
      ['GET', `/api/tasks?seat=${s.theirs.seatId}`],
    ];
    for (const [method, path, body] of attempts) {
      const r = await alex(method, path, body);
      expect({ path, status: r.status, code: r.body.error?.code }).toEqual({ path, status: 403, code: 'forbidden' });
      expect(r.body.error.message).toBe(refusal);
    }
    // the unassigned seat is an admin's to work or give out
    const spare = await alex('POST', `/api/outreach/seats/${s.spare.seatId}/pause`);
    expect(spare.status).toBe(403);
    expect(spare.body.error.message).toContain(`seat '${s.spare.seatId}' is not assigned to anyone`);
    expect(await snapshot(store)).toEqual(before);

    // a viewer is refused by the policy table before any seat is looked at
    expect((await caller(t.viewer)('POST', `/api/tasks/${s.theirTasks[0]}/done`)).status).toBe(403);
    expect(await snapshot(store)).toEqual(before);
  });

  it('lets a recruiter work their own seats and admins work every seat', { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const s = await seed(store, t, `t${++run}`);
    const alex = caller(t.alex);
    const admin = caller(t.admin);

    const bought = await alex('POST', `/api/seats/${s.mine.seatId}/credits/events`, { type: 'purchase', count: 5, date: '2025-06-04' });
    expect(bought.status).toBe(201);
    const lastEvent = await store.db.selectFrom('credit_events').select(['type', 'recorded_by']).where('seat_id', '=', s.mine.seatId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(lastEvent).toEqual({ type: 'purchase', recorded_by: t.alex.userId });

    expect((await alex('POST', `/api/campaigns/${s.mine.campaignId}/pause`)).body.status).toBe('paused');
    expect((await alex('POST', `/api/campaigns/${s.mine.campaignId}/launch`)).body.status).toBe('running');
    const created = await alex('POST', '/api/campaigns', { name: 'mine too', seatIds: [s.mine.seatId], source: { kind: 'ids', ids: s.mine.candidateIds } });
    expect(created.status).toBe(201);
    expect(created.body.seatIds).toEqual([s.mine.seatId]);
    expect((await alex('POST', `/api/tasks/${s.myTasks[0]}/done`)).body).toEqual({ actionId: s.myTasks[0], status: 'sent' });
    expect((await alex('POST', `/api/outreach/seats/${s.mine.seatId}/pause`)).status).toBe(200);

    // admins work anyone's seat and the unassigned one
    expect((await admin('POST', `/api/tasks/${s.theirTasks[0]}/skip`, { message: 'covered' })).body).toEqual({ actionId: s.theirTasks[0], status: 'skipped' });
    expect((await admin('POST', `/api/outreach/seats/${s.spare.seatId}/pause`)).status).toBe(200);
    expect((await admin('POST', `/api/campaigns/${s.theirs.campaignId}/pause`)).body.status).toBe('paused');
    expect((await admin('POST', `/api/seats/${s.theirs.seatId}/credits/events`, { type: 'purchase', count: 1, date: '2025-06-04' })).status).toBe(201);
  });

  it("lists a recruiter only their own seats' tasks; viewers and admins read them all", { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const s = await seed(store, t, `t${++run}`);
    const seatsOf = (r: Call) => [...new Set(r.body.tasks.map((x: any) => x.seatId))].sort();
    const alexTasks = await caller(t.alex)('GET', '/api/tasks');
    expect(alexTasks.status).toBe(200);
    expect(seatsOf(alexTasks)).toEqual([s.mine.seatId]);
    expect(alexTasks.body.tasks.map((x: any) => x.actionId).sort()).toEqual([...s.myTasks].sort());
    expect(alexTasks.body.seats.map((x: any) => x.seatId)).toEqual([s.mine.seatId]);
    expect(seatsOf(await caller(t.alex)('GET', `/api/tasks?seat=${s.mine.seatId}`))).toEqual([s.mine.seatId]);
    for (const who of [t.viewer, t.admin, t.owner]) {
      const all = await caller(who)('GET', '/api/tasks');
      expect(seatsOf(all)).toEqual(expect.arrayContaining([s.mine.seatId, s.theirs.seatId, s.spare.seatId]));
    }
    // a recruiter with no seat sees an empty queue, not everyone's
    const newcomer = await signedInApp({ store, access: t.owner.access, role: 'recruiter', webRoot: '/nonexistent' });
    expect((await caller(newcomer)('GET', '/api/tasks')).body).toEqual({ tasks: [], seats: [] });
  });

  it('PATCH /api/seats/{seatId} gives a seat to a member or takes it back; a non-member is 404 and nothing changes', { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const admin = caller(t.admin);
    const made = await admin('POST', '/api/seats', { id: 'assign-me', name: 'Assign me' });
    expect(made.status).toBe(201);
    expect(made.body.seat.ownerUserId).toBeNull();

    const given = await admin('PATCH', '/api/seats/assign-me', { ownerUserId: t.alex.userId });
    expect(given.status).toBe(200);
    expect(given.body.seat).toMatchObject({ id: 'assign-me', ownerUserId: t.alex.userId });
    const listed = await caller(t.viewer)('GET', '/api/seats');
    expect(listed.body.seats.find((x: any) => x.id === 'assign-me').ownerUserId).toBe(t.alex.userId);

    const outsider = await signedInApp({ store, access: t.owner.access, workspaceId: 'elsewhere', webRoot: '/nonexistent' });
    const before = await snapshot(store);
    const refused = await admin('PATCH', '/api/seats/assign-me', { ownerUserId: outsider.userId });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe(`user '${outsider.userId}' is not a member of this workspace: a seat can only go to a member`);
    expect((await admin('PATCH', '/api/seats/assign-me', { ownerUserId: 'no-such-user' })).status).toBe(404);
    expect((await admin('PATCH', '/api/seats/no-such-seat', { ownerUserId: t.alex.userId })).status).toBe(404);
    // only admins and owners assign seats
    expect((await caller(t.alex)('PATCH', '/api/seats/assign-me', { ownerUserId: t.sam.userId })).status).toBe(403);
    expect((await caller(t.alex)('PATCH', '/api/seats/assign-me', { ownerUserId: null })).status).toBe(403);
    expect(await snapshot(store)).toEqual(before);

    const back = await admin('PATCH', '/api/seats/assign-me', { ownerUserId: null });
    expect(back.body.seat.ownerUserId).toBeNull();
    const entries = (await listAudit(store, ws, { action: 'seat_assigned' })).entries.filter((e) => e.target === 'seat:assign-me');
    expect(entries.map((e) => e.details)).toEqual([
      { from: t.alex.userId, to: null },
      { from: null, to: t.alex.userId },
    ]);
    expect(entries.every((e) => e.target === 'seat:assign-me' && e.actorUserId === t.admin.userId)).toBe(true);
  });

  it('POST /api/seats takes an owner who must be a member', { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const admin = caller(t.admin);
    const outsider = await signedInApp({ store, access: t.owner.access, workspaceId: 'elsewhere', webRoot: '/nonexistent' });
    const before = await snapshot(store);
    const refused = await admin('POST', '/api/seats', { id: 'outsiders', name: 'Outsiders', plan: 'recruiter-lite', ownerUserId: outsider.userId });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toContain('is not a member of this workspace');
    expect(await snapshot(store)).toEqual(before);

    const made = await admin('POST', '/api/seats', { id: 'alexs', name: 'Alex', plan: 'recruiter-lite', ownerUserId: t.alex.userId, since: '2025-01-01' });
    expect(made.status).toBe(201);
    expect(made.body.seat.ownerUserId).toBe(t.alex.userId);
    // Alex may now work it, Sam may not
    expect((await caller(t.alex)('POST', '/api/seats/alexs/credits/events', { type: 'purchase', count: 2, date: '2025-01-02' })).status).toBe(201);
    expect((await caller(t.sam)('POST', '/api/seats/alexs/credits/events', { type: 'purchase', count: 2, date: '2025-01-02' })).status).toBe(403);
    const created = (await listAudit(store, ws, { action: 'seat_created' })).entries.filter((e) => e.target === 'seat:alexs');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ target: 'seat:alexs', actorUserId: t.admin.userId, details: { plan: 'recruiter-lite', ownerUserId: t.alex.userId } });
  });
});
