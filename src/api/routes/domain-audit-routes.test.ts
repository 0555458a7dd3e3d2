import { expect, it } from 'vitest';
// first: it loads @hono/zod-openapi, which gives zod schemas their .openapi() before the domain modules build theirs
import { signedInApp, type SignedInApp } from '../test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import type { Store } from '../../db/open-database.ts';
import { listAudit, type AuditEntry } from '../../access/audit-store.ts';

/**
 * Issue #13 items 3 and 8 in the domain routes: credit moves are admin-only
 * with their author on both ledger rows; imports, deletions, campaigns,
 * credit events, seats and settings leave audit entries without any
 * candidate data; notes know their author, who alone (or an admin) may
 * delete them.
 */
const ws = 'default';
type Call = { status: number; body: any };

function caller(app: SignedInApp) {
  return async (method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Call> => {
    const res = await app.request(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

let run = 0;

async function team(store: Store) {
  const owner = await signedInApp({ store, webRoot: '/nonexistent' });
  const same = { store, access: owner.access, webRoot: '/nonexistent' };
  return {
    owner,
    admin: await signedInApp({ ...same, role: 'admin' }),
    alex: await signedInApp({ ...same, role: 'recruiter' }),
    sam: await signedInApp({ ...same, role: 'recruiter' }),
    viewer: await signedInApp({ ...same, role: 'viewer' }),
  };
}

async function entriesSince(store: Store, id: number): Promise<AuditEntry[]> {
  return (await listAudit(store, ws, { limit: 500 })).entries.filter((e) => e.id > id).reverse();
}

async function lastAuditId(store: Store): Promise<number> {
  return (await listAudit(store, ws, { limit: 1 })).entries[0]?.id ?? 0;
}

describeEachBackend('credit moves, audit entries and note authors in the domain routes', (getStore) => {
  it('moves credits only for admins, with the author on both rows and in the event list, audited with the move', { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const admin = caller(t.admin);
    const p = `mv${++run}`;
    for (const id of [`${p}-a`, `${p}-b`]) expect((await admin('POST', '/api/seats', { id, name: id, plan: 'recruiter-corporate', contractId: p, since: '2025-01-01', ownerUserId: t.alex.userId })).status).toBe(201);

    // a recruiter may not move credits, not even between their own seats
    const before = await store.db.selectFrom('credit_events').selectAll().where('seat_id', 'in', [`${p}-a`, `${p}-b`]).execute();
    const auditBefore = await lastAuditId(store);
    const refused = await caller(t.alex)('POST', '/api/credits/transfers', { fromSeat: `${p}-a`, toSeat: `${p}-b`, count: 5, date: '2025-01-05' });
    expect(refused.status).toBe(403);
    expect(await store.db.selectFrom('credit_events').selectAll().where('seat_id', 'in', [`${p}-a`, `${p}-b`]).execute()).toEqual(before);
    expect(await entriesSince(store, auditBefore)).toEqual([]);

    const moved = await admin('POST', '/api/credits/transfers', { fromSeat: `${p}-a`, toSeat: `${p}-b`, count: 20, date: '2025-01-05' });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ count: 20, lots: [{ granted: '2025-01-01', expires: '2025-04-01', count: 20 }], balances: { from: 130, to: 170 } });
    const rows = await store.db.selectFrom('credit_events').select(['seat_id', 'type', 'recorded_by']).where('seat_id', 'in', [`${p}-a`, `${p}-b`]).where('type', 'like', 'transfer%').orderBy('seat_id').execute();
    expect(rows).toEqual([
      { seat_id: `${p}-a`, type: 'transfer_out', recorded_by: t.admin.userId },
      { seat_id: `${p}-b`, type: 'transfer_in', recorded_by: t.admin.userId },
    ]);
    const adminEmail = (await store.db.selectFrom('auth_users').select('email').where('id', '=', t.admin.userId).executeTakeFirstOrThrow()).email;
    const events = (await caller(t.viewer)('GET', `/api/seats/${p}-b/credits/events`)).body.events;
    expect(events.map((e: any) => [e.type, e.recordedBy, e.author?.email ?? null])).toEqual([
      ['subscribe', t.admin.userId, adminEmail],
      ['transfer_in', t.admin.userId, adminEmail],
    ]);
    expect(events[1]).toMatchObject({ lots: [{ granted: '2025-01-01', expires: '2025-04-01', count: 20 }], fromSeat: `${p}-a` });
    const movedEntries = (await listAudit(store, ws, { action: 'credits_moved' })).entries.filter((e) => e.target === `seat:${p}-a`);
    expect(movedEntries).toHaveLength(1);
    expect(movedEntries[0]).toMatchObject({ actorUserId: t.admin.userId, actor: adminEmail, via: 'token', details: { fromSeat: `${p}-a`, toSeat: `${p}-b`, count: 20, transferId: moved.body.transferId } });

    // a refused move (more than the balance) writes neither ledger rows nor an audit entry
    const auditAfter = await lastAuditId(store);
    const tooMany = await admin('POST', '/api/credits/transfers', { fromSeat: `${p}-a`, toSeat: `${p}-b`, count: 131, date: '2025-01-06' });
    expect(tooMany.body.error.code).toBe('no_credits');
    expect(await entriesSince(store, auditAfter)).toEqual([]);
  });

  it('audits credit events in their transaction: a purchase as credits_purchased, others as credits_recorded, a refused one not at all', { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const p = `ev${++run}`;
    expect((await caller(t.admin)('POST', '/api/seats', { id: p, name: p, plan: 'recruiter-lite', since: '2025-01-01', ownerUserId: t.alex.userId })).status).toBe(201);
    const alex = caller(t.alex);
    const from = await lastAuditId(store);
    expect((await alex('POST', `/api/seats/${p}/credits/events`, { type: 'purchase', count: 10, date: '2025-01-02' })).status).toBe(201);
    expect((await alex('POST', `/api/seats/${p}/credits/events`, { type: 'inmail', to: 'Ms Secret Person', date: '2025-01-03' })).status).toBe(201);
    expect((await alex('POST', `/api/seats/${p}/credits/events`, { type: 'purchase', count: 45, date: '2025-01-04' })).body.error.code).toBe('purchase_cap');
    const entries = await entriesSince(store, from);
    expect(entries.map((e) => [e.action, e.target, e.actorUserId, e.details])).toEqual([
      ['credits_purchased', `seat:${p}`, t.alex.userId, { type: 'purchase', date: '2025-01-02', seq: 2, count: 10 }],
      ['credits_recorded', `seat:${p}`, t.alex.userId, { type: 'inmail', date: '2025-01-03', seq: 3 }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Secret');
  });

  it('audits imports (counts only), candidate deletions (id only), campaigns and settings', { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const owner = caller(t.owner);
    const p = `au${++run}`;
    const from = await lastAuditId(store);
    const csv = `first_name,last_name,email,linkedin_url,headline\nZelda,Quartermaine${p},zelda.${p}@example.com,https://www.linkedin.com/in/zelda-${p},Platform Engineer at Initech\n`;
    const imported = await owner('POST', '/api/import', csv, 'text/csv');
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(1);
    const posted = await owner('POST', '/api/candidates', { candidates: [{ firstName: 'Yusuf', lastName: `Hiddenname${p}`, profileUrl: `https://www.linkedin.com/in/yusuf-${p}` }] });
    expect(posted.status).toBe(200);
    const zelda = (await store.db.selectFrom('candidates').select('id').where('profile_url', 'like', `%zelda-${p}%`).executeTakeFirstOrThrow()).id;
    const yusuf = posted.body.results[0].id as number;

    expect((await owner('POST', '/api/seats', { id: `${p}-seat`, name: 'Seat', ownerUserId: null })).status).toBe(201);
    const cmp = await owner('POST', '/api/campaigns', { name: `${p} campaign`, seatIds: [`${p}-seat`], source: { kind: 'ids', ids: [Number(zelda)] }, launch: true });
    expect(cmp.status).toBe(201);
    expect(cmp.body.status).toBe('running');
    expect((await owner('POST', `/api/campaigns/${cmp.body.id}/pause`)).status).toBe(200);
    // pausing a paused campaign changes nothing and records nothing
    expect((await owner('POST', `/api/campaigns/${cmp.body.id}/pause`)).status).toBe(200);
    expect((await owner('POST', `/api/campaigns/${cmp.body.id}/stop`)).status).toBe(200);
    expect((await owner('DELETE', `/api/candidates/${yusuf}`)).status).toBe(200);
    expect((await owner('PUT', '/api/credits/plans', { plans: { 'premium-career': { monthlyAllocation: 6 } } })).status).toBe(200);
    expect((await owner('PUT', '/api/outreach/pacing', { maxPendingInvites: 400 })).status).toBe(200);
    await owner('PUT', '/api/credits/plans', {});
    await owner('PUT', '/api/outreach/pacing', {});

    const entries = await entriesSince(store, from);
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['import', 'candidates'],
      ['import', 'candidates'],
      ['seat_created', `seat:${p}-seat`],
      ['campaign_created', `campaign:${cmp.body.id}`],
      ['campaign_launched', `campaign:${cmp.body.id}`],
      ['campaign_paused', `campaign:${cmp.body.id}`],
      ['campaign_stopped', `campaign:${cmp.body.id}`],
      ['candidate_deleted', `candidate:${yusuf}`],
      ['settings_changed', 'credits'],
      ['settings_changed', 'outreach.pacing'],
      ['settings_changed', 'credits'],
      ['settings_changed', 'outreach.pacing'],
    ]);
    expect(entries[0].details).toEqual({ format: 'csv', records: 1, imported: 1, updated: 0, unchanged: 0, skipped: 0 });
    expect(entries[1].details).toMatchObject({ records: 1, imported: 1 });
    expect(entries[3].details).toEqual({ seatIds: [`${p}-seat`], source: 'ids', candidates: 1 });
    // an erasure records counts only: the person is named by id in the target, nowhere else
    expect(entries[7].details).toEqual({ erased: true, suppressionHashes: 1, enrollmentsStopped: 0, actionsCancelled: 0, actionsScrubbed: 0, notesDeleted: 0, rankingExamplesUnlinked: 0 });
    expect(entries[8].details).toEqual({ plans: ['premium-career'], rules: [] });
    expect(entries[9].details).toMatchObject({ rules: { maxPendingInvites: 400 } });
    expect(entries.every((e) => e.actorUserId === t.owner.userId && e.via === 'token')).toBe(true);
    // no candidate data anywhere in the log
    const log = JSON.stringify(entries);
    for (const secret of ['Zelda', 'Quartermaine', 'zelda.', 'Yusuf', 'Hiddenname', 'linkedin.com', 'Initech']) expect(log).not.toContain(secret);
  });

  it("records a note's author and lets only the author or an admin delete it", { timeout: 60_000 }, async () => {
    const store = getStore();
    const t = await team(store);
    const p = `nt${++run}`;
    const id = (await caller(t.owner)('POST', '/api/candidates', { candidates: [{ firstName: 'Nora', lastName: p, profileUrl: `https://www.linkedin.com/in/nora-${p}` }] })).body.results[0].id;
    const emailOf = async (userId: string) => (await store.db.selectFrom('auth_users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;

    const byAlex = await caller(t.alex)('POST', `/api/candidates/${id}/notes`, { text: 'Strong on Kubernetes' });
    expect(byAlex.status).toBe(201);
    expect(byAlex.body).toMatchObject({ authorUserId: t.alex.userId, author: { userId: t.alex.userId, email: await emailOf(t.alex.userId) } });
    // a viewer comments too (policy level comment)
    const byViewer = await caller(t.viewer)('POST', `/api/candidates/${id}/notes`, { text: 'Hiring manager: yes' });
    expect(byViewer.status).toBe(201);
    const bySam = await caller(t.sam)('POST', `/api/candidates/${id}/notes`, { text: 'Called, no answer' });

    const list = (await caller(t.viewer)('GET', `/api/candidates/${id}/notes`)).body.notes;
    expect(list.map((n: any) => [n.text, n.author?.email])).toEqual([
      ['Called, no answer', await emailOf(t.sam.userId)],
      ['Hiring manager: yes', await emailOf(t.viewer.userId)],
      ['Strong on Kubernetes', await emailOf(t.alex.userId)],
    ]);

    const texts = async () => (await store.db.selectFrom('candidate_notes').select('text').where('candidate_id', '=', id).orderBy('id').execute()).map((r) => r.text);
    const all = await texts();
    for (const [who, note] of [
      [t.sam, byAlex],
      [t.viewer, byAlex],
      [t.alex, byViewer],
    ] as const) {
      const r = await caller(who)('DELETE', `/api/candidates/${id}/notes/${note.body.id}`);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('only its author or an admin can delete it');
    }
    expect(await texts()).toEqual(all);

    expect((await caller(t.viewer)('DELETE', `/api/candidates/${id}/notes/${byViewer.body.id}`)).status).toBe(200);
    expect((await caller(t.alex)('DELETE', `/api/candidates/${id}/notes/${byAlex.body.id}`)).status).toBe(200);
    expect((await caller(t.admin)('DELETE', `/api/candidates/${id}/notes/${bySam.body.id}`)).status).toBe(200);
    expect(await texts()).toEqual([]);
  });
});
