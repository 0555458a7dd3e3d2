/**
 * A real `scoutline serve` child for the security tests, started by the test
 * itself so it can read the one-time sign-in link the server prints on first
 * start, sign a browser in with it, and make an API token with that session
 * for checking state from node. Everything it prints is kept (the log test
 * reads it). Bounded waits only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Response as PwResponse } from 'playwright-core';
import { freePort, repoRoot } from './browser-harness.ts';

export interface OwnServer {
  url: string;
  port: number;
  dbPath: string;
  /** the one-time owner sign-in link from stdout */
  signInLink: string;
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<void>;
}

export async function startOwnServer(opts: { demoCount?: number; worker?: boolean; env?: Record<string, string> } = {}): Promise<OwnServer> {
  const dir = mkdtempSync(join(tmpdir(), 'scoutline-sec-'));
  const dbPath = join(dir, 'scoutline.db');
  const port = await freePort();
  const args = [join(repoRoot, 'bin', 'scoutline'), '--db', dbPath, 'serve', '--demo', '--demo-count', String(opts.demoCount ?? 40), '--port', String(port)];
  if (opts.worker === false) args.push('--no-worker');
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test', ...opts.env } });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${port}`;
  const linkPattern = new RegExp(`(http://127\\.0\\.0\\.1:${port}/api/auth/magic-link/verify\\?token=[^\\s]+)`);
  const deadline = Date.now() + 100_000;
  let link: string | null = null;
  while (!link) {
    if (exited !== null) throw new Error(`scoutline serve exited with ${exited} before it printed its sign-in link:\n${out}\n${err}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`scoutline serve printed no sign-in link within 100 s:\n${out}\n${err}`);
    }
    link = linkPattern.exec(out)?.[1] ?? null;
    if (!link) await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dbPath,
    signInLink: link,
    stdout: () => out,
    stderr: () => err,
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

/**
 * Signs the context in by opening the one-time link (as the owner would) and
 * returns the link's own 302 answer, so callers can check its headers.
 */
export async function signInWithLink(context: BrowserContext, link: string): Promise<PwResponse> {
  const page = await context.newPage();
  try {
    const landed = await page.goto(link);
    if (!landed) throw new Error('opening the sign-in link gave no response');
    const hop = landed.request().redirectedFrom();
    const redirect = hop ? await hop.response() : null;
    if (!redirect || redirect.status() !== 302) throw new Error(`the sign-in link did not redirect (status ${redirect?.status() ?? landed.status()})`);
    const cookies = await context.cookies();
    if (!cookies.some((c) => c.name.includes('session_token'))) throw new Error(`no session cookie after the sign-in link: ${cookies.map((c) => c.name).join(', ')}`);
    return redirect;
  } finally {
    await page.close();
  }
}

/** An owner API token made with the signed-in session (from the app's own origin, as the Tokens page does). */
export async function tokenFor(context: BrowserContext, baseUrl: string): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/api/health`);
    const r = await page.evaluate(async () => {
      const res = await fetch('/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'security-test' }) });
      return { status: res.status, body: (await res.json()) as { token?: string } };
    });
    if (r.status !== 201 || !r.body.token) throw new Error(`could not make a token with the session: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  } finally {
    await page.close();
  }
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with node's client and headers exactly as given (fetch would not let us set Host). */
export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers, timeout: 15_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 15 s`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A JSON API call with the token (node's fetch: not a browser, so no Origin or Sec-Fetch-Site). */
export async function api<T>(baseUrl: string, token: string, path: string, init: { method?: string; body?: unknown; contentType?: string } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] = init.contentType ?? 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T };
}
