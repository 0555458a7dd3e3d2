import { expect, it } from 'vitest';
import { desktop, openPage, phone } from './browser-harness.ts';
import { browserSuite } from './browser-suite.ts';

/** A same-origin JSON call as the owner's token (the test's own setup and checks, not the UI). */
async function ownerJson<T>(api: (path: string, init?: RequestInit) => Promise<Response>, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await api(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

browserSuite('credits and executor settings in Chromium', { demoCount: 40 }, (ctx) => {
  it('an admin adds two seats of one pooled contract, records bought credits, moves some; both ledgers name the admin and the moved lot keeps its expiry', async () => {
    const { browser, server } = ctx();
    const w = await openPage(browser, server.url, desktop);
    try {
      await w.page.goto('/credits');
      await w.page.getByRole('heading', { name: 'Credits', level: 1 }).waitFor();
      for (const [name, contract] of [
        ['Pia Pooled', 'acme-2026'],
        ['Quinn Pooled', 'acme-2026'],
      ]) {
        await w.page.getByRole('button', { name: '+ Add seat' }).click();
        const add = w.page.getByRole('form', { name: 'Add seat' });
        await add.getByLabel('Recruiter name').fill(name);
        await add.getByLabel('Plan').selectOption('recruiter-corporate');
        await add.getByLabel('Contract').fill(contract);
        await add.getByRole('button', { name: 'Add' }).click();
        await w.page.getByRole('tab', { name: new RegExp(name) }).waitFor();
      }
      const seats = await ownerJson<{ seats: Array<{ id: string; name: string; contractId: string | null; balance: number }> }>(server.api, 'GET', '/api/seats');
      const pia = seats.body.seats.find((s) => s.name === 'Pia Pooled')!;
      const quinn = seats.body.seats.find((s) => s.name === 'Quinn Pooled')!;
      expect([pia.contractId, quinn.contractId]).toEqual(['acme-2026', 'acme-2026']);

      await w.page.getByRole('tab', { name: /Pia Pooled/ }).click();
      const buy = w.page.getByRole('form', { name: 'Record a purchase' });
      await buy.getByLabel('Credits').fill('7');
      await buy.getByRole('button', { name: 'Record purchase' }).click();
      await buy.getByText(`Recorded 7 bought credits; the balance is ${pia.balance + 7}.`).waitFor();

      const move = w.page.getByRole('form', { name: 'Move credits' });
      await expect(move.getByLabel('To seat').locator('option').allTextContents()).resolves.toEqual([`Quinn Pooled (${quinn.balance} credits)`]);
      await move.getByLabel('Credits').fill('5');
      await move.getByRole('button', { name: 'Move' }).click();
      await move.getByText(new RegExp(`^Moved 5 credits to Quinn Pooled .*Pia Pooled has ${pia.balance + 2}, Quinn Pooled has ${quinn.balance + 5}\\.$`)).waitFor();
      const ledger = w.page.getByRole('region', { name: 'Ledger' });
      await ledger.getByRole('row', { name: /moved 5 credits to Quinn Pooled/ }).getByText(/owner@scoutline\.local/).waitFor();
      await w.shot('credits-pooled-move-desktop', true);

      // the receiving seat: its ledger names the same admin, and the moved lot keeps the expiry the server reports
      const after = await ownerJson<{ events: Array<{ type: string; recordedBy: string | null; author: { email: string } | null; lots?: Array<{ expires: string }> }> }>(server.api, 'GET', `/api/seats/${quinn.id}/credits/events`);
      const received = after.body.events.find((e) => e.type === 'transfer_in')!;
      expect(received.author?.email).toBe('owner@scoutline.local');
      await w.page.getByRole('tab', { name: /Quinn Pooled/ }).click();
      await w.page.getByRole('region', { name: 'Ledger' }).getByRole('row', { name: /received 5 credits from Pia Pooled/ }).getByText(/owner@scoutline\.local/).waitFor();
      const lots = w.page.getByRole('region', { name: 'Credit lots' });
      for (const lot of received.lots ?? []) await lots.getByRole('cell', { name: lot.expires }).first().waitFor();
      w.assertClean();
    } finally {
      await w.context.close();
    }
  });

  it('an admin stores SMTP and webhook settings: secrets are never shown again, kept when left empty, cleared on request; the API answers only { set }', async () => {
    const { browser, server } = ctx();
    for (const [label, viewport] of [
      ['desktop', desktop],
      ['phone', phone],
    ] as const) {
      const w = await openPage(browser, server.url, viewport);
      try {
        await w.page.goto('/');
        await w.page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
        if (label === 'desktop') await w.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
        else await w.page.goto('/settings');
        await w.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
        const smtp = w.page.getByRole('form', { name: 'Email (SMTP)' });
        await smtp.getByLabel('Host').fill('smtp.example.test');
        await smtp.getByLabel('Port', { exact: true }).fill('2525');
        await smtp.getByLabel('Sender').fill('Ada Recruiter <ada@example.test>');
        await smtp.getByLabel('User', { exact: true }).fill('ada');
        await smtp.getByLabel('Password', { exact: true }).fill(`pw-${label}-never-shown`);
        await smtp.getByRole('button', { name: 'Save email settings' }).click();
        await w.page.getByRole('region', { name: 'Email (SMTP)' }).getByText(/^Saved: .*executors\.smtp/).waitFor();
        // after the reload the form shows the stored values, and only that a password is stored
        await expect.poll(() => smtp.getByText('A secret is stored.').count(), { timeout: 10_000 }).toBe(1);
        await expect(smtp.getByLabel('Password', { exact: true }).inputValue()).resolves.toBe('');
        await expect(smtp.getByLabel('Host').inputValue()).resolves.toBe('smtp.example.test');
        expect(await w.page.content()).not.toContain(`pw-${label}-never-shown`);

        // saving again with the password left empty keeps it
        await smtp.getByLabel('Port', { exact: true }).fill('2526');
        await smtp.getByRole('button', { name: 'Save email settings' }).click();
        await w.page.getByRole('region', { name: 'Email (SMTP)' }).getByText('Saved: executors.smtp.port.').waitFor();
        let view = await ownerJson<{ smtp: { port: number; auth: { user: string; pass: unknown } } }>(server.api, 'GET', '/api/settings/executors');
        expect(view.body.smtp.port).toBe(2526);
        expect(view.body.smtp.auth.pass).toEqual({ set: true });
        expect(JSON.stringify(view.body)).not.toContain('never-shown');

        const hook = w.page.getByRole('form', { name: 'Outgoing webhook' });
        await hook.getByLabel('URL').fill('https://automation.example.test/scoutline');
        await hook.getByLabel('Signing secret').fill('hook-secret-123456');
        await hook.getByRole('button', { name: 'Save webhook' }).click();
        await expect.poll(() => hook.getByText('A secret is stored.').count(), { timeout: 10_000 }).toBe(1);
        await w.shot(`settings-executors-${label}`, true);

        // clearing the SMTP password removes it and says so
        await smtp.getByLabel('Clear the stored secret').check();
        await smtp.getByRole('button', { name: 'Save email settings' }).click();
        await w.page.getByRole('region', { name: 'Email (SMTP)' }).getByText('Saved: executors.smtp.auth.pass.').waitFor();
        view = await ownerJson(server.api, 'GET', '/api/settings/executors');
        expect(view.body.smtp.auth.pass).toEqual({ set: false });

        // the audit log has the changes by path, never a value
        const audit = await ownerJson<{ entries: Array<{ action: string; details: unknown }> }>(server.api, 'GET', '/api/audit?action=settings_changed');
        expect(audit.body.entries.length).toBeGreaterThan(0);
        expect(JSON.stringify(audit.body)).not.toMatch(/never-shown|hook-secret-123456/);

        // back to nothing stored for the next viewport
        await ownerJson(server.api, 'PUT', '/api/settings/executors', { smtp: null, webhook: null });
        w.assertClean();
      } finally {
        await w.context.close();
      }
    }
  });
});
