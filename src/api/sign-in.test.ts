import { describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { describeEachBackend } from '../db/test-backends.ts';
import { createApp } from './app.ts';
import { testAccess } from './test-app.ts';
import { createUser } from '../access/user-accounts.ts';
import { addMember } from '../access/membership-store.ts';
import { bootstrapFirstOwner } from '../access/first-owner.ts';
import { accountMailerFromConfig } from '../access/account-mailer.ts';
import type { Store } from '../db/open-database.ts';

/** A cookie jar of one: what a browser keeps between requests. */
let nextAddress = 0;
function cookieJar() {
  let cookie = '';
  return {
    headers(extra: Record<string, string> = {}): Record<string, string> {
      return { origin: 'http://localhost', 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${++nextAddress % 250}`, ...(cookie ? { cookie } : {}), ...extra };
    },
    take(res: Response) {
      const set = res.headers.get('set-cookie');
      if (set) {
        const m = /scoutline\.session_token=([^;]*)/.exec(set);
        if (m) cookie = m[1] ? `scoutline.session_token=${m[1]}` : '';
      }
      return res;
    },
    get value() {
      return cookie;
    },
  };
}

async function startSmtp(): Promise<{ port: number; mails: string[]; close(): Promise<void> }> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        mails.push(raw);
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise((r) => server.close(() => r())) };
}

describeEachBackend('sign-in, sessions and passwords', (getStore) => {
  let store: Store;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let access: ReturnType<typeof testAccess>;
  let app: ReturnType<typeof createApp>;
  const email = 'ada@example.test';

  it('setup: a member with a password, and a local SMTP server for reset emails', async () => {
    store = getStore();
    smtp = await startSmtp();
    access = testAccess(store, { mailer: accountMailerFromConfig({ host: '127.0.0.1', port: smtp.port, secure: false, auth: null, from: 'Scoutline <noreply@example.test>', messageIdDomain: null, ignoreTLS: true, connectionTimeoutMs: 5000 }), signInPerMinute: 5, accountLockAfter: 4, trustProxy: true });
    app = createApp({ store, access, webRoot: '/nonexistent' });
    const u = await createUser(access, { email, name: 'Ada', password: 'correct horse battery' });
    await addMember(store, 'default', u.id, 'recruiter');
  });

  it('without a session every data route is 401 and says how to sign in', async () => {
    const res = await app.request('/api/candidates');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('signs in with email and password into an HttpOnly SameSite cookie, then reads data and who it is', async () => {
    const jar = cookieJar();
    const res = jar.take(await app.request('/api/auth/sign-in/email', { method: 'POST', headers: jar.headers(), body: JSON.stringify({ email, password: 'correct horse battery' }) }));
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).not.toMatch(/Secure/); // http://localhost: no Secure flag, or the browser would drop it
    const me = (await (await app.request('/api/me', { headers: jar.headers() })).json()) as { user: { email: string }; workspace: { id: string; role: string } };
    expect(me.user.email).toBe(email);
    expect(me.workspace).toMatchObject({ id: 'default', role: 'recruiter' });
    expect((await app.request('/api/candidates', { headers: jar.headers() })).status).toBe(200);
    // sign out: the same cookie no longer works
    const out = await app.request('/api/auth/sign-out', { method: 'POST', headers: jar.headers(), body: '{}' });
    expect(out.status).toBe(200);
    expect((await app.request('/api/candidates', { headers: jar.headers() })).status).toBe(401);
  });

  it('a wrong password is a clear 401, recorded in the audit log without the password', async () => {
    const res = await app.request('/api/auth/sign-in/email', { method: 'POST', headers: cookieJar().headers(), body: JSON.stringify({ email, password: 'not the password' }) });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message).toMatch(/invalid email or password/i);
    const rows = await store.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign_in_failed').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('not the password');
  });

  it('an account is locked after repeated failures, even with the right password, and the lock is audited', async () => {
    for (let i = 0; i < 4; i++) await app.request('/api/auth/sign-in/email', { method: 'POST', headers: cookieJar().headers({ 'x-forwarded-for': `10.0.0.${i}` }), body: JSON.stringify({ email, password: `wrong ${i}` }) });
    const res = await app.request('/api/auth/sign-in/email', { method: 'POST', headers: cookieJar().headers(), body: JSON.stringify({ email, password: 'correct horse battery' }) });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    const refused = await store.db.selectFrom('audit_log').select('details').where('action', '=', 'sign_in_failed').where('outcome', '=', 'refused').execute();
    expect(refused.some((r) => r.details.includes('locked'))).toBe(true);
  });

  it('password reset by email through SMTP: the link works once and signs out old sessions', async () => {
    // a fresh user (the first one is locked for 15 minutes)
    const u = await createUser(access, { email: 'bob@example.test', name: 'Bob', password: 'first password 123' });
    await addMember(store, 'default', u.id, 'viewer');
    const old = cookieJar();
    old.take(await app.request('/api/auth/sign-in/email', { method: 'POST', headers: old.headers(), body: JSON.stringify({ email: 'bob@example.test', password: 'first password 123' }) }));
    expect((await app.request('/api/me', { headers: old.headers() })).status).toBe(200);

    const before = smtp.mails.length;
    const ask = await app.request('/api/auth/request-password-reset', { method: 'POST', headers: cookieJar().headers(), body: JSON.stringify({ email: 'bob@example.test', redirectTo: '/reset-password' }) });
    expect(ask.status).toBe(200);
    for (let i = 0; i < 100 && smtp.mails.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    const mail = smtp.mails.at(-1) ?? '';
    expect(mail).toMatch(/^To: bob@example\.test/m);
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail.replace(/=\r?\n/g, ''))?.[1];
    expect(token).toBeTruthy();
    const reset = await app.request('/api/auth/reset-password', { method: 'POST', headers: cookieJar().headers(), body: JSON.stringify({ token, newPassword: 'second password 456' }) });
    expect(reset.status).toBe(200);
    // the token worked once
    const again = await app.request('/api/auth/reset-password', { method: 'POST', headers: cookieJar().headers(), body: JSON.stringify({ token, newPassword: 'third password 789' }) });
    expect(again.status).toBe(400);
    expect((await app.request('/api/me', { headers: old.headers() })).status).toBe(401);
    const fresh = cookieJar();
    expect(fresh.take(await app.request('/api/auth/sign-in/email', { method: 'POST', headers: fresh.headers(), body: JSON.stringify({ email: 'bob@example.test', password: 'second password 456' }) })).status).toBe(200);
  });

  it('changing the password needs the current one and signs out the other sessions', async () => {
    const a = cookieJar();
    const b = cookieJar();
    for (const jar of [a, b]) jar.take(await app.request('/api/auth/sign-in/email', { method: 'POST', headers: jar.headers(), body: JSON.stringify({ email: 'bob@example.test', password: 'second password 456' }) }));
    const wrong = await app.request('/api/me/password', { method: 'POST', headers: a.headers(), body: JSON.stringify({ currentPassword: 'nope', newPassword: 'fourth password 000' }) });
    expect(wrong.status).toBe(403);
    const short = await app.request('/api/me/password', { method: 'POST', headers: a.headers(), body: JSON.stringify({ currentPassword: 'second password 456', newPassword: 'short' }) });
    expect(short.status).toBe(400);
    const ok = await app.request('/api/me/password', { method: 'POST', headers: a.headers(), body: JSON.stringify({ currentPassword: 'second password 456', newPassword: 'fourth password 000' }) });
    expect(ok.status).toBe(200);
    expect((await app.request('/api/me', { headers: a.headers() })).status).toBe(200);
    expect((await app.request('/api/me', { headers: b.headers() })).status).toBe(401);
  });

  it('public sign-up and magic-link requests are not reachable over HTTP', async () => {
    const up = await app.request('/api/auth/sign-up/email', { method: 'POST', headers: cookieJar().headers(), body: JSON.stringify({ email: 'mallory@example.test', password: 'mallory password 1', name: 'M' }) });
    expect(up.status).toBe(404);
    const link = await app.request('/api/auth/sign-in/magic-link', { method: 'POST', headers: cookieJar().headers(), body: JSON.stringify({ email }) });
    expect(link.status).toBe(404);
    expect(await store.db.selectFrom('auth_users').select('id').where('email', '=', 'mallory@example.test').executeTakeFirst()).toBeUndefined();
  });

  it('sign-in attempts are rate limited per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await app.request('/api/auth/sign-in/email', { method: 'POST', headers: cookieJar().headers({ 'x-forwarded-for': '198.51.100.7' }), body: JSON.stringify({ email: `nobody${i}@example.test`, password: 'whatever whatever' }) });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('cleanup', async () => {
    await smtp.close();
  });
});

describeEachBackend('first start', (getStore) => {
  it('creates the owner of the default workspace with a one-time link that signs in once', async () => {
    const store = getStore();
    const access = testAccess(store);
    const app = createApp({ store, access, webRoot: '/nonexistent' });
    const first = await bootstrapFirstOwner(store, access);
    expect(first?.created).toBe(true);
    const url = new URL(first!.link);
    const res = await app.request(`${url.pathname}${url.search}`);
    expect(res.status).toBe(302);
    const cookie = /scoutline\.session_token=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeTruthy();
    const me = (await (await app.request('/api/me', { headers: { cookie: cookie! } })).json()) as { workspace: { role: string }; user: { hasPassword: boolean } };
    expect(me.workspace.role).toBe('owner');
    expect(me.user.hasPassword).toBe(false);
    // the link works once
    const again = await app.request(`${url.pathname}${url.search}`);
    expect(again.headers.get('set-cookie') ?? '').not.toMatch(/scoutline\.session_token=[^;]+/);
    // until the owner sets a password, a restart prints a fresh link; after it, none
    expect((await bootstrapFirstOwner(store, access))?.created).toBe(false);
    const set = await app.request('/api/me/password', { method: 'POST', headers: { cookie: cookie!, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ newPassword: 'owner password 1' }) });
    expect(set.status).toBe(200);
    expect(await bootstrapFirstOwner(store, access)).toBeNull();
  });
});

describe('session cookies over HTTPS', () => {
  it('are Secure when the public URL is https', async () => {
    // shape only: the flag comes from the auth library's configuration
    const { createAuthServer } = await import('../access/auth-server.ts');
    const { openDatabase } = await import('../db/open-database.ts');
    const store = await openDatabase(':memory:');
    const auth = createAuthServer({ store, publicUrl: 'https://scoutline.example.com', secret: 'x'.repeat(43), mailer: null });
    const ctx = await auth.$context;
    expect(ctx.authCookies.sessionToken.attributes.secure).toBe(true);
    expect(ctx.authCookies.sessionToken.name).toBe('__Secure-scoutline.session_token');
    await store.close();
  });
});
