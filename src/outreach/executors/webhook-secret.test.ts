import { describe, expect, it } from 'vitest';
import { webhookSecretFrom } from './webhook-secret.ts';

describe('inbound webhook secret', () => {
  it('prefers the workspace setting, falls back to SCOUTLINE_WEBHOOK_SECRET, else none', () => {
    const env = { SCOUTLINE_WEBHOOK_SECRET: 'from-env' };
    expect(webhookSecretFrom('{"webhooks":{"outcomesSecret":"from-settings"}}', env)).toBe('from-settings');
    expect(webhookSecretFrom('{}', env)).toBe('from-env');
    expect(webhookSecretFrom('not json', env)).toBe('from-env');
    expect(webhookSecretFrom('{"webhooks":{"outcomesSecret":""}}', {})).toBeNull();
    expect(webhookSecretFrom(null, { SCOUTLINE_WEBHOOK_SECRET: '' })).toBeNull();
  });
});
