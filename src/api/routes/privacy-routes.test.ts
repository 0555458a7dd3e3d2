import { expect, it } from 'vitest';
// first: @hono/zod-openapi must extend zod before the domain schemas are built
import { signedInApp } from '../test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { createCampaign, setCampaignStatus } from '../../outreach/campaigns/campaign-store.ts';
import { createExecutorRegistry } from '../../outreach/delivery/executor-registry.ts';
import { TasksExecutor } from '../../outreach/delivery/tasks-executor.ts';
import { runWorkerPass } from '../../outreach/delivery/worker.ts';
import { personNeedles, person, seedPrivacyScenario } from '../../privacy/privacy-test-setup.ts';
import { findTraces } from '../../privacy/trace-search-store.ts';

const ws = 'default';
const put = (body: unknown) => ({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const post = (body?: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? '{}' : JSON.stringify(body) });

describeEachBackend('privacy routes', (getStore) => {
  it('admins set the lawful basis, notice and retention (bad values 400 naming the field, nothing saved); members read them; changes audited by field name', async () => {
    const store = getStore();
    const owner = await signedInApp({ store });
    const recruiter = await signedInApp({ store, role: 'recruiter', access: owner.access });
    const bad = await owner.request('/api/privacy/settings', put({ privacyNoticeUrl: 'javascript:alert(1)', retention: { months: 0 } }));
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { code: string; message: string } };
    expect(badBody.error.code).toBe('invalid_input');
    expect(badBody.error.message).toMatch(/privacyNoticeUrl/);
    expect(((await (await owner.request('/api/privacy/settings')).json()) as { privacyNoticeUrl: string | null }).privacyNoticeUrl).toBeNull();

    const good = { lawfulBasis: 'legitimate_interest', lawfulBasisNote: 'LIA on file', privacyNoticeUrl: 'https://example.com/privacy', retention: { months: 24, action: 'flag', schedule: true } };
    expect((await recruiter.request('/api/privacy/settings', put(good))).status).toBe(403);
    const saved = await owner.request('/api/privacy/settings', put(good));
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { changed: string[] }).changed).toEqual(['lawfulBasis', 'lawfulBasisNote', 'privacyNoticeUrl', 'retention.months', 'retention.schedule']);
    const read = (await (await recruiter.request('/api/privacy/settings')).json()) as Record<string, unknown>;
    expect(read).toMatchObject({ ...good, lastRetentionRun: null });
    expect((read.lawfulBases as unknown[]).length).toBe(4);
    const audit = await store.db.selectFrom('audit_log').select(['action', 'target', 'details']).where('target', '=', 'privacy').execute();
    expect(audit).toEqual([{ action: 'settings_changed', target: 'privacy', details: JSON.stringify({ changed: ['lawfulBasis', 'lawfulBasisNote', 'privacyNoticeUrl', 'retention.months', 'retention.schedule'] }) }]);
  });

  it('exports a person as a JSON download for admins only, audited without their data; erasing through the API leaves no trace anywhere, the audit log included', async () => {
    const store = getStore();
    const s = await seedPrivacyScenario(store, ws);
    const owner = await signedInApp({ store });
    const recruiter = await signedInApp({ store, role: 'recruiter', access: owner.access });
    expect((await recruiter.request(`/api/candidates/${s.personId}/export`)).status).toBe(403);
    expect((await recruiter.request(`/api/candidates/${s.personId}`, { method: 'DELETE' })).status).toBe(403);

    const res = await owner.request(`/api/candidates/${s.personId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="scoutline-candidate-${s.personId}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = (await res.json()) as { profile: { emails: string[] }; notes: unknown[]; outreach: { campaigns: unknown[] } };
    expect(data.profile.emails).toEqual(person.emails);
    expect(data.notes).toHaveLength(1);
    expect(data.outreach.campaigns).toHaveLength(3);
    expect((await owner.request('/api/candidates/987654321/export')).status).toBe(404);

    // the candidate page's privacy view is for every member
    const view = await recruiter.request(`/api/candidates/${s.personId}/privacy`);
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ candidateId: s.personId, firstRecorded: { source: 'manual' }, suppressedAsErased: false, retentionFlag: null });

    const erased = await owner.request(`/api/candidates/${s.personId}`, { method: 'DELETE' });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ deleted: s.personId, suppressionHashes: 3 });
    const entries = await store.db.selectFrom('audit_log').select(['action', 'target']).where('target', '=', `candidate:${s.personId}`).orderBy('id').execute();
    expect(entries).toEqual([
      { action: 'export', target: `candidate:${s.personId}` },
      { action: 'candidate_deleted', target: `candidate:${s.personId}` },
    ]);
    expect(await findTraces(store, personNeedles)).toEqual([]);
    expect((await owner.request(`/api/candidates/${s.personId}/export`)).status).toBe(404);

    // imported again, the person is recognised: the privacy view says so
    const again = await owner.request('/api/candidates', post({ candidates: [{ firstName: 'Zeb', emails: [person.emails[0]] }] }));
    const [{ id: newId }] = ((await again.json()) as { results: Array<{ id: number }> }).results;
    expect(await (await recruiter.request(`/api/candidates/${newId}/privacy`)).json()).toMatchObject({ suppressedAsErased: true, sources: [expect.objectContaining({ kind: 'api', via: 'api' })] });
  });

  it('dry-runs and applies retention for admins: the dry run changes nothing, the apply flags who it listed', async () => {
    const store = getStore();
    const owner = await signedInApp({ store });
    const viewer = await signedInApp({ store, role: 'viewer', access: owner.access });
    const { outcomes } = await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'Long', lastName: 'Gone', emails: ['long.gone@ret.example'] })], '2020-01-01T00:00:00.000Z');
    const id = outcomes[0].id;
    expect((await viewer.request('/api/privacy/retention/dry-run', post())).status).toBe(403);
    const policy = { months: 12, action: 'flag' };
    const dry = await owner.request('/api/privacy/retention/dry-run', post({ policy }));
    expect(dry.status).toBe(200);
    const plan = (await dry.json()) as { total: number; candidates: Array<{ id: number; name: string }> };
    expect(plan.candidates.find((c) => c.id === id)).toMatchObject({ name: 'Long Gone', lastActivityAt: '2020-01-01T00:00:00.000Z' });
    expect((await (await owner.request('/api/privacy/retention/flags')).json()) as { total: number }).toMatchObject({ total: 0 });
    expect((await owner.request('/api/privacy/retention/dry-run', post({ policy: { months: 12, action: 'delete' } }))).status).toBe(400);

    // without a saved policy, apply says what is missing
    await owner.request('/api/privacy/settings', put({ retention: { months: null } }));
    const refused = await owner.request('/api/privacy/retention/apply', post());
    expect(refused.status).toBe(400);
    await owner.request('/api/privacy/settings', put({ retention: policy }));
    const applied = await owner.request('/api/privacy/retention/apply', post());
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ action: 'flag', flagged: plan.total, erased: 0 });
    const flags = (await (await viewer.request('/api/privacy/retention/flags')).json()) as { flags: Array<{ candidateId: number }> };
    expect(flags.flags.map((f) => f.candidateId)).toContain(id);
    expect(await (await viewer.request(`/api/candidates/${id}/privacy`)).json()).toMatchObject({ retentionFlag: { lastActivityAt: '2020-01-01T00:00:00.000Z' } });
    expect(((await (await viewer.request('/api/privacy/settings')).json()) as { lastRetentionRun: { flagged: number } }).lastRetentionRun).toMatchObject({ flagged: plan.total, action: 'flag' });
  });

  it('puts the workspace privacy notice into the messages the worker queues', async () => {
    const store = getStore();
    const owner = await signedInApp({ store });
    await owner.request('/api/privacy/settings', put({ privacyNoticeUrl: 'https://example.com/privacy-notice' }));
    await store.db.insertInto('seats').values({ id: 'notice-seat', workspace_id: ws, name: 'Nora Notice', plan: null, paid: 1, time_zone: 'UTC', working_hours: JSON.stringify({ start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] }), weekly_invite_cap: 100, contract_id: null, employers: '[]', schools: '[]', created_at: '2025-01-01T00:00:00.000Z' }).execute();
    const { outcomes } = await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'Mia', lastName: 'Notice', emails: ['mia.notice@example.org'] })]);
    const template = 'Hi {{ candidate.first_name }}, a quick note about a role. How we handle your data: {{ privacy_notice_url }}';
    const cmp = await createCampaign(
      store,
      ws,
      { name: 'notice', seatIds: ['notice-seat'], source: { kind: 'ids', ids: [outcomes[0].id] }, sequence: [{ key: 'mail', channel: 'email', variants: [{ key: 'a', template: `---\nsubject: A role for you\n---\n${template}` }] }] },
      { candidateIds: [outcomes[0].id], now: '2025-06-02T08:00:00.000Z' },
    );
    await setCampaignStatus(store, ws, cmp.id, 'running', '2025-06-02T08:00:00.000Z');
    const registry = createExecutorRegistry([new TasksExecutor()]);
    await runWorkerPass(store, { registry, now: () => '2025-06-03T23:00:00.000Z', seed: 1 });
    const action = await store.db.selectFrom('outreach_actions').select(['body', 'status']).where('campaign_id', '=', cmp.id).executeTakeFirstOrThrow();
    expect(action.body).toBe('Hi Mia, a quick note about a role. How we handle your data: https://example.com/privacy-notice');
  });
});
