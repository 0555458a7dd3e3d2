import { describe, expect, it } from 'vitest';
import { configuredExecutors } from './configured-executors.ts';
import { SmtpExecutor } from './smtp-executor.ts';

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
    for (const e of fromSettings.executors) if (e instanceof SmtpExecutor) e.close();
    const fromEnv = configuredExecutors(null, { SCOUTLINE_EXECUTOR_WEBHOOK_URL: 'https://hooks.test/y', SCOUTLINE_EXECUTOR_WEBHOOK_SECRET: 'envsecret1' });
    expect(fromEnv.webhook?.url).toBe('https://hooks.test/y');
  });

  it('refuses bad settings with invalid_input naming the field', () => {
    expect(() => configuredExecutors(JSON.stringify({ executors: { webhook: { url: 'not a url', secret: 'longsecret' } } }), {})).toThrow(/webhook\.url/);
    expect(() => configuredExecutors(JSON.stringify({ executors: { sandbox: { rates: { acceptance: 2 } } } }), {})).toThrow(/acceptance/);
    expect(() => configuredExecutors('{', {})).toThrow(/JSON/);
  });
});
