import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, testPostgresUrl } from '../../db/test-backends.ts';
import type { Store } from '../../db/open-database.ts';
import { exitStatusFor } from '../../core/error-codes.ts';
import { testMasterKey } from '../../api/test-app.ts';
import { runInProcess, startTestServer } from '../remote/in-process-cli.ts';

const bin = resolve(import.meta.dirname, '../../../bin/scoutline');

/** bin/scoutline as a child with `input` on its stdin; async, so the in-process server keeps answering meanwhile. */
function runWithStdin(args: string[], input: string | null, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The --db a separate connection needs to reach this test store (on PostgreSQL: its private schema). */
function dbArg(store: Store): string {
  if (store.dialect === 'sqlite') return store.location;
  const schema = /\(schema ([a-z0-9_]+)\)/.exec(store.location)?.[1];
  if (!schema) throw new Error(`no schema in ${store.location}`);
  return `${testPostgresUrl}${testPostgresUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/**
 * The local account commands end to end, on the database file itself (as
 * its owner), and what they make working on the server over the same
 * database: a token made here signs the remote CLI in until it is revoked,
 * an invitation link and a sign-in link open on the server, and every change
 * is in the audit log as done by the local CLI.
 */
describeEachBackend('local account commands', (getStore) => {
  let server: { url: string; close(): Promise<void> };
  let db: string;
  const saved = process.env.SCOUTLINE_SECRET_KEY;
  const local = (...args: string[]) => runInProcess(['--db', db, ...args]);
  const json = async (...args: string[]) => {
    const run = await local(...args, '--json');
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    // never the repository's ./data/secret.key (PostgreSQL has no file beside it)
    process.env.SCOUTLINE_SECRET_KEY = testMasterKey.toString('base64');
    db = dbArg(getStore());
    server = await startTestServer(getStore());
  });
  afterAll(async () => {
    await server?.close();
    if (saved === undefined) delete process.env.SCOUTLINE_SECRET_KEY;
    else process.env.SCOUTLINE_SECRET_KEY = saved;
  });

  it('creates users and members; the rules of the API hold (one email once, a workspace keeps an owner)', async () => {
    const ann = await json('users', 'create', 'Ann@Acct.test', '--name', 'Ann', '--role', 'owner');
    expect(ann).toMatchObject({ user: { email: 'ann@acct.test', name: 'Ann' }, role: 'owner', hasPassword: false });
    expect((await local('users', 'create', 'ann@acct.test', '--name', 'Ann again')).code).toBe(exitStatusFor('conflict'));
    expect((await local('users', 'create', 'not an email', '--name', 'X')).code).toBe(exitStatusFor('invalid_input'));
    await json('users', 'create', 'bob@acct.test', '--name', 'Bob');
    expect((await local('members', 'add', 'bob@acct.test', 'boss')).code).toBe(exitStatusFor('invalid_input'));
    expect((await local('members', 'add', 'bob@acct.test', 'recruiter', '--workspace', 'nope')).code).toBe(exitStatusFor('not_found'));
    expect(await json('members', 'add', 'bob@acct.test', 'recruiter')).toMatchObject({ email: 'bob@acct.test', role: 'recruiter' });
    const { members } = await json('members', 'list');
    expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).toEqual(['ann@acct.test:owner', 'bob@acct.test:recruiter']);
    const lastOwner = await local('members', 'role', 'ann@acct.test', 'viewer');
    expect(lastOwner.code).toBe(exitStatusFor('conflict'));
    expect(lastOwner.stderr).toContain('at least one owner');
    const users = await local('users', 'list');
    expect(users.stdout).toMatch(/bob@acct\.test\s+Bob\s+\(no password\)\s+default:recruiter/);
  });

  it('a token made here works against the server with its role until it is revoked', async () => {
    expect((await local('tokens', 'create', '--user', 'bob@acct.test', '--name', 'too much', '--role', 'owner')).code).toBe(exitStatusFor('forbidden'));
    const made = await json('tokens', 'create', '--user', 'bob@acct.test', '--name', 'laptop');
    expect(made.token).toMatch(/^sl_tok_/);
    expect(made.info).toMatchObject({ role: 'recruiter', name: 'laptop' });
    const human = await local('tokens', 'create', '--user', 'ann@acct.test', '--name', 'printed');
    expect(human.stdout.trim()).toMatch(/^sl_tok_[A-Za-z0-9_-]{43}$/);
    expect(human.stderr).toContain('shown only now');

    const me = await runInProcess(['--server', server.url, '--token', made.token, 'me', '--json']);
    expect(me.code, me.stderr).toBe(0);
    expect(JSON.parse(me.stdout)).toMatchObject({ user: { email: 'bob@acct.test' }, workspace: { id: 'default', role: 'recruiter' } });

    const listed = await json('tokens', 'list');
    expect(listed.tokens.map((t: { name: string }) => t.name).sort()).toEqual(['laptop', 'printed']);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect((await local('tokens', 'revoke', made.info.id)).stdout).toContain(`revoked token ${made.info.id}`);
    const after = await runInProcess(['--server', server.url, '--token', made.token, 'me']);
    expect(after.code).toBe(exitStatusFor('unauthenticated'));
    expect(after.stdout + after.stderr).not.toContain(made.token);
    expect((await local('tokens', 'revoke', 'no-such-token')).code).toBe(exitStatusFor('not_found'));
  });

  it('an invitation link and a sign-in link made here open on the server', async () => {
    const inv = await json('invite', '--role', 'viewer', '--public-url', 'https://scoutline.example.com/');
    expect(inv.url).toMatch(/^https:\/\/scoutline\.example\.com\/invite\/sl_inv_/);
    const token = inv.url.split('/invite/')[1];
    const preview = await fetch(`${server.url}/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ role: 'viewer', email: null });
    expect((await json('invite', 'carol@acct.test', '--role', 'admin')).invitation).toMatchObject({ email: 'carol@acct.test', role: 'admin', status: 'pending' });

    const link = await json('users', 'link', 'ann@acct.test', '--public-url', server.url);
    expect(link.link.startsWith(`${server.url}/api/auth/magic-link/verify?token=`)).toBe(true);
    const signIn = await fetch(link.link, { redirect: 'manual' });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get('set-cookie')).toContain('scoutline.session_token=');
    expect((await local('users', 'link', 'nobody@acct.test')).code).toBe(exitStatusFor('not_found'));
    const reset = await json('users', 'reset-link', 'ann@acct.test');
    expect(reset.link).toMatch(/^http:\/\/127\.0\.0\.1:4477\/api\/auth\/reset-password\//);
  });

  it('sets a password read from stdin, never from an argument', async () => {
    const env = { ...process.env, SCOUTLINE_SECRET_KEY: testMasterKey.toString('base64') };
    const noStdin = await runWithStdin(['--db', db, 'users', 'set-password', 'bob@acct.test'], null, env);
    expect(noStdin.status).toBe(exitStatusFor('invalid_input'));
    const set = await runWithStdin(['--db', db, 'users', 'set-password', 'bob@acct.test', '--password-stdin'], 'correct horse battery\n', env);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain('password set for bob@acct.test');
  }, 60_000);

  it('the password set by the CLI is the one the server accepts', async () => {
    const ok = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bob@acct.test', password: 'correct horse battery' }) });
    expect(ok.status).toBe(200);
    const wrong = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bob@acct.test', password: 'correct horse battery!' }) });
    expect(wrong.status).toBe(401);
  });

  it('workspaces: create with an owner, list with member counts', async () => {
    expect(await json('workspaces', 'create', 'Second Team', '--owner', 'ann@acct.test')).toMatchObject({ id: 'second-team', owner: 'ann@acct.test' });
    const { workspaces } = await json('workspaces', 'list');
    expect(workspaces.find((w: { id: string }) => w.id === 'second-team')).toMatchObject({ name: 'Second Team', members: { owner: 1 } });
    expect((await local('workspaces', 'create', 'Third', '--owner', 'nobody@acct.test')).code).toBe(exitStatusFor('not_found'));
  });

  it('removing a member revokes their tokens; every change above is in the audit log as the local CLI', async () => {
    const remaining = await json('tokens', 'create', '--user', 'bob@acct.test', '--name', 'second');
    expect((await local('members', 'remove', 'bob@acct.test')).stdout).toContain('removed bob@acct.test (recruiter)');
    expect((await runInProcess(['--server', server.url, '--token', remaining.token, 'me'])).code).toBe(exitStatusFor('unauthenticated'));

    const { entries } = await json('audit', '--limit', '500');
    const actions = new Set(entries.map((e: { action: string }) => e.action));
    for (const a of ['user_created', 'member_role_changed', 'token_created', 'token_revoked', 'invitation_created', 'sign_in_link_created', 'password_reset_requested', 'password_changed', 'member_removed']) expect(actions, a).toContain(a);
    const cliEntries = entries.filter((e: { via: string }) => e.via === 'cli');
    expect(cliEntries.length).toBeGreaterThan(10);
    for (const e of cliEntries) expect(e.actor).toMatch(/^local cli \(/);
    expect(JSON.stringify(entries)).not.toContain(remaining.token);

    const onlyTokens = await json('audit', '--action', 'token_created');
    expect(onlyTokens.entries.length).toBe(3);
    expect(onlyTokens.entries.every((e: { action: string }) => e.action === 'token_created')).toBe(true);
    const second = await json('audit', '--workspace', 'second-team');
    expect(second.entries.map((e: { action: string }) => e.action)).toContain('workspace_created');
    expect((await local('audit', '--from', 'yesterday')).code).toBe(exitStatusFor('invalid_input'));
    const human = await local('audit', '--action', 'member_removed');
    expect(human.stdout).toMatch(/member_removed\s+local cli \(.*\) \(cli\) -> bob@acct\.test/);
  });
});
