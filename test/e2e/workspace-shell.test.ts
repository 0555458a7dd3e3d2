import { expect, it } from 'vitest';
import { desktop, openPage, phone } from './browser-harness.ts';
import { browserSuite } from './browser-suite.ts';

browserSuite('web UI shell in Chromium', { demoCount: 300 }, (ctx) => {
  it('shows the navigation at 1280px and 390px and reaches every page by keyboard', async () => {
    const { browser, server } = ctx();
    for (const [label, viewport] of [['desktop', desktop], ['phone', phone]] as const) {
      const w = await openPage(browser, server.url, viewport);
      try {
        await w.page.goto('/');
        await w.page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
        const nav = w.page.getByRole('navigation', { name: 'Main' });
        for (const name of ['Search', 'Campaigns', 'Today', 'Credits', 'Analytics']) await expect(nav.getByRole('link', { name }).isVisible()).resolves.toBe(true);
        // nothing wider than the viewport
        const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${label}: page is wider than the viewport`).toBeLessThanOrEqual(0);
        // keyboard: Tab reaches the nav links in order, Enter follows one
        await w.page.keyboard.press('Tab'); // skip link
        await w.page.keyboard.press('Tab'); // brand
        const seen: string[] = [];
        for (let i = 0; i < 5; i++) {
          await w.page.keyboard.press('Tab');
          seen.push(await w.page.evaluate(() => document.activeElement?.textContent ?? ''));
        }
        expect(seen).toEqual(['Search', 'Campaigns', 'Today', 'Credits', 'Analytics']);
        await w.page.keyboard.press('Enter');
        await w.page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
        await w.shot(`shell-${label}`);
        w.assertClean();
      } finally {
        await w.context.close();
      }
    }
  });

  it('suggests fields in the query box and takes one with the keyboard', async () => {
    const { browser, server } = ctx();
    const w = await openPage(browser, server.url);
    try {
      await w.page.goto('/search');
      const box = w.page.getByRole('combobox', { name: 'Boolean query' });
      await box.click();
      await box.pressSequentially('java titel:');
      const list = w.page.getByRole('listbox', { name: 'Field suggestions' });
      await list.waitFor();
      expect(await list.getByRole('option').count()).toBe(10);
      await w.shot('search-field-suggestions');
      await box.press('Enter');
      expect(await box.inputValue()).toBe('java title:');
      await box.pressSequentially(' AND cur');
      await list.waitFor();
      await box.press('ArrowDown');
      await box.press('Tab');
      expect(await box.inputValue()).toBe('java title: AND currentcompany:');
      w.assertClean();
    } finally {
      await w.context.close();
    }
  });

  it('runs a Boolean search on Enter, ranks and explains the results, and shows a syntax error with a caret', async () => {
    const { browser, server } = ctx();
    const w = await openPage(browser, server.url);
    // the browser logs the API's deliberate 400 for the bad query
    w.allow(/Failed to load resource: the server responded with a status of 400/);
    try {
      await w.page.goto('/search');
      const box = w.page.getByRole('combobox', { name: 'Boolean query' });
      await box.fill('title:engineer OR skill:python');
      await box.press('Enter');
      const results = w.page.getByRole('list', { name: 'Search results' });
      await results.waitFor();
      expect(await results.getByRole('listitem').filter({ has: w.page.locator('.priority') }).count()).toBeGreaterThan(0);
      expect(await w.page.locator('.result-why li').count()).toBeGreaterThan(0);
      await w.shot('search-results-desktop');
      // feedback: select two and shortlist them
      const boxes = w.page.getByRole('checkbox', { name: /^Select (?!all)/ });
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await w.page.getByRole('toolbar', { name: 'Results' }).getByRole('button', { name: 'Shortlist' }).click();
      await w.page.getByText('2 candidates shortlisted.').waitFor();
      // syntax error: caret under the column the server names
      await box.fill('java AND (python OR');
      await box.press('Enter');
      const alert = w.page.getByRole('alert');
      await alert.waitFor();
      const caret = await w.page.getByTestId('query-caret').textContent();
      expect(caret).toMatch(/\^$/);
      await w.shot('search-syntax-error');
      w.assertClean();
    } finally {
      await w.context.close();
    }
  });
});
