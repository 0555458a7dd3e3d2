import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSealed } from '../../../access/secret-box.ts';
import { openSettingSecrets, valueAt } from '../../../access/stored-secrets.ts';
import { applyExecutorSettingsInput, executorSettingsView } from './executor-settings-update.ts';

const key = Buffer.alloc(32, 11);
const smtp = (pass?: string | null) => ({ host: 'mail.test', from: 'a@b.test', auth: { user: 'ada', ...(pass !== undefined ? { pass } : {}) } });

describe('applying an executor settings change', () => {
  it('stores any secret sealed, opens back to what was sent, never lists a value among the changes, and shows only { set }', () => {
    const secret = fc.string({ minLength: 8, maxLength: 40 });
    fc.assert(
      fc.property(secret, secret, secret, fc.constantFrom('default', 'acme'), (pass, hook, inbound, ws) => {
        const { settings, changed } = applyExecutorSettingsInput({ other: { x: 1 } }, { smtp: smtp(pass), webhook: { url: 'https://h.test/', secret: hook }, outcomesSecret: inbound }, ws, key);
        for (const p of ['executors.smtp.auth.pass', 'executors.webhook.secret', 'webhooks.outcomesSecret']) expect(isSealed(valueAt(settings, p))).toBe(true);
        const opened = openSettingSecrets(settings, ws, key);
        expect([valueAt(opened, 'executors.smtp.auth.pass'), valueAt(opened, 'executors.webhook.secret'), valueAt(opened, 'webhooks.outcomesSecret')]).toEqual([pass, hook, inbound]);
        expect(settings.other).toEqual({ x: 1 });
        expect(changed).toEqual(['executors.smtp', 'executors.webhook', 'webhooks.outcomesSecret']);
        const view = JSON.stringify(executorSettingsView(settings));
        expect(view).not.toContain('enc:v1');
        expect(executorSettingsView(settings).smtp).toMatchObject({ auth: { user: 'ada', pass: { set: true } } });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps an omitted secret, clears a null one, reports a changed secret by path, and an empty change as none', () => {
    const first = applyExecutorSettingsInput({}, { smtp: smtp('first-pass'), outcomesSecret: 'inbound-1' }, 'default', key).settings;
    const kept = applyExecutorSettingsInput(first, { smtp: { ...smtp(), port: 2525 } }, 'default', key);
    expect(kept.changed).toEqual(['executors.smtp.port']);
    expect(valueAt(openSettingSecrets(kept.settings, 'default', key), 'executors.smtp.auth.pass')).toBe('first-pass');
    // a kept secret is not re-encrypted: the stored text stays
    expect(valueAt(kept.settings, 'executors.smtp.auth.pass')).toBe(valueAt(first, 'executors.smtp.auth.pass'));
    const changed = applyExecutorSettingsInput(first, { smtp: smtp('second-pass') }, 'default', key);
    expect(changed.changed).toEqual(['executors.smtp.auth.pass']);
    const cleared = applyExecutorSettingsInput(first, { smtp: smtp(null), outcomesSecret: null }, 'default', key);
    expect(cleared.changed).toEqual(['executors.smtp.auth.pass', 'webhooks.outcomesSecret']);
    expect(executorSettingsView(cleared.settings)).toMatchObject({ smtp: { auth: { pass: { set: false } } }, outcomesSecret: { set: false } });
    expect(applyExecutorSettingsInput(first, {}, 'default', key)).toEqual({ settings: first, changed: [] });
    const removed = applyExecutorSettingsInput(first, { smtp: null }, 'default', key);
    expect(removed.changed).toEqual(['executors.smtp']);
    expect(executorSettingsView(removed.settings).smtp).toBeNull();
  });

  it('a kept secret that no longer opens (another key) is a config_error asking for a new one; a new one replaces it', () => {
    const first = applyExecutorSettingsInput({}, { webhook: { url: 'https://h.test/', secret: 'hook-secret-1' } }, 'default', key).settings;
    const other = Buffer.alloc(32, 12);
    expect(() => applyExecutorSettingsInput(first, { webhook: { url: 'https://h.test/' } }, 'default', other)).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/executors\.webhook\.secret.*send a new one/) }));
    const replaced = applyExecutorSettingsInput(first, { webhook: { url: 'https://h.test/', secret: 'hook-secret-2' } }, 'default', other);
    expect(replaced.changed).toEqual(['executors.webhook.secret']);
    expect(valueAt(openSettingSecrets(replaced.settings, 'default', other), 'executors.webhook.secret')).toBe('hook-secret-2');
  });

  it('seals secrets still in clear in sections the change leaves alone', () => {
    const old = { executors: { webhook: { url: 'https://h.test/', secret: 'clear-hook-1' } } };
    const { settings, changed } = applyExecutorSettingsInput(old, { outcomesSecret: 'inbound-22' }, 'default', key);
    expect(changed).toEqual(['webhooks.outcomesSecret']);
    expect(JSON.stringify(settings)).not.toContain('clear-hook-1');
    expect(valueAt(openSettingSecrets(settings, 'default', key), 'executors.webhook.secret')).toBe('clear-hook-1');
  });

  it('refuses bad input with invalid_input naming the field', () => {
    expect(() => applyExecutorSettingsInput({}, { smtp: { host: '', from: 'a@b.test' } }, 'default', key)).toThrow(/^smtp\.host/);
    expect(() => applyExecutorSettingsInput({}, { webhook: { url: 'https://h.test/' } }, 'default', key)).toThrow(/^webhook\.secret/);
    expect(() => applyExecutorSettingsInput({}, { sandbox: { rates: { acceptance: 3 } } }, 'default', key)).toThrow(/sandbox\.rates\.acceptance/);
    expect(() => applyExecutorSettingsInput({}, { smpt: {} }, 'default', key)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('shows a stored section read through its executor schema: an older one with the defaults the worker applies, one the worker would refuse as a config_error naming the field', () => {
    const old = { executors: { webhook: { url: 'https://h.test/', secret: 'clear-hook-1' } } };
    expect(executorSettingsView(old).webhook).toEqual({ url: 'https://h.test/', secret: { set: true }, maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 10_000 });
    const broken = { executors: { smtp: { from: 'a@b.test', auth: { user: 'ada', pass: 'Sm7p-secret' } } } };
    expect(() => executorSettingsView(broken)).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/^executors\.smtp\.host: /) }));
    expect(() => executorSettingsView(broken)).not.toThrow(/Sm7p-secret/);
  });
});
