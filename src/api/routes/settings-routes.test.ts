import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
// first: @hono/zod-openapi must extend zod before the domain schemas are built
import { signedInApp, testAccess, type SignedInApp } from '../test-app.ts';
import { createApp } from '../app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import type { Store } from '../../db/open-database.ts';
import { listAudit } from '../../access/audit-store.ts';
import { isSealed } from '../../access/secret-box.ts';
import { valueAt } from '../../access/stored-secrets.ts';
import { deriveKey } from '../../access/secret-box.ts';
import { signatureHeaders } from '../../outreach/delivery/executors/webhook-signature.ts';
import { secretForms } from '../../outreach/delivery/executors/secret-scrubbing-executor.ts';
import { seedRunningCampaign } from '../../outreach/outreach-test-setup.ts';
import { jsonLineLogger } from '../../outreach/delivery/structured-log.ts';
import { loadWorkerExecutors } from '../../outreach/delivery/worker-executors.ts';
import { runWorkerPass } from '../../outreach/delivery/worker.ts';

/**
 * Secrets at rest through the settings API: stored sealed, shown only as
 * { set }, opened by the worker (a real SMTP server on 127.0.0.1 checks the
 * password) and by the signed inbound webhook, and never in an answer, an
 * audit entry or a log line, even when the SMTP server echoes the password.
 */
const smtpPass = 'Sm7p-pass-9f3a1c';
const hookSecret = 'hook-secret-7d2e4b';
const inboundSecret = 'inbound-secret-5c8f0a';
const allSecrets = [smtpPass, hookSecret, inboundSecret];

interface Login {
  user: string;
  ok: boolean;
}
const logins: Login[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
// a server that refuses every password and repeats it in its answer: what must never reach a log or a body
let echoing: SMTPServer;
let echoPort = 0;

async function listen(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _s, cb) {
      const ok = auth.username === 'ada' && auth.password === smtpPass;
      logins.push({ user: auth.username ?? '', ok });
      if (ok) cb(null, { user: 'ada' });
      else cb(Object.assign(new Error('bad credentials'), { responseCode: 535 }));
    },
    onData(stream, _s, cb) {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  echoing = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _s, cb) {
      cb(Object.assign(new Error(`password ${auth.password} is wrong for ${auth.username}`), { responseCode: 535 }));
    },
  });
  smtpPort = await listen(smtp);
  echoPort = await listen(echoing);
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => echoing.close(() => resolve()));
});

