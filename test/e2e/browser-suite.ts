import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureChromium, ensureWebBuild, inCI, launchBrowser, startServer, takeOpenedPages, type RunningServer } from './browser-harness.ts';

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
}

/**
 * A describe block with one real server and one browser shared by its tests.
 * Without Chromium (and no way to install it) the block fails in CI and is
 * skipped locally, naming the reason either way.
 */
export function browserSuite(name: string, opts: { demoCount?: number; signIn?: boolean }, body: (ctx: () => BrowserSuite) => void): void {
  const avail = ensureChromium();
  if (!avail.ok) {
    describe(name, () => {
      if (inCI) it('has Chromium to drive', () => { throw new Error(avail.reason); });
      else it.skip(`skipped: ${avail.reason}`, () => {});
    });
    return;
  }
  describe(name, () => {
    let ctx: BrowserSuite | undefined;
    beforeAll(async () => {
      ensureWebBuild();
      const server = await startServer({ demoCount: opts.demoCount, signIn: opts.signIn });
      try {
        const browser = await launchBrowser();
        ctx = { server, browser };
      } catch (err) {
        await server.stop();
        throw err;
      }
    });
    // every page a test opened must be free of console errors and page errors (unless the test allowed them)
    afterEach(() => {
      for (const p of takeOpenedPages()) p.assertClean();
    });
    afterAll(async () => {
      await ctx?.browser.close();
      await ctx?.server.stop();
    });
    body(() => {
      if (!ctx) throw new Error('the browser suite did not start');
      return ctx;
    });
  });
}
