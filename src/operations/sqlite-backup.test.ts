import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../access/api-token-store.ts';
import { addMember } from '../access/membership-store.ts';
import { createUser } from '../access/user-accounts.ts';
import { testAccess } from '../api/test-app.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { exitStatusFor } from '../core/error-codes.ts';
import { runScoutline } from '../cli/cli-process.ts';
import { SqliteDatabase } from '../db/sqlite-module.ts';
import { openDatabase } from '../db/open-database.ts';
import { freePort } from '../db/throwaway-postgres.ts';
import { backupSqliteFile, inspectSqliteBackup, sqliteContents } from './sqlite-backup.ts';

/**
 * Issue #14 item 8: `scoutline backup` while another process writes as fast
 * as it can, then `scoutline restore`, all as real processes. The backup is
 * one consistent snapshot (every write batch whole or absent, and a prefix
 * of them), passes integrity_check, and the restored database has the same
 * rows per table and the same candidate checksum (ids and updated_at) as
 * the backup. Restore refuses a running server's database without --force
 * and a damaged backup always.
 */
const root = resolve(import.meta.dirname, '../..');
let dir: string;
let db: string;

function contentsOf(file: string) {
  const h = new SqliteDatabase(file, { readonly: true });
  try {
    return sqliteContents(h);
  } finally {
    h.close();
  }
}

/** Batch numbers present in a database, and whether each is whole (five new candidates). */
function batchesIn(file: string): Map<number, number> {
  const h = new SqliteDatabase(file, { readonly: true });
  try {
    const out = new Map<number, number>();
    for (const r of h.prepare("SELECT profile_url FROM candidates WHERE profile_url LIKE '%/load-%'").all() as Array<{ profile_url: string }>) {
      const b = Number(/load-(\d+)-\d$/.exec(r.profile_url)![1]);
      out.set(b, (out.get(b) ?? 0) + 1);
    }
    return out;
  } finally {
    h.close();
  }
}

function startWriter(): { child: ChildProcess; batches: () => number; stop(): Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/operations/write-load-child.ts'], { cwd: root, env: { ...process.env, DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  return {
    child,
    batches: () => Math.max(0, ...[...out.matchAll(/batch (\d+)/g)].map((m) => Number(m[1]))),
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`writer exited ${code}: ${err}`);
      return Number(/stopped (\d+)/.exec(out)![1]);
    },
  };
}

