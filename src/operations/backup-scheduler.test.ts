import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../access/api-token-store.ts';
import { addMember } from '../access/membership-store.ts';
import { createUser } from '../access/user-accounts.ts';
import { testAccess } from '../api/test-app.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { runScoutline } from '../cli/cli-process.ts';
import { openDatabase } from '../db/open-database.ts';
import { cannotMountReason, mountSmallDisk } from '../db/small-disk.ts';
import { freePort } from '../db/throwaway-postgres.ts';
import { jsonLineLogger } from '../outreach/delivery/structured-log.ts';
import { backupTimeOf } from './backup-schedule.ts';
import { startBackupScheduler } from './backup-scheduler.ts';
import type { BackupStatus } from './backup-status.ts';
import { inspectSqliteBackup } from './sqlite-backup.ts';

/**
 * Scheduled backups as an operator runs them: `serve --backup-dir DIR
 * --backup-every 5s --backup-keep 2`, the status through the API (admins
 * only) and `scoutline backups`; and a backup that fails on a full disk,
 * shown as the status' last error, then succeeding once there is room.
 */
const root = resolve(import.meta.dirname, '../..');

async function until(what: string, fn: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('serve --backup-dir', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-sched-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up every interval, keeps the newest N, and shows it to admins through the API and the CLI', { timeout: 300_000 }, async () => {
    const db = join(dir, 'live.db');
    const backups = join(dir, 'backups');
    const store = await openDatabase(db);
    await upsertCandidates(store, 'default', Array.from({ length: 200 }, (_, i) => normaliseCandidateInput({ firstName: `S${i}`, lastName: 'Sched', profileUrl: `https://www.linkedin.com/in/sched-${i}` })));
    const access = testAccess(store);
    const tokens: Record<string, string> = {};
    for (const role of ['owner', 'viewer'] as const) {
      const user = await createUser(access, { email: `${role}@sched.test`, name: role });
      await addMember(store, 'default', user.id, role);
      tokens[role] = (await createApiToken(store, { workspaceId: 'default', userId: user.id, name: role, role })).token;
    }
    await store.close();

    const port = await freePort();
    const serve = spawn(process.execPath, [join(root, 'bin/scoutline'), 'serve', '--db', db, '--port', String(port), '--no-worker', '--backup-dir', backups, '--backup-every', '5s', '--backup-keep', '2'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    serve.stdout!.on('data', (d) => (out += String(d)));
    serve.stderr!.on('data', (d) => (out += String(d)));
    const exited = new Promise((r) => serve.on('exit', r));
    const written = () => out.split('\n').filter((l) => l.includes('"msg":"backup written"')).length;
    const status = async (role: string) => fetch(`http://127.0.0.1:${port}/api/settings/backups`, { headers: { authorization: `Bearer ${tokens[role]}` } });
    try {
      await until('serve to listen', () => out.includes('Scoutline is running'), 120_000);
      await until('three scheduled backups', () => written() >= 3, 120_000);
      const files = readdirSync(backups).filter((n) => backupTimeOf(n) !== null).sort();
      expect(files).toHaveLength(2);
      for (const f of files) expect(inspectSqliteBackup(join(backups, f)).candidates).toBe(200);
      expect(readdirSync(backups).filter((n) => n.includes('.partial-'))).toEqual([]);

      const res = await status('owner');
      expect(res.status).toBe(200);
      const s = (await res.json()) as BackupStatus;
      expect(s).toMatchObject({ database: 'sqlite', scheduled: true, dir: backups, every: '5s', keep: 2, lastError: null });
      expect(s.backups.length).toBeGreaterThanOrEqual(2);
      expect(s.last!.bytes).toBeGreaterThan(0);
      expect(Date.parse(s.next!)).toBeGreaterThanOrEqual(Date.parse(s.last!.at));
      expect((await status('viewer')).status).toBe(403);

      const cli = await runScoutline(['backups', '--db', db, '--json']);
      expect(cli.code, cli.stderr).toBe(0);
      const c = JSON.parse(cli.stdout) as BackupStatus & { serverRunning: boolean };
      expect(c).toMatchObject({ scheduled: true, dir: backups, every: '5s', keep: 2, serverRunning: true });
      expect(c.last).not.toBeNull();
      const human = await runScoutline(['backups', '--db', db]);
      expect(human.stdout).toMatch(/scheduled\s+every 5s, keeping 2, into .*backups \(server running\)/);
    } finally {
      serve.kill('SIGTERM');
      await exited;
    }
    // stopped: the CLI says nothing is being backed up now
    const after = JSON.parse((await runScoutline(['backups', '--db', db, '--json'])).stdout) as { serverRunning: boolean; note: string };
    expect(after.serverRunning).toBe(false);
  });

  it('refuses a schedule on PostgreSQL or with a bad interval, before starting', async () => {
    const bad = await runScoutline(['serve', '--db', join(dir, 'x.db'), '--backup-dir', join(dir, 'b'), '--backup-every', 'often']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--backup-every expects a number and a unit');
    const pg = await runScoutline(['serve', '--db', 'postgres://postgres@127.0.0.1:1/none', '--backup-dir', join(dir, 'b')]);
    expect(pg.code).toBe(2);
    expect(pg.stderr).toMatch(/--backup-dir schedules backups of a SQLite database file; this server runs on PostgreSQL\. .*pg_dump/);
  }, 180_000);
});

(process.getuid?.() === 0 ? describe : describe.skip)(`a scheduled backup on a full disk${process.getuid?.() === 0 ? '' : ` — ${cannotMountReason}`}`, () => {
  it('fails without touching the database, shows the error in the status, and succeeds once there is room', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoutline-sched-full-'));
    const disk = (await mountSmallDisk(1))!;
    const store = await openDatabase(join(dir, 'live.db'));
    const lines: string[] = [];
    try {
      await upsertCandidates(store, 'default', Array.from({ length: 1500 }, (_, i) => normaliseCandidateInput({ firstName: `F${i}`, lastName: 'Full', summary: 'Builds things. '.repeat(30), profileUrl: `https://www.linkedin.com/in/full-${i}` })));
      const scheduler = startBackupScheduler({ databaseFile: store.location, schedule: { dir: disk.dir, everyMs: 10_000, keep: 2 }, log: jsonLineLogger((l) => lines.push(l)) });
      try {
        await until('a failed backup', () => scheduler.status().lastError !== null, 60_000);
        const failed = scheduler.status();
        expect(failed.lastError!.message).toMatch(/^the disk is full: the backup to .* was not written \(the database itself is untouched\)/);
        expect(failed.last).toBeNull();
        expect(readdirSync(disk.dir)).toEqual([]);
        expect(lines.some((l) => l.includes('"msg":"backup failed"'))).toBe(true);

        await disk.resize(64);
        await until('the retry to succeed', () => scheduler.status().last !== null, 60_000);
        const ok = scheduler.status();
        expect(ok.lastError).toBeNull();
        expect(inspectSqliteBackup(join(disk.dir, ok.last!.file)).candidates).toBe(1500);
      } finally {
        await scheduler.stop();
      }
    } finally {
      await store.close();
      await disk.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
