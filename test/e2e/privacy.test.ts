import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SqliteDatabase } from '../../src/db/sqlite-module.ts';
import { desktop, openPage } from './browser-harness.ts';
import { browserSuite } from './browser-suite.ts';

/** A same-origin JSON call as the owner's token (the test's own setup and checks, not the UI). */
async function ownerJson<T>(api: (path: string, init?: RequestInit) => Promise<Response>, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await api(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

browserSuite('privacy in Chromium (issue #14 item 7)', { demoCount: 30 }, (ctx) => {
  it('an owner declares a basis and a notice, sets a retention policy, sees who a dry run lists, flags them, and downloads one person\'s data from their page', async () => {
    const { browser, server } = ctx();
    // two people nobody has touched for two years (not in the demo campaign): the server's own database file, as the passing of time would leave it
    const db = new SqliteDatabase(server.dbPath);
    let old1: { id: number; name: string };
    let old2: { id: number; name: string };
    try {
      db.pragma('busy_timeout = 10000');
      [old1, old2] = db.prepare("SELECT id, name FROM candidates WHERE workspace_id = 'default' AND id NOT IN (SELECT candidate_id FROM outreach_enrollments) ORDER BY id LIMIT 2").all() as Array<{ id: number; name: string }>;
      const twoYearsAgo = '2024-01-15T10:00:00.000Z';
      db.prepare('UPDATE candidates SET updated_at = ? WHERE id IN (?, ?)').run(twoYearsAgo, old1.id, old2.id);
      db.prepare('UPDATE candidate_sources SET at = ? WHERE candidate_id IN (?, ?)').run(twoYearsAgo, old1.id, old2.id);
    } finally {
      db.close();
    }

    let token = '';
    const w = await openPage(browser, server.url, desktop);
    try {
      await w.page.goto('/');
      await w.page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
      await w.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
      await w.page.getByRole('heading', { name: 'Privacy', level: 1 }).waitFor();
      const form = w.page.getByRole('form', { name: 'Privacy settings' });
      await form.getByLabel('Basis', { exact: true }).selectOption('legitimate_interest');
      await form.getByLabel('Where it is documented').fill('LIA 2026-01');
      await form.getByLabel('Address', { exact: true }).fill('https://example.test/privacy');
      await form.getByLabel('Months without activity').fill('12');
      await form.getByLabel('Then', { exact: true }).selectOption('flag');
      await expect(form.getByTestId('policy-text').textContent()).resolves.toBe('Candidates with no activity for 12 months are flagged for review when an admin applies the policy.');
      await form.getByRole('button', { name: 'Save privacy settings' }).click();
      await form.getByText(/^Saved: .*lawfulBasis.*retention/).waitFor();

      const saved = await ownerJson<{ lawfulBasis: string; privacyNoticeUrl: string; retention: { months: number; action: string; schedule: boolean } }>(server.api, 'GET', '/api/privacy/settings');
      expect(saved.body).toMatchObject({ lawfulBasis: 'legitimate_interest', privacyNoticeUrl: 'https://example.test/privacy', retention: { months: 12, action: 'flag', schedule: false } });

      await w.page.getByRole('button', { name: 'Dry run' }).click();
      await w.page.getByText('2 candidates would be flagged.').waitFor();
      const rows = w.page.getByRole('table', { name: 'Candidates the policy affects' }).getByRole('link');
      await expect(rows.allTextContents().then((t) => t.sort())).resolves.toEqual([old1.name, old2.name].sort());
      await w.shot('privacy-dry-run-desktop', true);

      w.page.once('dialog', (d) => void d.accept());
      await w.page.getByRole('button', { name: 'Flag now' }).click();
      await w.page.getByText('Flagged 2 candidates.').waitFor();
      await w.page.getByText(/Last applied: .* by owner@scoutline\.local: 2 flagged/).waitFor();
      const flags = await ownerJson<{ total: number; flags: Array<{ candidateId: number }> }>(server.api, 'GET', '/api/privacy/retention/flags');
      expect(flags.body.flags.map((f) => f.candidateId).sort((a, b) => a - b)).toEqual([old1.id, old2.id].sort((a, b) => a - b));

      // the person's page: the flag, the declared basis, where the data came from, and their export
      await w.page.goto(`/candidates/${old1.id}`);
      await w.page.getByRole('heading', { name: old1.name, level: 1 }).waitFor();
      const section = w.page.getByRole('region', { name: 'Personal data' });
      await section.getByText(/^Flagged by the retention policy on /).waitFor();
      await section.getByText('Legitimate interest', { exact: false }).waitFor();
      await section.getByText('LIA 2026-01', { exact: false }).waitFor();
      await w.shot('privacy-candidate-desktop', true);
      const [download] = await Promise.all([w.page.waitForEvent('download'), section.getByRole('link', { name: 'Download their data (JSON)' }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`${old1.id}.*\\.json$`));
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
      expect(JSON.stringify(exported)).toContain(old1.name);
      expect(JSON.stringify(exported)).not.toContain(old2.name);
      w.assertClean();
      // tokens are made from a session: the owner's browser makes one with the recruiter role
      const made = await w.context.request.post(`${server.url}/api/tokens`, { data: { name: 'recruiter check', role: 'recruiter' }, headers: { origin: server.url } });
      expect(made.status()).toBe(201);
      token = ((await made.json()) as { token: string }).token;
    } finally {
      await w.context.close();
    }

    // a recruiter's credential may read the settings but not change them, run retention or export a person
    expect((await ownerJson(server.api, 'GET', '/api/privacy/settings', undefined, token)).status).toBe(200);
    for (const [method, path, body] of [
      ['PUT', '/api/privacy/settings', { lawfulBasis: null }],
      ['POST', '/api/privacy/retention/dry-run', {}],
      ['POST', '/api/privacy/retention/apply', {}],
      ['GET', `/api/candidates/${old1.id}/export`, undefined],
    ] as const) {
      const r = await ownerJson<{ error: { code: string } }>(server.api, method, path, body, token);
      expect([path, r.status, r.body.error.code]).toEqual([path, 403, 'forbidden']);
    }
  });
});