async function until(what: string, fn: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('SQLite backup and restore (CLI, real processes)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-backup-'));
    db = join(dir, 'live.db');
    const store = await openDatabase(db);
    const base = Array.from({ length: 3000 }, (_, i) => normaliseCandidateInput({ firstName: `Base${i}`, lastName: 'Backup', headline: 'Engineer', summary: 'Builds things. '.repeat(20), profileUrl: `https://www.linkedin.com/in/base-${i}`, emails: [`base${i}@example.com`] }));
    await upsertCandidates(store, 'default', base);
    await store.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up under concurrent write load and restores to identical rows and checksum', { timeout: 180_000 }, async () => {
    const writer = startWriter();
    let lastBatch: number;
    const backupFile = join(dir, 'under-load.db');
    let backup: { candidates: number; checksum: string; integrity: string; bytes: number };
    try {
      await until('the writer to be writing', () => writer.batches() >= 50);
      const run = await runScoutline(['backup', backupFile, '--db', db, '--json']);
      expect(run.code, run.stderr).toBe(0);
      backup = JSON.parse(run.stdout);
      // the writer went on while (and after) the backup ran
      const during = writer.batches();
      await until('more writes after the backup', () => writer.batches() > during);
    } finally {
      lastBatch = await writer.stop();
    }
    expect(backup.integrity).toBe('ok');
    expect(existsSync(`${backupFile}-wal`)).toBe(false);

    // one consistent snapshot: write batches 1..k, each whole
    const batches = batchesIn(backupFile);
    const k = Math.max(...batches.keys());
    expect(k).toBeGreaterThanOrEqual(50);
    expect(k).toBeLessThan(lastBatch);
    expect([...batches.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    expect([...batches.values()].every((n) => n === 5)).toBe(true);
    const inBackup = contentsOf(backupFile);
    expect(inBackup.candidates).toBe(3000 + 5 * k);
    expect({ candidates: inBackup.candidates, checksum: inBackup.checksum }).toEqual({ candidates: backup.candidates, checksum: backup.checksum });

    const before = contentsOf(db);
    expect(before.candidates).toBe(3000 + 5 * lastBatch);
    const restored = await runScoutline(['restore', backupFile, '--db', db, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    const r = JSON.parse(restored.stdout) as { previous: string; candidates: number; checksum: string };
    const after = contentsOf(db);
    expect(after.integrity).toBe('ok');
    expect(after.candidates).toBe(inBackup.candidates);
    expect(after.checksum).toBe(inBackup.checksum);
    expect(after.tables).toEqual(inBackup.tables);
    expect(r).toMatchObject({ candidates: inBackup.candidates, checksum: inBackup.checksum });
    // what was there before is kept beside it, whole
    expect(contentsOf(r.previous)).toEqual(before);
    // and the restored database opens and migrates as usual
    const store = await openDatabase(db);
    await store.close();
  });

  // (each CLI run starts tsx and the program: seconds on a busy machine, hence the long timeouts)
  it('refuses to overwrite a backup file without --force, and an in-use database is not a backup target', { timeout: 240_000 }, async () => {
    const file = join(dir, 'twice.db');
    expect((await runScoutline(['backup', file, '--db', db])).code).toBe(0);
    const again = await runScoutline(['backup', file, '--db', db]);
    expect(again.code).toBe(exitStatusFor('conflict'));
    expect(again.stderr).toContain('already exists');
    expect((await backupSqliteFile(db, file, { overwrite: true })).integrity).toBe('ok');
    await expect(backupSqliteFile(db, db, { overwrite: true })).rejects.toThrow('the backup file is the database itself');
    expect((await runScoutline(['backup', '--db', db])).stderr).toContain('give either a backup FILE or --dir DIR');
  });

  it('refuses a damaged backup and a file that is not a Scoutline database, leaving the database as it was', { timeout: 240_000 }, async () => {
    const good = join(dir, 'good.db');
    expect((await runScoutline(['backup', good, '--db', db])).code).toBe(0);
    const damaged = join(dir, 'damaged.db');
    copyFileSync(good, damaged);
    const fd = openSync(damaged, 'r+');
    // garbage over pages in the middle of the file (not the header: that would not even open)
    writeSync(fd, Buffer.alloc(4096 * 8, 0x5a), 0, 4096 * 8, 4096 * 40);
    closeSync(fd);
    const before = contentsOf(db);
    const refused = await runScoutline(['restore', damaged, '--db', db]);
    expect(refused.code).toBe(exitStatusFor('invalid_input'));
    expect(refused.stderr).toMatch(/is damaged: integrity_check says|is not a readable SQLite database/);
    const foreign = join(dir, 'foreign.db');
    const h = new SqliteDatabase(foreign);
    h.exec('CREATE TABLE notes (x TEXT)');
    h.close();
    const notOurs = await runScoutline(['restore', foreign, '--db', db]);
    expect(notOurs.code).toBe(exitStatusFor('invalid_input'));
    expect(notOurs.stderr).toContain('not a Scoutline database');
    expect(contentsOf(db)).toEqual(before);
    expect(() => inspectSqliteBackup(join(dir, 'missing.db'))).toThrow(/no backup file/);
  });

  it("refuses to restore over a running server's database without --force; with it, the server serves the restored data", { timeout: 300_000 }, async () => {
    const snapshot = join(dir, 'for-server.db');
    expect((await runScoutline(['backup', snapshot, '--db', db])).code).toBe(0);
    const expected = contentsOf(snapshot).candidates;
    // the live database moves on: the restore must bring it back
    const store = await openDatabase(db);
    const user = await createUser(testAccess(store), { email: 'owner@backup.test', name: 'Backup Owner' });
    await addMember(store, 'default', user.id, 'owner');
    const { token } = await createApiToken(store, { workspaceId: 'default', userId: user.id, name: 'backup test', role: 'owner' });
    await upsertCandidates(store, 'default', [normaliseCandidateInput({ firstName: 'After', lastName: 'Snapshot', profileUrl: 'https://www.linkedin.com/in/after-snapshot' })]);
    await store.close();

    const port = await freePort();
    const serve = spawn(process.execPath, [join(root, 'bin/scoutline'), 'serve', '--db', db, '--port', String(port), '--no-worker'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    serve.stdout!.on('data', (d) => (out += String(d)));
    serve.stderr!.on('data', (d) => (out += String(d)));
    const exited = new Promise((r) => serve.on('exit', r));
    try {
      await until('serve to listen', () => out.includes('Scoutline is running'), 120_000);
      const total = async () => ((await (await fetch(`http://127.0.0.1:${port}/api/candidates?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { total: number }).total;
      expect(await total()).toBe(expected + 1);
      const refused = await runScoutline(['restore', snapshot, '--db', db]);
      expect(refused.code).toBe(exitStatusFor('conflict'));
      expect(refused.stderr).toMatch(new RegExp(`a Scoutline server \\(pid ${serve.pid}, .*\\) is running on .*: stop it first, or pass --force`));
      expect(await total()).toBe(expected + 1);

      // the token was made after the snapshot: the restored database does not know it, so check through a new process
      const forced = await runScoutline(['restore', snapshot, '--db', db, '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      const res = await fetch(`http://127.0.0.1:${port}/api/candidates?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(serve.exitCode).toBeNull();
    } finally {
      serve.kill('SIGTERM');
      await exited;
    }
    expect(contentsOf(db).candidates).toBe(expected);
    // the server removed its marker on the way out: a plain restore works again
    expect(existsSync(`${db}-server.json`)).toBe(false);
    expect((await runScoutline(['restore', snapshot, '--db', db, '--no-keep-current'])).code).toBe(0);
  });

  it('refuses to restore under a separate `scoutline worker` (it writes no server marker), naming its pid; once it has stopped, the restore works', { timeout: 300_000 }, async () => {
    const snapshot = join(dir, 'for-worker.db');
    expect((await runScoutline(['backup', snapshot, '--db', db, '--force'])).code).toBe(0);
    const worker = spawn(process.execPath, [join(root, 'bin/scoutline'), 'worker', '--db', db, '--interval', '1'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    worker.stdout!.on('data', (d) => (out += String(d)));
    worker.stderr!.on('data', (d) => (out += String(d)));
    const exited = new Promise((r) => worker.on('exit', r));
    try {
      // the worker has the database open once it has made its first pass
      await until('the worker to start', () => out.includes('worker started'), 120_000);
      const refused = await runScoutline(['restore', snapshot, '--db', db]);
      expect(refused.code, refused.stderr).toBe(exitStatusFor('conflict'));
      expect(refused.stderr).toMatch(new RegExp(`process(es)? [0-9, ]*\\b${worker.pid}\\b[0-9, ]* ha(s|ve) .* open .*: stop (it|them) first, or pass --force`));
    } finally {
      worker.kill('SIGTERM');
      await exited;
    }
    const after = await runScoutline(['restore', snapshot, '--db', db, '--no-keep-current']);
    expect(after.code, after.stderr).toBe(0);
  });
});
