/**
 * End-to-end harness: Debian's Chromium driven by playwright-core against the
 * real Scoutline server (temp SQLite database, demo data, a free port). No API
 * is mocked. Screenshots go to test-artifacts/e2e/ for people to look at.
 *
 * Every /api route needs a session or a token, so by default the harness
 * signs in as the first owner with the one-time link the server prints: it
 * opens the link once (which sets the session cookie), gives that session to
 * every page it opens, and makes an API token for the test's own requests
 * (`server.api`). A suite that walks the sign-in itself starts the server
 * with `signIn: false` and opens `server.signInLink` in the browser.
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
  /** the first start's one-time owner sign-in link as printed (already used unless started with signIn: false) */
  signInLink: string;
  /** an owner API token for the test's own requests (null with signIn: false) */
  token: string | null;
  /** fetch a path of this server as the owner (Bearer token); with signIn: false, without a credential */
  api: (path: string, init?: RequestInit) => Promise<Response>;
}

export interface BrowserCookie {
  name: string;
  value: string;
  url: string;
}

/** The owner's session cookies per server URL, given to every page openPage opens there. */
const sessionCookies = new Map<string, BrowserCookie[]>();

/** The one-time sign-in link the server prints on first start (`.../api/auth/magic-link/verify?token=...`). */
export function signInLinkIn(output: string): string | null {
  return /(https?:\/\/\S+\/api\/auth\/magic-link\/verify\?\S+)/.exec(output)?.[1] ?? null;
}

/** Opens a one-time sign-in link without a browser: the session cookies it sets, as a browser context takes them. */
export async function signInWithLink(link: string, baseUrl: string): Promise<BrowserCookie[]> {
  const res = await fetch(link, { redirect: 'manual' });
  const cookies = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: baseUrl }))
    .filter((c) => c.name && c.value);
  if (!cookies.some((c) => /session_token$/.test(c.name))) throw new Error(`the sign-in link did not sign in (HTTP ${res.status}, cookies: ${cookies.map((c) => c.name).join(', ') || 'none'})`);
  return cookies;
}

/** Starts `scoutline serve --demo` on a temp SQLite database, waits until /api/health answers and (unless signIn is false) signs in as the owner. */
export async function startServer(opts: { demoCount?: number; signIn?: boolean } = {}): Promise<RunningServer> {
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
  // the link is printed once the server listens; give the pipe a moment to deliver it
  while (!signInLinkIn(out)) {
    if (exited !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`scoutline serve printed no one-time sign-in link:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const signInLink = signInLinkIn(out)!;
  let token: string | null = null;
  if (opts.signIn !== false) {
    const cookies = await signInWithLink(signInLink, url);
    sessionCookies.set(url, cookies);
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const made = await fetch(`${url}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookieHeader }, body: JSON.stringify({ name: 'e2e harness' }) });
    if (!made.ok) throw new Error(`making the harness's API token failed: ${made.status} ${await made.text()}`);
    token = ((await made.json()) as { token: string }).token;
  }
  const api = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return fetch(new URL(path, url), { ...init, headers });
  };
  // Until `serve --demo` loads demo candidates itself, import them with the demo-data command.
  const page = token ? ((await (await api('/api/candidates?limit=1')).json()) as { total?: number }) : { total: 1 };
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
    signInLink,
    token,
    api,
    output: () => out,
    stop: async () => {
      sessionCookies.delete(url);
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

/**
 * A fresh context (its own storage) and page that records console errors; the suite fails the test on any it did not allow.
 * The page is signed in as the server's owner when the harness signed in (`signedIn: false` for a stranger's browser).
 */
export async function openPage(browser: Browser, baseURL: string, viewport: { width: number; height: number } = desktop, opts: { signedIn?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport, deviceScaleFactor: 1 });
  const cookies = opts.signedIn === false ? undefined : sessionCookies.get(baseURL.replace(/\/+$/, ''));
  if (cookies) await context.addCookies(cookies);
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
