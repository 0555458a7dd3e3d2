import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import type { Store } from '../../db/open-database.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { defaultSequence } from '../../outreach/campaigns/default-sequence.ts';
import { claimWebhookDelivery } from '../../outreach/delivery/executors/webhook-replay-store.ts';
import { maxSkewEnv, signatureHeaders } from '../../outreach/delivery/executors/webhook-signature.ts';
import { addSeat } from '../../seats/seat-store.ts';
import { signedInApp, type SignedInApp } from '../test-app.ts';

/**
 * Issue #14 item 5 through the real HTTP app (a server on 127.0.0.1): an
 * exact replay of a signed outcomes webhook is refused (409 replayed), a
 * timestamp more than the allowed skew ahead is refused, and each outcome is
 * applied once by its id — the sender's `id`, else one derived from its
 * content — whatever route or signature it comes with.
 */
const ws = 'default';
const secret = 'inbound-secret-replay';
const t0 = '2026-03-01T00:00:00.000Z';

describeEachBackend('signed outcomes webhook: replays, clock skew and idempotent outcomes (issue #14)', (getStore) => {
  let ids: number[] = [];
  let base = '';
  let server: ServerType | undefined;
  let signedIn: SignedInApp;

  beforeAll(async () => {
    const store = getStore();
    await store.db.updateTable('workspaces').set({ settings: JSON.stringify({ webhooks: { outcomesSecret: secret } }) }).where('id', '=', ws).execute();
    await addSeat(store, ws, { id: 'rp', name: 'Replay seat', plan: 'recruiter-lite', timeZone: 'UTC' });
    const res = await upsertCandidates(store, ws, [1, 2, 3, 4, 5, 6].map((i) => normaliseCandidateInput({ name: `Replay ${i}`, profileUrl: `https://www.linkedin.com/in/replay${i}`, emails: [`replay${i}@example.org`] })));
    ids = res.outcomes.map((o) => o.id);
    await store.db
      .insertInto('outreach_campaigns')
      .values({ id: 'rc', workspace_id: ws, name: 'Replays', role_id: null, role: null, status: 'running', sequence: JSON.stringify(defaultSequence), seat_ids: '["rp"]', executors: '{}', source: '{}', created_at: t0, launched_at: t0, updated_at: t0 })
      .execute();
    await store.db
      .insertInto('outreach_enrollments')
      .values(
        ids.map((id, i) => ({
          id: `rc:${id}`, workspace_id: ws, campaign_id: 'rc', candidate_id: id, seat_id: 'rp', state: 'invited', position: 1, priority: 50, has_email: 1, emails: JSON.stringify([`replay${i + 1}@example.org`]),
          profile_url: `https://www.linkedin.com/in/replay${i + 1}`, open_profile: 0, connected: 0, enrolled_at: t0, invite_sent_at: t0, accepted_at: null, declined_at: null, withdrawn_at: null,
          last_action_at: t0, replied_at: null, reply_kind: null, updated_at: t0,
        })),
      )
      .execute();
    signedIn = await signedInApp({ store, webRoot: '/nonexistent' });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: signedIn.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    delete process.env[maxSkewEnv];
  });

  const post = (body: string, headers: Record<string, string>) => fetch(`${base}/api/webhooks/outcomes`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const signed = (body: string, atSeconds = Date.now() / 1000) => signatureHeaders(secret, atSeconds, body) as unknown as Record<string, string>;

  /** Everything an outcome can change: outcome rows, enrollment transitions, states, credit ledger events, cancelled actions. */
  async function footprint(store: Store) {
    const count = async (table: 'outreach_outcomes' | 'outreach_enrollment_events' | 'credit_events') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const states = await store.db.selectFrom('outreach_enrollments').select(['id', 'state', 'accepted_at', 'replied_at', 'reply_kind']).where('campaign_id', '=', 'rc').orderBy('id').execute();
    return { outcomes: await count('outreach_outcomes'), events: await count('outreach_enrollment_events'), ledger: await count('credit_events'), states };
  }

  it('an exact replay of a signed delivery is refused with 409 replayed and applies nothing, also when the copies arrive together', async () => {
    const store = getStore();
    const body = JSON.stringify({ outcomes: [{ candidateId: ids[0], campaignId: 'rc', kind: 'accepted', channel: 'connection_request', at: '2026-03-02T10:00:00Z' }] });
    const headers = signed(body);
    const first = await post(body, headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ applied: 1, duplicates: 0, failed: 0 });
    const after = await footprint(store);
    // as reported: the same request four more times inside the window
    for (let i = 0; i < 4; i++) {
      const again = await post(body, headers);
      expect(again.status).toBe(409);
      const err = (await again.json()).error;
      expect(err).toMatchObject({ code: 'replayed', details: { receivedAt: expect.any(String) } });
    }
    expect(await footprint(store)).toEqual(after);

    // five copies of a new signed delivery at once: exactly one is accepted
    const body2 = JSON.stringify({ outcomes: [{ candidateId: ids[1], campaignId: 'rc', kind: 'accepted', at: '2026-03-02T11:00:00Z' }] });
    const h2 = signed(body2);
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => post(body2, h2)))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    expect((await footprint(store)).outcomes).toBe(after.outcomes + 1);
  });

  it('a timestamp more than 30 s ahead is refused (290 s as reported); the skew is configurable and a bad setting is a clear config_error', async () => {
    const body = JSON.stringify({ outcomes: [{ candidateId: ids[2], campaignId: 'rc', kind: 'bounced', channel: 'email', at: '2026-03-02T12:00:00Z' }] });
    const nowS = Date.now() / 1000;
    for (const ahead of [290, 60, 45]) {
      const res = await post(body, signed(body, nowS + ahead));
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: 'bad_signature', details: { reason: 'future_timestamp' } });
    }
    expect((await post(body, signed(body, nowS + 20))).status).toBe(200);
    const stale = await post(body, signed(body, nowS - 400));
    expect((await stale.json()).error.details.reason).toBe('stale_timestamp');

    process.env[maxSkewEnv] = '0';
    try {
      const res = await post(body, signed(body, Date.now() / 1000 + 10));
      expect((await res.json()).error.details.reason).toBe('future_timestamp');
      process.env[maxSkewEnv] = '120';
      expect((await post(body, signed(body, Date.now() / 1000 + 100))).status).toBe(200);
      process.env[maxSkewEnv] = 'soon';
      const bad = await post(body, signed(body));
      expect(bad.status).toBe(503);
      expect((await bad.json()).error).toMatchObject({ code: 'config_error', details: { setting: maxSkewEnv } });
    } finally {
      delete process.env[maxSkewEnv];
    }
  });

  it('an outcome id is applied once: re-signed, through CSV or through POST /api/outcomes it changes nothing the second time', async () => {
    const store = getStore();
    const outcome = { id: 'crm-evt-0001', candidateId: ids[3], campaignId: 'rc', kind: 'replied', replyKind: 'positive', channel: 'message', at: '2026-03-03T09:00:00Z' };
    const body = JSON.stringify({ outcomes: [outcome] });
    const first = await post(body, signed(body));
    expect(await first.json()).toMatchObject({ applied: 1, duplicates: 0, results: [{ ok: true }] });
    const after = await footprint(store);
    expect(after.states.find((e) => e.id === `rc:${ids[3]}`)?.state).toBe('replied');

    // the sender retries with a fresh signature (a new timestamp: not a replay)
    const resent = await post(body, signed(body, Date.now() / 1000 - 5));
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ applied: 0, duplicates: 1, failed: 0, results: [{ ref: 0, ok: true, duplicate: true }] });
    // the same id in a CSV file, naming the person by email and saying something else
    const csv = ['outcome_id,email,kind,reply_kind,channel,campaign_id,at', `crm-evt-0001,replay4@example.org,negative,,inmail,rc,2026-03-04`].join('\n');
    const imported = await fetch(`${base}/api/outcomes/import`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${signedIn.token}` }, body: csv });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ applied: 0, duplicates: 1, failed: 0 });
    // and through the API
    const api = await fetch(`${base}/api/outcomes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${signedIn.token}` }, body: JSON.stringify({ ...outcome, source: 'api' }) });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ duplicate: true, id: 'crm-evt-0001', changes: [], refunds: [], cancelledActions: 0 });
    expect(await footprint(store)).toEqual(after);
  });

  it('without an id, an outcome with a time is known by its content: a re-signed copy or the same CSV row twice changes nothing', async () => {
    const store = getStore();
    const body = JSON.stringify({ outcomes: [{ profileUrl: 'https://www.linkedin.com/in/replay5', kind: 'declined', campaignId: 'rc', at: '2026-03-04T08:00:00Z' }] });
    expect(await (await post(body, signed(body))).json()).toMatchObject({ applied: 1, duplicates: 0 });
    const after = await footprint(store);
    expect(await (await post(body, signed(body, Date.now() / 1000 - 3))).json()).toMatchObject({ applied: 0, duplicates: 1 });
    // the same event as a CSV row naming the person by id (the same content, so the same derived id)
    const csv = ['candidate_id,kind,campaign_id,at', `${ids[4]},declined_invitation,rc,2026-03-04T08:00:00Z`].join('\n');
    const imported = await fetch(`${base}/api/outcomes/import`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${signedIn.token}` }, body: csv });
    expect(await imported.json()).toMatchObject({ applied: 0, duplicates: 1 });
    expect(await footprint(store)).toEqual(after);
  });

  it('a signed delivery that was not answered 200 is not taken for a replay when the sender sends it again', async () => {
    const body = JSON.stringify({ outcomes: [] }); // invalid: 1 to 1,000 outcomes
    const headers = signed(body);
    expect((await post(body, headers)).status).toBe(400);
    const again = await post(body, headers);
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('invalid_input');
  });

  it('property: whatever mix of deliveries, re-signings and repeats, each distinct outcome id is recorded once and each signed request accepted at most once', async () => {
    const store = getStore();
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ event: fc.integer({ min: 0, max: 3 }), copies: fc.integer({ min: 1, max: 3 }), resign: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        async (deliveries) => {
          round++;
          const before = (await footprint(store)).outcomes;
          const distinct = new Set<number>();
          for (const d of deliveries) {
            distinct.add(d.event);
            const body = JSON.stringify({ outcomes: [{ id: `prop-${round}-${d.event}`, candidateId: ids[5], campaignId: 'rc', kind: 'bounced', channel: 'email', at: '2026-03-05T10:00:00Z' }] });
            const headers = signed(body, Date.now() / 1000 - (d.resign ? Math.floor(Math.random() * 200) + 1 : 0));
            const statuses = [];
            for (let i = 0; i < d.copies; i++) statuses.push((await post(body, headers)).status);
            // the first copy of a signed request may be taken (200) or be a replay of an earlier identical signing (409); later copies are replays
            expect(statuses.slice(1).every((s) => s === 409)).toBe(true);
            expect([200, 409]).toContain(statuses[0]);
          }
          expect((await footprint(store)).outcomes - before).toBe(distinct.size);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('the replay store forgets a signature once its timestamp is outside the window (pruned on the next claim)', async () => {
    const store = getStore();
    const ts = 1_780_000_000;
    const claim = (signature: string, nowS: number) => claimWebhookDelivery(store, { workspaceId: ws, signature, timestampSeconds: ts, replayWindowSeconds: 300, now: new Date(nowS * 1000) });
    expect(await claim('sha256=old', ts)).toEqual({ ok: true });
    expect(await claim('sha256=old', ts + 299)).toMatchObject({ ok: false });
    // other workspaces and signatures are separate
    expect(await claimWebhookDelivery(store, { workspaceId: 'elsewhere', signature: 'sha256=old', timestampSeconds: ts, replayWindowSeconds: 300, now: new Date(ts * 1000) })).toEqual({ ok: true });
    expect(await claim('sha256=new', ts + 400)).toEqual({ ok: true });
    const left = await store.db.selectFrom('outreach_webhook_replays').select(['workspace_id', 'signature']).where('signature', 'in', ['sha256=old', 'sha256=new']).orderBy('workspace_id').execute();
    expect(left).toEqual([{ workspace_id: ws, signature: 'sha256=new' }]);
  });
});
