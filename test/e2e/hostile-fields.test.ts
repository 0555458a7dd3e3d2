/**
 * Issue #13: hostile profile fields. Candidates whose name, headline,
 * summary, skills, notes and email carry HTML with script, Liquid and CRLF
 * are imported through the real API and opened in Chromium on the search
 * page, the candidate page and the campaign's message preview: the text
 * shows literally, no script runs (window.__pwned stays undefined), no
 * dialog opens. (The mail side is tested against a real SMTP server in
 * src/outreach/delivery/executors/smtp-executor.test.ts, the template side in
 * src/messages/template-engine.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureChromium, ensureWebBuild, inCI, launchBrowser } from './browser-harness.ts';
import { api, signInWithLink, startOwnServer, tokenFor, type OwnServer } from './signed-in-server.ts';

const img = '<img src=x onerror="window.__pwned=1;alert(1)">';
const script = '<script>window.__pwned=1</script>';
const svg = '<svg onload="window.__pwned=1"></svg>';
const liquid = "{{ 7*7 }} {{ 'x' | append: 'y' }} {% assign a = 1 %}{% raw %}";

const hostile = [
  {
    basics: {
      name: `Zara ${img} Quillfeather`,
      label: `Staff Engineer ${script}`,
      email: 'eve@example.com\r\nBcc: victim@example.com',
      summary: `Engineer ${liquid} ${svg} <a href="javascript:window.__pwned=1">click</a>`,
      url: 'https://www.linkedin.com/in/zara-quillfeather-hostile',
      location: { city: `Berlin ${img}` },
    },
    skills: [{ name: `Go ${script}` }, { name: liquid }],
    work: [{ name: `Acme ${img}`, position: `Staff Engineer {{ 7*7 }}`, startDate: '2021-01' }],
  },
  {
    basics: { name: 'Eve\r\nBcc: victim@example.com Quillfeather', label: 'Engineer {{ 7*7 }}', email: 'eve2@example.com', url: 'https://www.linkedin.com/in/eve-quillfeather-hostile' },
    skills: [{ name: 'Go' }],
  },
];

const avail = ensureChromium();

if (!avail.ok) {
  const why = avail.reason;
  describe('hostile profile fields (Chromium)', () => {
    if (inCI) it('has Chromium to drive', () => { throw new Error(why); });
    else it.skip(`skipped: ${why}`, () => {});
  });
} else {
  describe('hostile profile fields are shown as text and never run (Chromium)', () => {
    let scout: OwnServer;
    let browser: Browser;
    let context: BrowserContext;
    let token: string;
    let ids: number[] = [];
    let campaignId: string;

    beforeAll(async () => {
      ensureWebBuild();
      scout = await startOwnServer({ demoCount: 30, worker: false });
      browser = await launchBrowser();
      context = await browser.newContext();
      await signInWithLink(context, scout.signInLink);
      token = await tokenFor(context, scout.url);
      const imp = await api<{ imported: number; errors: unknown[] }>(scout.url, token, '/api/import', { method: 'POST', body: hostile.map((h) => JSON.stringify(h)).join('\n'), contentType: 'application/x-ndjson' });
      if (imp.status !== 200 || imp.body.imported !== 2) throw new Error(`import: ${imp.status} ${JSON.stringify(imp.body)}`);
      const found = await api<{ results: Array<{ id: number }> }>(scout.url, token, '/api/search', { method: 'POST', body: { query: 'Quillfeather', limit: 10 } });
      ids = found.body.results.map((r) => r.id).sort((a, b) => a - b);
      if (ids.length !== 2) throw new Error(`search found ${JSON.stringify(found.body).slice(0, 300)}`);
      for (const id of ids) {
        const n = await api(scout.url, token, `/api/candidates/${id}/notes`, { method: 'POST', body: { text: `Note ${img} ${script} ${liquid}` } });
        if (n.status !== 201 && n.status !== 200) throw new Error(`note: ${n.status} ${JSON.stringify(n.body)}`);
      }
      const camp = await api<{ id: string }>(scout.url, token, '/api/campaigns', { method: 'POST', body: { name: `Hostile ${img}`, seatIds: ['demo-london'], source: { kind: 'ids', ids } } });
      if (camp.status !== 201) throw new Error(`campaign: ${camp.status} ${JSON.stringify(camp.body)}`);
      campaignId = camp.body.id;
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await scout?.stop();
    });

    /** A page that fails the test on any dialog and tells whether any planted script ran. */
    const open = async (): Promise<{ page: Page; dialogs: string[]; pwned: () => Promise<unknown> }> => {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      return { page, dialogs, pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned) };
    };

    const expectInert = async (page: Page) => {
      // no element the fields could have planted exists as markup
      expect(await page.locator('#root img[src="x"], #root svg[onload], #root script, #root a[href^="javascript:"]').count()).toBe(0);
    };

    it('the search page lists them with their names and headlines as literal text', async () => {
      const { page, dialogs, pwned } = await open();
      try {
        await page.goto(`${scout.url}/search?q=Quillfeather`);
        await page.getByRole('link', { name: `Zara ${img} Quillfeather` }).waitFor({ timeout: 20_000 });
        await page.getByText(`Staff Engineer ${script}`, { exact: false }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectInert(page);
        expect(await pwned()).toBeUndefined();
        expect(dialogs).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the candidate page shows name, headline, summary, skills, location, job and notes literally', async () => {
      const { page, dialogs, pwned } = await open();
      try {
        await page.goto(`${scout.url}/candidates/${ids[0]}`);
        await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Quillfeather' }).waitFor({ timeout: 20_000 });
        await page.getByText(`Note ${img}`, { exact: false }).first().waitFor();
        const text = await page.locator('#root').innerText();
        for (const s of [`Zara ${img} Quillfeather`, `Staff Engineer ${script}`, `Go ${script}`, "{{ 7*7 }} {{ 'x' | append: 'y' }}", `Note ${img}`]) expect(text, s).toContain(s);
        await page.goto(`${scout.url}/candidates/${ids[1]}`);
        await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Quillfeather' }).waitFor();
        await page.waitForLoadState('networkidle');
        await expectInert(page);
        expect(await pwned()).toBeUndefined();
        expect(dialogs).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the campaign page and its message preview compose the fields as text: Liquid in a profile is not run', async () => {
      const { page, dialogs, pwned } = await open();
      try {
        await page.goto(`${scout.url}/campaigns/${campaignId}`);
        await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hostile' }).waitFor({ timeout: 20_000 });
        await page.getByRole('tab', { name: 'Message preview' }).click();
        await page.getByRole('button', { name: 'Preview messages' }).click();
        const previews = page.getByLabel('Message previews');
        await previews.waitFor({ timeout: 20_000 });
        await previews.getByText('Quillfeather').first().waitFor();
        const text = await previews.innerText();
        expect(text).toContain(img);
        // the template engine renders our template; profile values inside it stay as typed
        expect(text).not.toMatch(/\b49\b/);
        await expectInert(page);
        expect(await pwned()).toBeUndefined();
        expect(dialogs).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the API returns the fields exactly as imported; an address with a line break is not kept as an address', async () => {
      const c = await api<{ name: string; headline: string; emails: string[]; skills: string[] }>(scout.url, token, `/api/candidates/${ids[0]}`);
      expect(c.body.name).toBe(`Zara ${img} Quillfeather`);
      expect(c.body.headline).toBe(`Staff Engineer ${script}`);
      // import keeps only valid addresses (normaliseEmail); the SMTP executor refuses such a value again on its own
      expect(c.body.emails).toEqual([]);
      const eve = await api<{ name: string }>(scout.url, token, `/api/candidates/${ids[1]}`);
      expect(eve.body.name).toBe('Eve\r\nBcc: victim@example.com Quillfeather');
      expect(c.body.skills).toContain(liquid);
    });
  });
}
