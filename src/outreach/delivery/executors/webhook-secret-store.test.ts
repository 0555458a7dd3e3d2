import { describe, expect, it } from 'vitest';
import { sealSettingSecrets } from '../../../access/stored-secrets.ts';
import { webhookSecretFrom } from './webhook-secret-store.ts';

describe('inbound webhook secret', () => {
  it('prefers the workspace setting, falls back to SCOUTLINE_WEBHOOK_SECRET, else none', () => {
    const env = { SCOUTLINE_WEBHOOK_SECRET: 'from-env' };
    expect(webhookSecretFrom('{"webhooks":{"outcomesSecret":"from-settings"}}', env)).toBe('from-settings');
    expect(webhookSecretFrom('{}', env)).toBe('from-env');
    expect(webhookSecretFrom('not json', env)).toBe('from-env');
    expect(webhookSecretFrom('{"webhooks":{"outcomesSecret":""}}', {})).toBeNull();
    expect(webhookSecretFrom(null, { SCOUTLINE_WEBHOOK_SECRET: '' })).toBeNull();
  });

  it('opens a sealed outcomesSecret with the key; a wrong key is a config_error, not a fall back to the environment', () => {
    const key = Buffer.alloc(32, 8);
    const sealed = JSON.stringify(sealSettingSecrets({ webhooks: { outcomesSecret: 'sealed-inbound' } }, 'acme', key).settings);
    expect(sealed).not.toContain('sealed-inbound');
    expect(webhookSecretFrom(sealed, {}, { workspaceId: 'acme', key })).toBe('sealed-inbound');
    expect(() => webhookSecretFrom(sealed, { SCOUTLINE_WEBHOOK_SECRET: 'from-env' }, { workspaceId: 'acme', key: Buffer.alloc(32, 9) })).toThrow(expect.objectContaining({ code: 'config_error' }));
    expect(() => webhookSecretFrom(sealed, {}, { workspaceId: 'other', key })).toThrow(expect.objectContaining({ code: 'config_error' }));
  });
});
