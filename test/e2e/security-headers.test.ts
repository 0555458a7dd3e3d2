/**
 * Issue #13, browser protections: the security headers are on every kind of
 * answer the real server gives (API JSON, the app's HTML, assets, 404s,
 * refusals, the sign-in link's redirect), and the built UI runs under that
 * Content-Security-Policy in Chromium without a single violation, while an
 * inline script injected into the page is blocked (so the watch can see one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureChromium, ensureWebBuild, inCI, launchBrowser } from './browser-harness.ts';
import { rawRequest, signInWithLink, startOwnServer, tokenFor, type OwnServer } from './signed-in-server.ts';

type Headers = Record<string, string | string[] | undefined>;

/** The directives of a CSP header, e.g. { 'script-src': ["'self'"] }. */
function cspDirectives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

function expectSecurityHeaders(what: string, h: Headers): void {
  const one = (k: string) => {
    const v = h[k];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  const csp = one('content-security-policy');
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const d = cspDirectives(csp!);
  const scripts = d.get('script-src') ?? d.get('default-src');
  expect(scripts, `${what}: script-src (or default-src)`).toBeDefined();
  expect(scripts, `${what}: scripts only from our origin`).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain('*');
  expect(d.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(one('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
  expect(one('referrer-policy'), `${what}: Referrer-Policy`).toMatch(/^(same-origin|no-referrer|strict-origin|strict-origin-when-cross-origin)$/);
  expect(one('x-frame-options'), `${what}: X-Frame-Options`).toBe('DENY');
}

const avail = ensureChromium();

if (!avail.ok) {
  const why = avail.reason;
  describe('security headers and CSP (Chromium)', () => {
    if (inCI) it('has Chromium to drive', () => { throw new Error(why); });
    else it.skip(`skipped: ${why}`, () => {});
  });
} else {
  describe('security headers on every answer, and the UI under its CSP (Chromium)', () => {
    let scout: OwnServer;
    let browser: Browser;
    let context: BrowserContext;
    let token: string;
    let redirectHeaders: Headers;

    beforeAll(async () => {
      ensureWebBuild();
      scout = await startOwnServer({ demoCount: 40, worker: false });
      browser = await launchBrowser();
      context = await browser.newContext();
      redirectHeaders = (await signInWithLink(context, scout.signInLink)).headers();
      token = await tokenFor(context, scout.url);
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await scout?.stop();
    });

    it('are on API JSON, HTML, assets, 404s, refusals and both sign-in link redirects', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const index = await rawRequest(`${scout.url}/`);
      expect(index.status).toBe(200);
      const assets = [...index.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length, 'index.html links its built script and style').toBeGreaterThanOrEqual(2);
      const cases: Array<[string, string, { method?: string; headers?: Record<string, string>; body?: string }, number]> = [
        ['index.html', '/', {}, 200],
        ['an app page (SPA fallback)', '/candidates/1', {}, 200],
        ['the health check', '/api/health', {}, 200],
        ['API JSON with a token', '/api/candidates?limit=2', { headers: auth }, 200],
        ['the OpenAPI document', '/openapi.json', {}, 200],
        ['the session endpoint', '/api/auth/get-session', {}, 200],
        ['the favicon', '/favicon.svg', {}, 200],
        ...assets.map((a): [string, string, object, number] => [`asset ${a}`, a, {}, 200]),
        ['an unknown API route (404)', '/api/no-such-route', { headers: auth }, 404],
        ['a missing candidate (404)', '/api/candidates/999999', { headers: auth }, 404],
        ['invalid input (400)', '/api/candidates?limit=not-a-number', { headers: auth }, 400],
        ['no credential (401)', '/api/candidates', {}, 401],
        ['a cross-site POST (403)', '/api/import', { method: 'POST', headers: { ...auth, origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' }, body: '{}' }, 403],
        ['a foreign Host (421)', '/api/candidates', { headers: { ...auth, host: `attacker.example:${scout.port}` } }, 421],
        ['a used sign-in link (its error redirect)', new URL(scout.signInLink).pathname + new URL(scout.signInLink).search, {}, 302],
      ];
      for (const [what, path, init, status] of cases) {
        const r = await rawRequest(`${scout.url}${path}`, init);
        expect(r.status, `${what}: status`).toBe(status);
        expectSecurityHeaders(what, r.headers);
      }
      expectSecurityHeaders('the sign-in link redirect', redirectHeaders);
    });

    /** Records CSP violations (the DOM event and the console's report) from the first script on. */
    const watch = async (page: Page): Promise<{ violations: () => Promise<string[]>; consoleReports: string[] }> => {
      const consoleReports: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) consoleReports.push(m.text());
      });
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
      });
      return { violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice()), consoleReports };
    };

    it('the built UI loads and works under the CSP with no violation (search, a candidate, campaigns)', async () => {
      const page = await context.newPage();
      try {
        const w = await watch(page);
        // a shared search link runs its search on open
        await page.goto(`${scout.url}/search?q=engineer`);
        await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor({ timeout: 20_000 });
        // a search renders results (scripts ran and talked to the API)
        const firstHit = page.locator('a[href^="/candidates/"]').first();
        await firstHit.waitFor({ timeout: 20_000 });
        await firstHit.click();
        await page.waitForURL(/\/candidates\/\d+$/);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.goto(`${scout.url}/campaigns`);
        await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
        await page.goto(`${scout.url}/analytics`);
        await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await w.violations()).toEqual([]);
        expect(w.consoleReports).toEqual([]);

        // the watch works and the policy bites: an inline script injected now is refused and reported
        await page.evaluate(() => {
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = 1';
          document.body.append(s);
        });
        await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0, undefined, { timeout: 10_000 });
        expect(await page.evaluate(() => (window as unknown as { __inlineRan?: number }).__inlineRan)).toBeUndefined();
        expect((await w.violations())[0]).toMatch(/^script-src/);
      } finally {
        await page.close();
      }
    });

    it('the app cannot be framed by another page', async () => {
      const page = await context.newPage();
      try {
        await page.goto(`${scout.url}/api/health`); // any page; framing is refused whoever frames
        await page.evaluate(
          (src) =>
            new Promise<void>((resolve) => {
              const f = document.createElement('iframe');
              f.addEventListener('load', () => resolve(), { once: true });
              f.src = src;
              document.body.append(f);
            }),
          `${scout.url}/`,
        );
        // frame-ancestors 'none' (and X-Frame-Options): Chromium shows its error page in the frame instead of the app
        const child = page.frames().find((f) => f !== page.mainFrame());
        expect(child).toBeDefined();
        const framedApp = await child!.evaluate(() => document.getElementById('root') !== null).catch(() => false);
        expect(framedApp).toBe(false);
      } finally {
        await page.close();
      }
    });
  });
}
