/**
 * End-to-end harness: Debian's Chromium driven by playwright-core against the
 * real Scoutline server (temp SQLite database, demo data, a free port). No API
 * is mocked. Screenshots go to test-artifacts/e2e/ for people to look at.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const chromiumPath = '/usr/bin/chromium';
export const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');
/** CI: the CI variable, or .ci/run (which asks for a JSON test report). */
export const inCI = process.env.CI === 'true' || process.env.CI === '1' || Boolean(process.env.SCOUTLINE_TEST_REPORT);

export type Availability = { ok: true } | { ok: false; reason: string };

let chromiumChecked: Availability | undefined;

/** Makes sure /usr/bin/chromium exists, installing Debian's package once when missing. */
export function ensureChromium(): Availability {
  if (chromiumChecked) return chromiumChecked;
  if (existsSync(chromiumPath)) return (chromiumChecked = { ok: true });
  const canRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = canRoot ? [] : ['sudo', '-n'];
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, ...args];
    return spawnSync(cmd, rest, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  process.stderr.write('e2e: /usr/bin/chromium is missing; installing it with apt-get (once)...\n');
  const update = run(['apt-get', 'update']);
  const install = update.status === 0 ? run(['apt-get', 'install', '-y', 'chromium']) : update;
  if (install.status === 0 && existsSync(chromiumPath)) return (chromiumChecked = { ok: true });
  const why = (install.stderr || install.error?.message || `exit ${install.status}`).trim().split('\n').slice(-3).join(' | ');
  return (chromiumChecked = { ok: false, reason: `Chromium is not installed at ${chromiumPath} and 'apt-get install -y chromium' failed: ${why}` });
}

/** Builds web/dist when it is missing or older than any file under web/ (besides dist). */
export function ensureWebBuild(): void {
  const index = join(repoRoot, 'web', 'dist', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const newest = newestMtime(join(repoRoot, 'web'), new Set(['dist', 'node_modules']));
  if (built >= newest) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the web UI failed:\n${r.stdout}\n${r.stderr}`);
}

function newestMtime(dir: string, skip: Set<string>): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const p = join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(p, skip) : statSync(p).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dbPath: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `scoutline serve --demo` on a temp SQLite database and waits until /api/health answers. */
export async function startServer(opts: { demoCount?: number } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'scoutline-e2e-'));
  const dbPath = join(dir, 'scoutline.db');
  const port = await freePort();
  const args = [join(repoRoot, 'bin', 'scoutline'), 'serve', '--demo', '--demo-count', String(opts.demoCount ?? 300), '--port', String(port), '--db', dbPath];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 100_000;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) throw new Error(`scoutline serve exited with ${exited} before it was ready:\n${out}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`scoutline serve did not answer /api/health within 100 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Until `serve --demo` loads demo candidates itself, import them with the demo-data command.
  const page = (await (await fetch(`${url}/api/candidates?limit=1`)).json()) as { total?: number };
  if (!page.total) {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'scoutline'), 'demo-data', '--count', String(opts.demoCount ?? 300), '--db', dbPath, '--no-progress'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`loading demo candidates failed:\n${r.stdout}\n${r.stderr}`);
  }
  return {
    url,
    dbPath,
    output: () => out,
    stop: async () => {
      if (exited === null) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught page errors seen so far */
  problems: string[];
  /** throws when the page logged a console error or threw (except allowed ones) */
  assertClean: () => void;
  /** allow console errors matching this pattern (e.g. the browser's own log of an expected HTTP 400) */
  allow: (pattern: RegExp) => void;
  /** a screenshot of the viewport (or the full page) into test-artifacts/e2e/NAME.png */
  shot: (name: string, fullPage?: boolean) => Promise<string>;
}

export const desktop = { width: 1280, height: 860 } as const;
export const phone = { width: 390, height: 844 } as const;

const opened: WatchedPage[] = [];

/** The pages opened since the last call (browser-suite checks each for console errors after every test). */
export function takeOpenedPages(): WatchedPage[] {
  return opened.splice(0, opened.length);
}

/** A fresh context (its own storage) and page that records console errors; the suite fails the test on any it did not allow. */
export async function openPage(browser: Browser, baseURL: string, viewport: { width: number; height: number } = desktop): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  mkdirSync(artifactsDir, { recursive: true });
  const watched: WatchedPage = {
    context,
    page,
    problems,
    assertClean: () => {
      const real = problems.filter((p) => !allowed.some((a) => a.test(p)));
      if (real.length) throw new Error(`the page logged errors:\n${real.join('\n')}`);
    },
    allow: (pattern: RegExp) => {
      allowed.push(pattern);
    },
    shot: async (name: string, fullPage = false) => {
      const file = join(artifactsDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage });
      return file;
    },
  };
  opened.push(watched);
  return watched;
}