const put = (app: SignedInApp, body: unknown) => app.request('/api/settings/executors', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const rawSettings = async (store: Store, ws = 'default') => (await store.db.selectFrom('workspaces').select('settings').where('id', '=', ws).executeTakeFirstOrThrow()).settings;

function expectNoSecret(text: string, where: string) {
  for (const s of allSecrets) for (const form of secretForms(s, 'ada')) expect(text.includes(form), `${where} holds a form of a secret`).toBe(false);
}

describeEachBackend('executor settings API: secrets at rest', (getStore) => {
  it('stores secrets sealed, shows them as { set }, keeps an omitted one, clears a null one, and audits field paths only', async () => {
    const store = getStore();
    const app = await signedInApp({ store, webRoot: '/nonexistent' });
    const first = await put(app, {
      smtp: { host: '127.0.0.1', port: smtpPort, ignoreTLS: true, auth: { user: 'ada', pass: smtpPass }, from: 'Ada <ada@scoutline.test>' },
      webhook: { url: 'https://rpa.test/hook', secret: hookSecret },
      outcomesSecret: inboundSecret,
    });
    const firstText = await first.text();
    expect(first.status, firstText).toBe(200);
    expectNoSecret(firstText, 'PUT answer');
    expect(firstText).not.toContain('enc:v1');
    expect(JSON.parse(firstText).changed).toEqual(['executors.smtp', 'executors.webhook', 'webhooks.outcomesSecret']);

    // at rest: no clear secret in the row, each secret sealed where it belongs
    const raw = await rawSettings(store);
    expectNoSecret(raw, 'the settings row');
    const parsed = JSON.parse(raw);
    for (const p of ['executors.smtp.auth.pass', 'executors.webhook.secret', 'webhooks.outcomesSecret']) expect(isSealed(valueAt(parsed, p)), p).toBe(true);

    const get = await app.request('/api/settings/executors');
    const getText = await get.text();
    expect(get.status).toBe(200);
    expectNoSecret(getText, 'GET answer');
    expect(getText).not.toContain('enc:v1');
    const view = JSON.parse(getText);
    expect(view.smtp).toMatchObject({ host: '127.0.0.1', port: smtpPort, auth: { user: 'ada', pass: { set: true } } });
    expect(view.webhook).toMatchObject({ url: 'https://rpa.test/hook', secret: { set: true } });
    expect(view.outcomesSecret).toEqual({ set: true });

    // change the host only: the stored password is kept (and still opens), the change names one field
    const second = await put(app, { smtp: { host: 'localhost', port: smtpPort, ignoreTLS: true, auth: { user: 'ada' }, from: 'Ada <ada@scoutline.test>' } });
    expect(second.status).toBe(200);
    expect((await second.json()).changed).toEqual(['executors.smtp.host']);
    const executors = await loadWorkerExecutors(store, { secretsKey: app.access.secretsKey });
    expect(executors.errors).toEqual([]);
    expect([...executors.registryFor('default').keys()].sort()).toEqual(['sandbox', 'smtp', 'tasks', 'webhook']);
    executors.close();

    // null clears a secret; an unchanged secret sent again is no change
    const cleared = await put(app, { outcomesSecret: null, webhook: { url: 'https://rpa.test/hook', secret: hookSecret } });
    const clearedBody = await cleared.json();
    expect(clearedBody.changed).toEqual(['webhooks.outcomesSecret']);
    expect(clearedBody.settings.outcomesSecret).toEqual({ set: false });
    expect(clearedBody.settings.webhook.secret).toEqual({ set: true });

    const audit = await listAudit(store, 'default', { action: 'settings_changed' });
    expect(audit.entries.map((e) => e.details.changed)).toEqual([['webhooks.outcomesSecret'], ['executors.smtp.host'], ['executors.smtp', 'executors.webhook', 'webhooks.outcomesSecret']]);
    expect(audit.entries.every((e) => e.target === 'executors')).toBe(true);
    expectNoSecret(JSON.stringify(await store.db.selectFrom('audit_log').selectAll().execute()), 'the audit log');
  });

  it('answers 400 naming the field, without echoing the value, and refuses callers below admin', async () => {
    const store = getStore();
    const app = await signedInApp({ store, webRoot: '/nonexistent' });
    const cases: Array<[unknown, RegExp]> = [
      [{ smtp: { host: 'h', port: 70000, from: 'a@b.test' } }, /smtp\.port/],
      [{ smtp: { host: 'h', from: 'a@b.test', auth: { user: 'ada', pasword: smtpPass } } }, /smtp\.auth/],
      [{ webhook: { url: 'https://x.test/', secret: 'short' } }, /webhook\.secret/],
      [{ webhook: { url: 'https://x.test/', secret: null } }, /webhook\.secret/],
      [{ webhook: { url: 'not a url', secret: hookSecret } }, /webhook\.url/],
      [{ outcomesSecret: 'short' }, /outcomesSecret/],
    ];
    for (const [body, field] of cases) {
      const res = await put(app, body);
      const text = await res.text();
      expect(res.status, text).toBe(400);
      expect(JSON.parse(text).error.message).toMatch(field);
      expectNoSecret(text, '400 answer');
      expect(text).not.toContain('"short"');
    }
    const recruiter = await signedInApp({ store, role: 'recruiter', webRoot: '/nonexistent' });
    expect((await recruiter.request('/api/settings/executors')).status).toBe(403);
    expect((await put(recruiter, { outcomesSecret: inboundSecret })).status).toBe(403);
  });

  it('the worker authenticates to a real SMTP server with the sealed password; with another key the workspace gets a clear config_error', { timeout: 60_000 }, async () => {
    const store = getStore();
    const app = await signedInApp({ store, webRoot: '/nonexistent' });
    expect((await put(app, { smtp: { host: '127.0.0.1', port: smtpPort, ignoreTLS: true, auth: { user: 'ada', pass: smtpPass }, from: 'Ada <ada@scoutline.test>', connectionTimeoutMs: 2000 } })).status).toBe(200);
    const day = '2025-06-03';
    await seedRunningCampaign(store, { tag: 'sealed', n: 1, launchAt: `${day}T00:00:00.000Z`, sequence: [{ key: 'mail', channel: 'email', anchor: 'enrolled', delayDays: 0, conditions: [{ kind: 'has_email' }] }] });

    const wrong = await loadWorkerExecutors(store, { secretsKey: deriveKey(Buffer.alloc(32, 1), 'settings') });
    expect(wrong.errors).toEqual([{ workspaceId: 'default', message: expect.stringMatching(/executors\.smtp\.auth\.pass.*cannot be decrypted/) }]);
    expect([...wrong.registryFor('default').keys()]).toEqual(['tasks']);
    wrong.close();
    const none = await loadWorkerExecutors(store, {});
    expect(none.errors[0]?.message).toMatch(/encrypted, but no key/);
    none.close();

    logins.length = 0;
    const executors = await loadWorkerExecutors(store, { secretsKey: app.access.secretsKey });
    const pass = (now: string) => runWorkerPass(store, { registry: executors.registry, registryFor: executors.registryFor, override: 'smtp', now: () => now });
    try {
      await pass(`${day}T00:01:00.000Z`);
      const r = await pass(`${day}T23:58:00.000Z`);
      expect(r.results, JSON.stringify(r)).toEqual({ sent: 1 });
    } finally {
      executors.close();
    }
    expect(logins).toEqual([{ user: 'ada', ok: true }]);
  });

  it('a secret set through the API appears in no answer and no log line when the SMTP server refuses it and echoes it back', { timeout: 60_000 }, async () => {
    const store = getStore();
    const app = await signedInApp({ store, webRoot: '/nonexistent' });
    const bodies: string[] = [];
    const call = async (path: string, init?: RequestInit) => {
      const res = await app.request(path, init);
      bodies.push(await res.clone().text());
      return res;
    };
    const captured: string[] = [];
    const spies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'info')].map((s) => s.mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' '))));
    try {
      await call('/api/settings/executors', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ smtp: { host: '127.0.0.1', port: echoPort, ignoreTLS: true, auth: { user: 'ada', pass: smtpPass }, from: 'Ada <ada@scoutline.test>', connectionTimeoutMs: 2000 }, webhook: { url: 'https://rpa.test/', secret: hookSecret }, outcomesSecret: inboundSecret }) });
      const day = '2025-06-04';
      const seeded = await seedRunningCampaign(store, { tag: 'echo', n: 1, launchAt: `${day}T00:00:00.000Z`, sequence: [{ key: 'mail', channel: 'email', anchor: 'enrolled', delayDays: 0, conditions: [{ kind: 'has_email' }] }] });
      const log = jsonLineLogger((line) => captured.push(line));
      const executors = await loadWorkerExecutors(store, { secretsKey: app.access.secretsKey });
      try {
        const pass = (now: string) => runWorkerPass(store, { registry: executors.registry, registryFor: executors.registryFor, override: 'smtp', log, now: () => now });
        await pass(`${day}T00:01:00.000Z`);
        const r = await pass(`${day}T23:58:00.000Z`);
        expect(r.results, JSON.stringify(r)).toEqual({ failed: 1 });
      } finally {
        executors.close();
      }
      // the failure is there, with the server's words, the password blanked
      const failure = captured.find((l) => l.includes('"action executed"'));
      expect(failure).toMatch(/password \[secret\] is wrong for ada/);
      const history = await call(`/api/candidates/${seeded.candidateIds[0]}/outreach`);
      expect(await history.text()).toMatch(/\[secret\]/);
      await call('/api/settings/executors');
      await call('/api/audit');
      // a wrongly signed inbound webhook: refused, and its answer names no secret
      const body = JSON.stringify({ outcomes: [{ email: 'nobody@example.org', kind: 'accepted' }] });
      await call('/api/webhooks/outcomes', { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders('wrong-secret', Date.now() / 1000, body) }, body });
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(bodies.length).toBe(5);
    for (const b of bodies) expectNoSecret(b, 'an answer');
    expect(captured.length).toBeGreaterThan(0);
    for (const line of captured) expectNoSecret(line, 'a log line');
    const lastErrors = await store.db.selectFrom('outreach_actions').select('last_error').execute();
    expectNoSecret(JSON.stringify(lastErrors), 'outreach_actions.last_error');
  });

  it('the signed inbound webhook verifies with the sealed outcomesSecret (and not with its sealed text)', async () => {
    const store = getStore();
    const app = await signedInApp({ store, webRoot: '/nonexistent' });
    expect((await put(app, { outcomesSecret: inboundSecret })).status).toBe(200);
    const sealed = valueAt(JSON.parse(await rawSettings(store)), 'webhooks.outcomesSecret') as string;
    expect(isSealed(sealed)).toBe(true);
    const body = JSON.stringify({ outcomes: [{ email: 'nobody@example.org', kind: 'accepted' }] });
    const post = (secret: string) => app.app.request('/api/webhooks/outcomes', { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders(secret, Date.now() / 1000, body) }, body });
    const ok = await post(inboundSecret);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(await ok.json()).toMatchObject({ applied: 0, failed: 1 });
    expect((await post(sealed)).status).toBe(401);
    expect((await post('wrong-secret-123')).status).toBe(401);
    // a server with another key cannot open it: a clear config_error, not a fall back to SCOUTLINE_WEBHOOK_SECRET
    const otherServer = createApp({ store, webRoot: '/nonexistent', access: testAccess(store, { masterKey: Buffer.alloc(32, 9) }) });
    const refused = await otherServer.request('/api/webhooks/outcomes', { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders(inboundSecret, Date.now() / 1000, body) }, body });
    const refusedText = await refused.text();
    expect(refused.status).toBe(503);
    expect(JSON.parse(refusedText).error).toMatchObject({ code: 'config_error', message: expect.stringMatching(/webhooks\.outcomesSecret/) });
    expectNoSecret(refusedText, 'the 503 answer');
  });
});
