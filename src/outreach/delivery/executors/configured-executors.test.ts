import { describe, expect, it } from 'vitest';
import { configuredExecutors } from './configured-executors.ts';
import { sealSettingSecrets } from '../../../access/stored-secrets.ts';

describe('configured executors', () => {
  it('always has the sandbox; adds smtp and webhook when settings or the environment configure them', () => {
    expect(configuredExecutors('{}', {}).executors.map((e) => e.name)).toEqual(['sandbox']);
    const fromSettings = configuredExecutors(
      JSON.stringify({ executors: { smtp: { host: 'mail.test', from: 'a@b.test' }, webhook: { url: 'https://hooks.test/x', secret: 'longsecret' }, sandbox: { seed: 9, rates: { acceptance: 0.3 } } } }),
      {},
    );
    expect(fromSettings.executors.map((e) => e.name)).toEqual(['sandbox', 'smtp', 'webhook']);
    expect(fromSettings.smtp).toMatchObject({ host: 'mail.test', port: 587 });
    expect(fromSettings.webhook).toMatchObject({ url: 'https://hooks.test/x', maxAttempts: 4 });
    for (const e of fromSettings.executors) (e as { close?: () => void }).close?.();
    const fromEnv = configuredExecutors(null, { SCOUTLINE_EXECUTOR_WEBHOOK_URL: 'https://hooks.test/y', SCOUTLINE_EXECUTOR_WEBHOOK_SECRET: 'envsecret1' });
    expect(fromEnv.webhook?.url).toBe('https://hooks.test/y');
  });

  it('refuses bad settings with invalid_input naming the field', () => {
    expect(() => configuredExecutors(JSON.stringify({ executors: { webhook: { url: 'not a url', secret: 'longsecret' } } }), {})).toThrow(/webhook\.url/);
    expect(() => configuredExecutors(JSON.stringify({ executors: { sandbox: { rates: { acceptance: 2 } } } }), {})).toThrow(/acceptance/);
    expect(() => configuredExecutors('{', {})).toThrow(/JSON/);
  });

  it('opens sealed secrets with the key; without it, with another key or for another workspace it is a config_error naming the setting', () => {
    const key = Buffer.alloc(32, 5);
    const clear = { executors: { smtp: { host: 'mail.test', from: 'a@b.test', auth: { user: 'ada', pass: 'smtp-pass-1' } }, webhook: { url: 'https://hooks.test/x', secret: 'hook-secret-1' } } };
    const sealed = JSON.stringify(sealSettingSecrets(clear, 'acme', key).settings);
    expect(sealed).not.toMatch(/smtp-pass-1|hook-secret-1/);
    const c = configuredExecutors(sealed, {}, { secrets: { workspaceId: 'acme', key } });
    expect(c.smtp?.auth).toEqual({ user: 'ada', pass: 'smtp-pass-1' });
    expect(c.webhook?.secret).toBe('hook-secret-1');
    for (const e of c.executors) (e as { close?: () => void }).close?.();
    expect(() => configuredExecutors(sealed, {})).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/executors\.smtp\.auth\.pass.*no key/) }));
    expect(() => configuredExecutors(sealed, {}, { secrets: { workspaceId: 'acme', key: Buffer.alloc(32, 6) } })).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/cannot be decrypted/) }));
    expect(() => configuredExecutors(sealed, {}, { secrets: { workspaceId: 'other', key } })).toThrow(expect.objectContaining({ code: 'config_error' }));
    // clear values (an old database) still work without any key
    expect(configuredExecutors(JSON.stringify(clear), {}).webhook?.secret).toBe('hook-secret-1');
  });
});
