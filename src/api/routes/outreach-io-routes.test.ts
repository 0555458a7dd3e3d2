import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { addSeat } from '../../seats/seat-store.ts';
import { signatureHeaders } from '../../outreach/delivery/executors/webhook-signature.ts';
import { defaultSequence } from '../../outreach/campaigns/default-sequence.ts';
import { signedInApp } from '../test-app.ts';

const ws = 'default';
const secret = 'inbound-secret-123';
const now = '2026-03-01T00:00:00.000Z';

describeEachBackend('outreach I/O routes', (getStore) => {
  let ids: number[] = [];

  it('set up a seat, candidates and a running campaign', async () => {
    const store = getStore();
    await store.db.updateTable('workspaces').set({ settings: JSON.stringify({ webhooks: { outcomesSecret: secret } }) }).where('id', '=', ws).execute();
    await addSeat(store, ws, { id: 'ada', name: 'Ada', plan: 'recruiter-lite', timeZone: 'UTC' });
    const res = await upsertCandidates(
      store,
      ws,
      [1, 2, 3].map((i) => normaliseCandidateInput({ name: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/p${i}`, emails: [`p${i}@example.org`] })),
    );
    ids = res.outcomes.map((o) => o.id);
    await store.db
      .insertInto('outreach_campaigns')
      .values({ id: 'c1', workspace_id: ws, name: 'Rust', role_id: null, role: null, status: 'running', sequence: JSON.stringify(defaultSequence), seat_ids: '["ada"]', executors: '{}', source: '{}', created_at: now, launched_at: now, updated_at: now })
      .execute();
    await store.db
      .insertInto('outreach_enrollments')
      .values(
        ids.map((id, i) => ({
          id: `c1:${id}`, workspace_id: ws, campaign_id: 'c1', candidate_id: id, seat_id: 'ada', state: 'invited', position: 1, priority: 90 - i, has_email: 1, emails: JSON.stringify([`p${i + 1}@example.org`]),
          profile_url: `https://www.linkedin.com/in/p${i + 1}`, open_profile: 0, connected: 0, enrolled_at: now, invite_sent_at: now, accepted_at: null, declined_at: null, withdrawn_at: null,
          last_action_at: now, replied_at: null, reply_kind: null, updated_at: now,
        })),
      )
      .execute();
  });

  it('applies signed webhook outcomes and refuses unsigned, wrongly signed or stale ones with bad_signature', async () => {
    const store = getStore();
    const app = (await signedInApp({ store, webRoot: '/nonexistent' }));
    const body = JSON.stringify({ outcomes: [{ candidateId: ids[0], campaignId: 'c1', kind: 'accepted', channel: 'connection_request', at: '2026-03-02T10:00:00Z' }, { profileUrl: 'linkedin.com/in/p2', kind: 'positive', channel: 'message', at: '2026-03-02T11:00:00Z' }, { email: 'nobody@example.org', kind: 'accepted' }] });
    const post = (headers: Record<string, string>, b = body) => app.request('/api/webhooks/outcomes', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: b });

    const unsigned = await post({});
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).error).toMatchObject({ code: 'bad_signature', details: { reason: 'missing_signature' } });
    const nowS = Date.now() / 1000;
    expect((await post({ ...signatureHeaders('wrong-secret', nowS, body) })).status).toBe(401);
    expect((await post({ ...signatureHeaders(secret, nowS, body) }, body.replace('accepted', 'bounced'))).status).toBe(401);
    const stale = await post({ ...signatureHeaders(secret, nowS - 3600, body) });
    expect((await stale.json()).error.details.reason).toBe('stale_timestamp');
    expect(await store.db.selectFrom('outreach_outcomes').selectAll().execute()).toHaveLength(0);

    const ok = await post({ ...signatureHeaders(secret, nowS, body) });
    expect(ok.status).toBe(200);
    const summary = await ok.json();
    expect(summary).toMatchObject({ applied: 2, failed: 1 });
    expect(summary.results[2]).toMatchObject({ ref: 2, ok: false, code: 'not_found' });
    const rows = await store.db.selectFrom('outreach_enrollments').select(['candidate_id', 'state']).where('campaign_id', '=', 'c1').orderBy('candidate_id').execute();
    expect(rows.map((r) => r.state)).toEqual(['accepted', 'replied', 'invited']);
    const outcomes = await store.db.selectFrom('outreach_outcomes').select(['kind', 'source']).orderBy('id').execute();
    expect(outcomes).toEqual([
      { kind: 'accepted', source: 'webhook' },
      { kind: 'replied', source: 'webhook' },
    ]);
  });

  it('imports outcomes from CSV and reports the rows it could not apply', async () => {
    const store = getStore();
    const app = (await signedInApp({ store, webRoot: '/nonexistent' }));
    const csv = ['email,kind,reply_kind,channel,at', 'p3@example.org,replied,quick_reply,inmail,2026-03-03', 'p3@example.org,waved,,,2026-03-03', 'zz@example.org,accepted,,,2026-03-03'].join('\n');
    const res = await app.request('/api/outcomes/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out).toMatchObject({ applied: 1, failed: 1, errors: [{ line: 3 }] });
    expect(out.results[1]).toMatchObject({ ref: 4, ok: false, code: 'not_found' });
    const row = await store.db.selectFrom('outreach_enrollments').select('state').where('id', '=', `c1:${ids[2]}`).executeTakeFirstOrThrow();
    expect(row.state).toBe('replied');
  });

  it('simulates a stored campaign and lists the routes in the OpenAPI document', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const res = await app.request('/api/campaigns/c1/simulation?days=5&seed=7&start=2026-03-02');
    expect(res.status).toBe(200);
    const sim = await res.json();
    expect(sim.campaign).toEqual({ id: 'c1', name: 'Rust' });
    expect(sim.days).toHaveLength(5);
    expect(sim.inmailOnly.days).toHaveLength(5);
    expect((await app.request('/api/campaigns/nope/simulation')).status).toBe(404);
    const doc = await (await app.request('/openapi.json')).json();
    expect(doc.paths['/api/webhooks/outcomes'].post).toBeDefined();
    expect(doc.paths['/api/outcomes/import'].post).toBeDefined();
    expect(doc.paths['/api/campaigns/{id}/simulation'].get).toBeDefined();
  });
});
