import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Page } from 'playwright-core';
import { AppError } from '../../core/app-error.ts';
import { action, parseIntOption, printJson } from '../cli-context.ts';

/**
 * `scoutline bench ui`: the search page in Chromium against a running server
 * (e.g. `serve --db /tmp/ui-1m.db`), from Enter to rendered results, split
 * into the API call (the browser's resource timing of /api/rank or
 * /api/search) and the rest (before the call, and JSON + React render + the
 * next paint after it). Each query runs on a freshly opened page, in both
 * orders the page offers. The server needs a credential: an API token
 * (`--api-token`, or $SCOUTLINE_TOKEN; make one on the Tokens page; not
 * the global --token, which is for running the CLI itself against a server), which the
 * browser sends with every request as the UI's own session would be.
 */
export const benchUiQueries = [
  'title:engineer',
  'title:"data engineer" AND skill:python',
  '(java OR kotlin) AND title:backend NOT manager',
  'skill:kubernetes OR skill:terraform',
  'title:recruiter',
];

interface BenchUiOpts {
  url: string;
  rounds: number;
  chromium: string;
  apiToken?: string;
  json?: boolean;
}

export interface UiSample {
  query: string;
  order: 'priority' | 'relevance';
  /** Enter to the API request's start (capabilities check, state updates) */
  beforeApiMs: number;
  /** the API request as the browser saw it (server + transfer) */
  apiMs: number;
  /** API response end to the results painted (JSON, React render, layout, paint) */
  renderMs: number;
  totalMs: number;
  results: number;
}

export function registerBenchUi(bench: Command): void {
  bench
    .command('ui')
    .description('time the search page in Chromium against a running server: Enter to rendered results, API time vs render time (e.g. a 1M-profile database: serve --db ... --port 4488)')
    .option('--url <url>', 'the running Scoutline server', 'http://127.0.0.1:4488')
    .option('--rounds <n>', 'timed rounds over the queries (after one warm-up round)', parseIntOption('rounds'), 3)
    .option('--chromium <path>', 'the Chromium binary', '/usr/bin/chromium')
    .option('--api-token <token>', 'an API token of the workspace to search, sent by the browser (default: $SCOUTLINE_TOKEN; make one on the Tokens page)')
    .option('--json', 'print the samples and the summary as JSON')
    .action(
      action(async (opts: BenchUiOpts) => {
        if (!existsSync(opts.chromium)) throw new AppError('invalid_input', `no Chromium at ${opts.chromium} (apt-get install chromium, or --chromium PATH)`);
        const health = await fetch(new URL('/api/health', opts.url)).catch(() => null);
        if (!health?.ok) throw new AppError('invalid_input', `no Scoutline server answers at ${opts.url}; start one with: bin/scoutline serve --db ... --port ...`);
        const token = opts.apiToken ?? process.env.SCOUTLINE_TOKEN;
        if (!token) throw new AppError('invalid_input', 'the server needs a credential: pass --api-token sl_tok_... (or set SCOUTLINE_TOKEN); make a token on the Tokens page of the web UI');
        const authorization = `Bearer ${token}`;
        const probe = await fetch(new URL('/api/candidates?limit=1', opts.url), { headers: { authorization } });
        if (probe.status === 401) throw new AppError('unauthenticated', `the server at ${opts.url} does not accept this token (unknown, revoked, or its user left the workspace)`);
        const total = ((await probe.json()) as { total?: number }).total ?? 0;
        // a dev dependency, loaded only when this benchmark runs: a production install (npm ci --omit=dev) has no playwright-core
        const { chromium } = await import('playwright-core').catch(() => {
          throw new AppError('invalid_input', 'bench ui needs the dev dependency playwright-core (npm ci without --omit=dev)');
        });
        const browser = await chromium.launch({ executablePath: opts.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
        const samples: UiSample[] = [];
        try {
          // every request of the page carries the token, as a signed-in browser carries its session cookie;
          // the probes below are strings evaluated in the page, which the server's CSP (no eval) would refuse
          const context = await browser.newContext({ baseURL: opts.url, viewport: { width: 1280, height: 860 }, extraHTTPHeaders: { authorization }, bypassCSP: true });
          for (let round = 0; round <= opts.rounds; round++) {
            for (const order of ['priority', 'relevance'] as const) {
              for (const query of benchUiQueries) {
                const page = await context.newPage();
                const s = await timeSearch(page, query, order);
                await page.close();
                if (round > 0) samples.push(s);
              }
            }
            process.stderr.write(round === 0 ? 'warm-up round done\n' : `round ${round}/${opts.rounds} done\n`);
          }
        } finally {
          await browser.close();
        }
        const summary = summarise(samples);
        if (opts.json) printJson({ url: opts.url, profiles: total, rounds: opts.rounds, summary, samples });
        else {
          process.stdout.write(`search page at ${opts.url} (${total.toLocaleString('en')} profiles), ${opts.rounds} rounds x ${benchUiQueries.length} queries x 2 orders\n`);
          for (const [k, v] of Object.entries(summary)) process.stdout.write(`  ${k.padEnd(12)} p50 ${String(v.p50).padStart(6)} ms   p95 ${String(v.p95).padStart(6)} ms   max ${String(v.max).padStart(6)} ms\n`);
        }
      }),
    );
}

async function timeSearch(page: Page, query: string, order: 'priority' | 'relevance'): Promise<UiSample> {
  await page.goto('/search');
  await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
  if (order === 'relevance') await page.getByLabel('Order').selectOption('relevance');
  const box = page.getByRole('combobox', { name: 'Boolean query' });
  await box.fill(query);
  // the clock starts at the Enter keydown; the end is the first paint after the results (or the empty notice) appear
  // a string, not a function: tsx's keepNames would add a __name helper the page does not have
  await page.evaluate(`(() => {
    performance.clearResourceTimings();
    document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__t0 = performance.now(); }, { capture: true, once: true });
    const obs = new MutationObserver(() => {
      if (!document.querySelector('ul.results li, p.empty, [role="alert"]')) return;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__t1 = performance.now(); }, 0));
    });
    obs.observe(document.body, { childList: true, subtree: true });
  })()`);
  await box.press('Enter');
  await page.waitForFunction('window.__t1 !== undefined', undefined, { timeout: 120_000 });
  const m = (await page.evaluate(`(() => {
    const api = performance.getEntriesByType('resource').filter((e) => /\\/api\\/(rank|search)$/.test(new URL(e.name).pathname)).pop();
    return { t0: window.__t0, t1: window.__t1, start: api ? api.startTime : window.__t0, end: api ? api.responseEnd : window.__t0, results: document.querySelectorAll('ul.results > li').length };
  })()`)) as { t0: number; t1: number; start: number; end: number; results: number };
  const r = (n: number) => Math.round(n * 10) / 10;
  return { query, order, beforeApiMs: r(m.start - m.t0), apiMs: r(m.end - m.start), renderMs: r(m.t1 - m.end), totalMs: r(m.t1 - m.t0), results: m.results };
}

function summarise(samples: UiSample[]): Record<'total' | 'api' | 'beforeApi' | 'render', { p50: number; p95: number; max: number }> {
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
    return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
  };
  return { total: stat(samples.map((s) => s.totalMs)), api: stat(samples.map((s) => s.apiMs)), beforeApi: stat(samples.map((s) => s.beforeApiMs)), render: stat(samples.map((s) => s.renderMs)) };
}
