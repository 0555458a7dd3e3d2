import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScoutline, type CliRun } from './cli-process.ts';

/**
 * The build (scripts/build-cli.mjs, what bin/scoutline runs after `npm ci`)
 * behaves as the sources do: the rest of the suite runs the sources
 * (SCOUTLINE_FROM_SOURCE=1), so this file builds into a folder of its own
 * and compares the two on output a user sees. Inside the repository so the
 * bundle's external packages resolve from node_modules.
 */
const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'node_modules', '.cache', `scoutline-dist-test-${process.pid}`);
const dir = mkdtempSync(join(tmpdir(), 'scoutline-dist-test-'));
const run = promisify(execFile);

/** The built CLI: main.js of the build, called as bin/scoutline calls it (a file, not `-e`: worker threads inherit the flags). */
const runner = (): string => join(out, 'run-built.mjs');

async function runBuilt(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [runner(), ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  await run(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outdir', out], { cwd: root });
  writeFileSync(runner(), "import { main } from './main.js';\nawait main(process.argv);\n");
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return await new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** `serve` on a fresh database, either way, until it answers; the caller stops it. */
async function startServer(built: boolean, db: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const args = ['serve', '--db', db, '--port', String(port), '--no-worker'];
  const child = built
    ? spawn(process.execPath, [runner(), ...args], { stdio: 'ignore' })
    : spawn(process.execPath, [join(root, 'bin/scoutline'), ...args], { stdio: 'ignore', env: { ...process.env, SCOUTLINE_FROM_SOURCE: '1' } });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (up) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`serve (${built ? 'build' : 'sources'}) did not answer on ${url}`);
}

describe('the build in dist/ behaves as the sources', () => {
  it('records the sources it was built from and builds each worker thread module beside main.js', () => {
    const build = JSON.parse(readFileSync(join(out, 'build.json'), 'utf8')) as { startedAt: number; sources: string[] };
    expect(build.sources).toContain('src/cli/main.ts');
    expect(build.sources.every((s) => s.startsWith('src/') && existsSync(join(root, s)))).toBe(true);
    expect(build.sources.some((s) => s.endsWith('.test.ts'))).toBe(false);
    for (const worker of ['prepare-records-worker.js', 'backup-thread-worker.js']) expect(existsSync(join(out, worker)), worker).toBe(true);
  });

  it('--version, --help and the help of every command group are the same', { timeout: 120_000 }, async () => {
    for (const args of [['--version'], ['--help'], ['search', '--help'], ['bench', '--help'], ['campaign', '--help'], ['serch', 'java']]) {
      const [built, source] = await Promise.all([runBuilt(args), runScoutline(args)]);
      expect(built, args.join(' ')).toEqual(source);
    }
  });

  it('demo data, a search, a ranked search and a backup give the same results', { timeout: 180_000 }, async () => {
    const db = join(dir, 'same.db');
    expect((await runBuilt(['demo-data', '--count', '300', '--db', db, '--no-progress', '--json'])).code).toBe(0);
    for (const args of [
      ['search', 'java OR python', '--limit', '10', '--json'],
      ['search', 'title:engineer', '--sort', 'priority', '--limit', '5', '--json'],
      ['candidates', 'list', '--limit', '5', '--json'],
    ]) {
      const [built, source] = await Promise.all([runBuilt([...args, '--db', db]), runScoutline([...args, '--db', db])]);
      expect(built.code, built.stderr).toBe(0);
      expect(JSON.parse(built.stdout), args.join(' ')).toEqual(JSON.parse(source.stdout));
    }
    const backup = await runBuilt(['backup', join(dir, 'copy.db'), '--db', db, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(existsSync(join(dir, 'copy.db'))).toBe(true);
  });

  it('an import through the worker thread runs from the build', { timeout: 120_000 }, async () => {
    const r = await runBuilt(['bench', 'import', '--count', '500', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ count: 500 });
  });

  it('serve from the build answers with the same API description and the web UI', { timeout: 120_000 }, async () => {
    const [built, source] = await Promise.all([startServer(true, join(dir, 'serve-built.db')), startServer(false, join(dir, 'serve-source.db'))]);
    try {
      const [a, b] = await Promise.all([fetch(`${built.url}/openapi.json`).then((r) => r.text()), fetch(`${source.url}/openapi.json`).then((r) => r.text())]);
      expect(a).toBe(b);
      const page = await fetch(`${built.url}/`);
      const sourcePage = await fetch(`${source.url}/`);
      expect(page.status).toBe(sourcePage.status);
      expect(await page.text()).toBe(await sourcePage.text());
    } finally {
      built.child.kill();
      source.child.kill();
    }
  });
});
