import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../core/app-error.ts';
import { exitStatusFor } from '../core/error-codes.ts';
import { openDatabase } from './open-database.ts';
import { bindFileReadOnly, mountSmallDisk, type SmallDisk } from './small-disk.ts';
import { createThrowawayPostgres, freePort, noPostgresBinariesReason, postgresBinDir, type ThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * Issue #14 item 9: a database Scoutline cannot write is refused when it is
 * opened, with storage_read_only naming the file or folder, instead of a
 * server that starts, answers reads and fails the first write.
 *
 * Made read-only for real. As root permission bits do not bind (root's
 * writes to a 0444 file succeed, so that file is not read-only for it): the
 * folder is a tmpfs remounted read-only and the file a read-only bind mount
 * of itself. Without root, chmod does the same.
 */
const asRoot = process.getuid?.() === 0;
const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../bin/scoutline');

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    async (store) => {
      await (store as { close(): Promise<void> }).close();
      return null;
    },
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw new Error(`expected a refusal, got ${err === null ? 'an open database' : String(err)}`);
  return err;
}

async function serveExit(db: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'serve', '--db', db, '--port', String(await freePort()), '--no-worker'], { timeout: 60_000, killSignal: 'SIGKILL' });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('a read-only SQLite database is refused at start', () => {
  let disk: SmallDisk | null = null;
  let dir: string;
  beforeAll(async () => {
    disk = asRoot ? await mountSmallDisk(16) : null;
    dir = disk?.dir ?? mkdtempSync(join(tmpdir(), 'scoutline-ro-'));
  });
  afterAll(async () => {
    if (disk) await disk.destroy();
    else rmSync(dir, { recursive: true, force: true });
  });

  it('a read-only file: storage_read_only naming it, from openDatabase and from serve (exit 53)', { timeout: 90_000 }, async () => {
    const folder = join(dir, 'file-case');
    mkdirSync(folder);
    const file = join(folder, 'ro.db');
    await (await openDatabase(file)).close();
    let undo: (() => Promise<void>) | null = null;
    if (asRoot) {
      undo = await bindFileReadOnly(file);
      expect(undo, 'a read-only bind mount (root)').not.toBeNull();
    } else chmodSync(file, 0o444);
    try {
      const err = await refusal(openDatabase(file));
      expect(err.code).toBe('storage_read_only');
      expect(err.message).toContain(`${file} is read-only`);
      expect(err.details).toEqual({ path: file });

      const served = await serveExit(file);
      expect(served.code).toBe(exitStatusFor('storage_read_only'));
      expect(served.stderr).toMatch(/^scoutline: storage_read_only: cannot use the SQLite database .* is read-only/m);
      expect(served.stdout).not.toContain('Scoutline is running');
    } finally {
      if (undo) await undo();
      else chmodSync(file, 0o644);
    }
    // writable again: it opens
    await (await openDatabase(file)).close();
  });

  it('a read-only folder (SQLite needs to create -wal and -shm beside the file): refused, naming the folder', { timeout: 90_000 }, async () => {
    const folder = join(dir, 'folder-case');
    mkdirSync(folder);
    const file = join(folder, 'ro.db');
    await (await openDatabase(file)).close();
    if (disk) await disk.setReadOnly(true);
    else chmodSync(folder, 0o555);
    try {
      const err = await refusal(openDatabase(file));
      expect(err.code).toBe('storage_read_only');
      expect(err.message).toMatch(/its folder .* is read-only \(SQLite creates the -wal and -shm files beside the database\)/);
      // a new database in a read-only place is refused the same way, not with an internal error
      const fresh = await refusal(openDatabase(join(folder, 'new', 'x.db')));
      expect(fresh.code).toBe('storage_read_only');
      const served = await serveExit(file);
      expect(served.code).toBe(exitStatusFor('storage_read_only'));
    } finally {
      if (disk) await disk.setReadOnly(false);
      else chmodSync(folder, 0o755);
    }
  });
});

(postgresBinDir() ? describe : describe.skip)(`a read-only PostgreSQL database is refused at start${postgresBinDir() ? '' : ` — ${noPostgresBinariesReason}`}`, () => {
  let cluster: ThrowawayPostgres;
  beforeAll(async () => {
    cluster = await createThrowawayPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.destroy();
  });

  it('default_transaction_read_only (as on a standby): storage_read_only before any migration runs', async () => {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE ro_db');
    await admin.query('ALTER DATABASE ro_db SET default_transaction_read_only = on');
    await admin.end();
    const err = await refusal(openDatabase(cluster.url('ro_db')));
    expect(err.code).toBe('storage_read_only');
    expect(err.message).toMatch(/is read-only \(a standby, or default_transaction_read_only is on\)/);
    const check = new pg.Client({ connectionString: cluster.url('ro_db') });
    await check.connect();
    const { rows } = await check.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    await check.end();
    expect(rows[0].n).toBe(0);
  });
});
