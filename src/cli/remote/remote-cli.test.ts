import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { exitStatusFor } from '../../core/error-codes.ts';
import { createUser } from '../../access/user-accounts.ts';
import { addMember } from '../../access/membership-store.ts';
import { createApiToken } from '../../access/api-token-store.ts';
import { testAccess } from '../../api/test-app.ts';
import type { Role } from '../../access/role.ts';
import { runScoutline } from '../cli-process.ts';
import { runInProcess, startTestServer } from './in-process-cli.ts';

/**
 * The CLI in remote mode against the real server (createApp on 127.0.0.1,
 * a free port) over a fresh database: what it prints, and that refusals exit
 * with the status of their code, as on a local database.
 */
describeEachBackend('scoutline --server (remote mode)', (getStore) => {
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  const tokens: Partial<Record<Role, string>> = {};
  const cli = (role: Role, ...args: string[]) => runInProcess(['--server', server.url, '--token', tokens[role]!, ...args]);

  beforeAll(async () => {
    const store = getStore();
    dir = mkdtempSync(join(tmpdir(), 'scoutline-remote-'));
    const access = testAccess(store);
    for (const role of ['owner', 'viewer'] as const) {
      const user = await createUser(access, { email: `${role}@remote.test`, name: `The ${role}` });
      await addMember(store, 'default', user.id, role);
      tokens[role] = (await createApiToken(store, { workspaceId: 'default', userId: user.id, name: `${role} cli`, role })).token;
    }
    server = await startTestServer(store);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('me says whom the token acts as, in which workspace and role', async () => {
    const run = await cli('viewer', 'me', '--json');
    expect(run.code).toBe(0);
    const me = JSON.parse(run.stdout);
    expect(me.user.email).toBe('viewer@remote.test');
    expect(me.via).toBe('token');
    expect(me.workspace).toMatchObject({ id: 'default', role: 'viewer' });
    const human = await cli('owner', 'me');
    expect(human.stdout).toContain('owner@remote.test');
    expect(human.stdout).toContain('role owner');
  });

  it('imports a file by streaming it, then lists, searches and shows what the server has', async () => {
    const file = join(dir, 'people.ndjson');
    writeFileSync(
      file,
      [
        { basics: { name: 'Ada Remote', label: 'Kotlin engineer', email: 'ada@people.test', location: { city: 'Berlin' } }, skills: [{ name: 'Kotlin' }] },
        { basics: { name: 'Bo Remote', label: 'Recruiter', email: 'bo@people.test' } },
        { basics: { name: '' } },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const imported = await cli('owner', 'import', file, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'jsonresume', records: 3, imported: 2, skipped: 1 });
    const again = await cli('owner', 'import', file);
    expect(again.stdout).toMatch(/unchanged\s+2/);

    const list = await cli('viewer', 'candidates', 'list', '--json');
    expect(JSON.parse(list.stdout).total).toBe(2);
    const found = await cli('viewer', 'search', 'kotlin', '--location', 'Berlin', '--json');
    expect(found.code).toBe(0);
    const body = JSON.parse(found.stdout);
    expect(body.total).toBe(1);
    expect(body.results[0].name).toBe('Ada Remote');
    const human = await cli('viewer', 'search', 'kotlin');
    expect(human.stdout).toMatch(/Ada Remote — Kotlin engineer/);
    expect(human.stdout).toContain('1-1 of 1 candidate match');
    const shown = await cli('viewer', 'candidates', 'show', String(body.results[0].id));
    expect(JSON.parse(shown.stdout).name).toBe('Ada Remote');
  });

  it('a query syntax error and a missing candidate exit as they do locally', async () => {
    const bad = await cli('viewer', 'search', 'java AND (');
    expect(bad.code).toBe(exitStatusFor('query_syntax'));
    const missing = await cli('viewer', 'candidates', 'show', '999999');
    expect(missing.code).toBe(exitStatusFor('not_found'));
    expect(missing.stderr).toMatch(/^scoutline: not_found: /);
  });

  it('runs a campaign made through `api`; a viewer may not launch it (403) and an owner may', async () => {
    const seat = await cli('owner', 'api', 'POST', '/api/seats', '--data', JSON.stringify({ name: 'Remote Seat', id: 'remote-seat' }));
    expect(seat.code, seat.stderr).toBe(0);
    const ids = JSON.parse((await cli('owner', 'candidates', 'list', '--json')).stdout).candidates.map((c: { id: number }) => c.id);
    const made = await cli('owner', 'api', 'POST', '/api/campaigns', '--data', JSON.stringify({ name: 'Remote campaign', seatIds: ['remote-seat'], source: { kind: 'ids', ids } }));
    expect(made.code, made.stderr).toBe(0);
    const id = JSON.parse(made.stdout).id as string;

    const refused = await cli('viewer', 'campaign', 'launch', id);
    expect(refused.code).toBe(exitStatusFor('forbidden'));
    expect(refused.stderr).toContain('viewer');
    const launched = await cli('owner', 'campaign', 'launch', id);
    expect(launched.code, launched.stderr).toBe(0);
    expect(launched.stdout).toContain(`${id}  Remote campaign  [running]`);
    const listed = await cli('viewer', 'campaign', 'list', '--json');
    expect(JSON.parse(listed.stdout).campaigns.map((c: { status: string }) => c.status)).toEqual(['running']);
    const paused = await cli('owner', 'campaign', 'pause', id, '--json');
    expect(JSON.parse(paused.stdout).status).toBe('paused');
    expect((await cli('owner', 'campaign', 'show', 'no-such-campaign')).code).toBe(exitStatusFor('not_found'));

    const seats = await cli('viewer', 'seats');
    expect(seats.stdout).toContain('remote-seat');
    const tasks = await cli('owner', 'tasks', 'list', '--json');
    expect(tasks.code).toBe(0);
    expect(Array.isArray(JSON.parse(tasks.stdout).tasks)).toBe(true);
    expect((await cli('owner', 'tasks', 'done', 'no-such-task')).code).toBe(exitStatusFor('not_found'));
  });

  it('members, tokens and the audit log in the token’s workspace; the audit log is for admins', async () => {
    const members = await cli('viewer', 'members', 'list');
    expect(members.stdout).toMatch(/owner\s+owner@remote\.test/);
    const listed = JSON.parse((await cli('owner', 'tokens', 'list', '--json')).stdout).tokens as Array<{ name: string; prefix: string }>;
    expect(listed.map((t) => t.name).sort()).toEqual(['owner cli', 'viewer cli']);
    expect(JSON.stringify(listed)).not.toContain(tokens.owner!);

    const audit = await cli('owner', 'audit', '--action', 'campaign_launched', '--json');
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout).entries[0]).toMatchObject({ actor: 'owner@remote.test', via: 'token', action: 'campaign_launched' });
    expect((await cli('viewer', 'audit')).code).toBe(exitStatusFor('forbidden'));
    expect((await cli('owner', 'audit', '--action', 'no_such_action')).code).toBe(exitStatusFor('invalid_input'));
    // a token cannot make tokens: the server says so, the CLI passes it on
    const create = await cli('owner', 'tokens', 'create', '--name', 'more');
    expect(create.code).toBe(exitStatusFor('forbidden'));
    expect(create.stderr).toContain('signed-in session');
  });

  it('`api` reaches any route and prints the answer; refusals keep their exit status', async () => {
    const health = await cli('viewer', 'api', 'GET', '/api/health');
    expect(JSON.parse(health.stdout)).toMatchObject({ ok: true });
    const funnel = await cli('viewer', 'api', 'get', '/api/candidates?limit=1');
    expect(JSON.parse(funnel.stdout).candidates).toHaveLength(1);
    const unknown = await cli('viewer', 'api', 'GET', '/api/no-such-route', '--json');
    expect(unknown.code).toBe(exitStatusFor('not_found'));
    expect(JSON.parse(unknown.stdout).error.code).toBe('not_found');
    const viewerDelete = await cli('viewer', 'api', 'DELETE', '/api/candidates/1');
    expect(viewerDelete.code).toBe(exitStatusFor('forbidden'));
  });

  it('a local-only command refuses in remote mode instead of opening a database', async () => {
    for (const args of [['serve'], ['seats', 'add', '--name', 'X'], ['users', 'list'], ['candidates', 'list', '--db', 'x.db']]) {
      const run = await cli('owner', ...args);
      expect(run.code, args.join(' ')).toBe(exitStatusFor('invalid_input'));
      expect(run.stderr, args.join(' ')).toMatch(/works only on a local database; use `scoutline api \.\.\.`|either --db .* or a server/);
    }
  });

  it('a bad token exits unauthenticated, and the token is in no output (child process, as a user runs it)', async () => {
    const bad = 'sl_tok_' + 'x'.repeat(43);
    const env: NodeJS.ProcessEnv = { ...process.env, SCOUTLINE_SERVER: server.url, SCOUTLINE_TOKEN: bad };
    delete env.SCOUTLINE_DB;
    const run = await runScoutline(['candidates', 'list', '--json'], { env });
    expect(run.code).toBe(exitStatusFor('unauthenticated'));
    expect(JSON.parse(run.stdout).error.code).toBe('unauthenticated');
    expect(run.stdout + run.stderr).not.toContain(bad);
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${tokens.viewer}\n`, { mode: 0o600 });
    const ok = await runScoutline(['--server', server.url, '--token-file', tokenFile, 'me'], { env: { ...process.env, SCOUTLINE_TOKEN: '' } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('viewer@remote.test');
    expect(ok.stdout + ok.stderr).not.toContain(tokens.viewer!);
  }, 60_000);
});
