import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { exitStatusFor } from '../../core/error-codes.ts';
import { openDatabase } from '../../db/open-database.ts';
import { isSealed } from '../../access/secret-box.ts';
import { valueAt } from '../../access/stored-secrets.ts';
import { listAudit } from '../../access/audit-store.ts';
import { seedRunningCampaign } from '../../outreach/outreach-test-setup.ts';
import { planSeatDay } from '../../outreach/planning/plan-seat-day-store.ts';
import { runScoutline, type CliRun } from '../cli-process.ts';

/** each test spawns the CLI a few times; on a loaded machine one start can take many seconds */
const spawnTimeout = 240_000;
const pass = 'cli-smtp-pass-41b7';
const hook = 'cli-hook-secret-93d0';

const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, SCOUTLINE_DB: '' };
  delete e.SCOUTLINE_SECRET_KEY;
  delete e.SCOUTLINE_KEY_FILE;
  return e;
};
const scoutline = (args: string[]): Promise<CliRun> => runScoutline(args, { env: env() });

function withStdin(args: string[], input: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(import.meta.dirname, '../../../bin/scoutline'), ...args], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', fail);
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

const logins: Array<{ user: string; ok: boolean }> = [];
let server: SMTPServer;
let port = 0;

describe('scoutline settings executors', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-settings-cli-'));
    db = join(dir, 'cli.db');
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _s, cb) {
        const ok = auth.username === 'ada' && auth.password === pass;
        logins.push({ user: auth.username ?? '', ok });
        if (ok) cb(null, { user: 'ada' });
        else cb(Object.assign(new Error('bad credentials'), { responseCode: 535 }));
      },
      onData(stream, _s, cb) {
        stream.resume();
        stream.on('end', () => cb());
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('--set seals the secrets with a key file it creates (0600), prints them only as set, and audits the changed fields via cli', async () => {
    const file = join(dir, 'executors.json');
    writeFileSync(file, JSON.stringify({ smtp: { host: '127.0.0.1', port, ignoreTLS: true, auth: { user: 'ada', pass }, from: 'Ada <ada@scoutline.test>', connectionTimeoutMs: 2000 }, webhook: { url: 'https://rpa.test/', secret: hook } }));
    const set = await scoutline(['settings', 'executors', '--db', db, '--set', file, '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout + set.stderr).not.toContain(pass);
    expect(set.stdout + set.stderr).not.toContain(hook);
    const out = JSON.parse(set.stdout);
    expect(out.changed).toEqual(['executors.smtp', 'executors.webhook']);
    expect(out.settings.smtp.auth).toEqual({ user: 'ada', pass: { set: true } });
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);

    const human = await scoutline(['settings', 'executors', '--db', db]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^smtp\.auth\.pass: set$/m);
    expect(human.stdout).toMatch(/^webhook\.secret: set$/m);
    expect(human.stdout).toMatch(/^outcomesSecret: not set$/m);
    expect(human.stdout).toMatch(/^sandbox: not configured/m);
    expect(human.stdout).not.toMatch(/enc:v1|cli-smtp-pass|cli-hook-secret/);

    const store = await openDatabase(db);
    try {
      const raw = (await store.db.selectFrom('workspaces').select('settings').where('id', '=', 'default').executeTakeFirstOrThrow()).settings;
      expect(raw).not.toContain(pass);
      expect(raw).not.toContain(hook);
      expect(isSealed(valueAt(JSON.parse(raw), 'executors.smtp.auth.pass'))).toBe(true);
      const audit = await listAudit(store, 'default', { action: 'settings_changed' });
      expect(audit.entries).toHaveLength(1);
      expect(audit.entries[0]).toMatchObject({ via: 'cli', target: 'executors', details: { changed: ['executors.smtp', 'executors.webhook'] } });
    } finally {
      await store.close();
    }
  }, spawnTimeout);

  it("--set - reads standard input; a bad field is invalid_input naming it, without the value", async () => {
    const ok = await withStdin(['settings', 'executors', '--db', db, '--set', '-', '--json'], JSON.stringify({ outcomesSecret: 'stdin-inbound-secret' }));
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ changed: ['webhooks.outcomesSecret'], settings: { outcomesSecret: { set: true } } });
    expect(ok.stdout).not.toContain('stdin-inbound-secret');
    const bad = await withStdin(['settings', 'executors', '--db', db, '--set', '-'], JSON.stringify({ webhook: { url: 'https://rpa.test/', secret: 'tiny-pw' } }));
    expect(bad.code).toBe(exitStatusFor('invalid_input'));
    expect(bad.stderr).toMatch(/webhook\.secret/);
    expect(bad.stderr + bad.stdout).not.toContain('tiny-pw');
    const broken = await withStdin(['settings', 'executors', '--db', db, '--set', '-'], `{"smtp": {"auth": {"pass": "${pass}"`);
    expect(broken.code).toBe(exitStatusFor('invalid_input'));
    expect(broken.stderr).toMatch(/not valid JSON/);
    expect(broken.stderr).not.toContain(pass);
  }, spawnTimeout);

  it('worker --once opens the sealed SMTP password with the key file beside the database and authenticates', async () => {
    const store = await openDatabase(db);
    try {
      // Planned on the seat's (UTC) day the worker will run on: an action left from yesterday is
      // expired as 'not claimed on its day' (CI once ran this at 00:31 with the plan at 23:31).
      await awayFromUtcMidnight(30_000);
      const now = new Date().toISOString();
      const { seatId } = await seedRunningCampaign(store, { tag: 'cliw', n: 1, launchAt: new Date(Date.now() - 60_000).toISOString(), sequence: [{ key: 'mail', channel: 'email', anchor: 'enrolled', delayDays: 0, conditions: [{ kind: 'has_email' }] }] });
      await planSeatDay(store, seatId, now);
      // due now, whatever time of day the planner picked
      await store.db.updateTable('outreach_actions').set({ due_at: new Date(Date.now() - 60_000).toISOString() }).where('seat_id', '=', seatId).execute();
    } finally {
      await store.close();
    }
    logins.length = 0;
    const run = await scoutline(['worker', '--once', '--executor', 'smtp', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/executor settings unreadable/);
    expect(run.stdout).toMatch(/"status":"sent"/);
    expect(run.stdout + run.stderr).not.toContain(pass);
    expect(logins).toEqual([{ user: 'ada', ok: true }]);
  }, spawnTimeout);
});

/** Waits past the next UTC midnight when it is closer than `marginMs`, so a plan and the pass after it share a day. */
async function awayFromUtcMidnight(marginMs: number): Promise<void> {
  const untilMidnight = 86_400_000 - (Date.now() % 86_400_000);
  if (untilMidnight < marginMs) await new Promise((r) => setTimeout(r, untilMidnight + 1_000));
}
