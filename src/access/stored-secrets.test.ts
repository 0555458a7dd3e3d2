import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSealed, openSecret, sealSecret } from './secret-box.ts';
import { openSettingSecrets, openSettingValue, redactSettingSecrets, sealSettingSecrets, secretContext, valueAt } from './stored-secrets.ts';

const key = Buffer.alloc(32, 3);
const otherKey = Buffer.alloc(32, 4);

const settings = () => ({
  credits: { plan: 'x' },
  executors: { smtp: { host: 'mail.test', auth: { user: 'ada', pass: 'hunter2-pass' }, from: 'a@b.test' }, webhook: { url: 'https://h.test/', secret: 'webhook-secret-1' } },
  webhooks: { outcomesSecret: 'inbound-secret-1' },
});

describe('sealed secrets (AES-256-GCM with the setting as context)', () => {
  it('opens what it sealed; another context or another key fails as config_error', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (plain, ctx, other, k) => {
        const kb = Buffer.from(k);
        const sealed = sealSecret(plain, kb, ctx);
        expect(isSealed(sealed)).toBe(true);
        expect(openSecret(sealed, kb, ctx)).toBe(plain);
        if (other !== ctx) expect(() => openSecret(sealed, kb, other)).toThrow(expect.objectContaining({ code: 'config_error' }));
        const wrong = Buffer.from(kb);
        wrong[0] ^= 1;
        expect(() => openSecret(sealed, wrong, ctx)).toThrow(expect.objectContaining({ code: 'config_error' }));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a tampered ciphertext, whichever byte changed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (plain, at, flip) => {
        const ctx = secretContext('acme', 'executors.smtp.auth.pass');
        const sealed = sealSecret(plain, key, ctx);
        const [nonce, body] = sealed.slice('enc:v1:'.length).split(':');
        const bytes = Buffer.from(body, 'base64url');
        bytes[at % bytes.length] ^= flip;
        expect(() => openSecret(`enc:v1:${nonce}:${bytes.toString('base64url')}`, key, ctx)).toThrow(expect.objectContaining({ code: 'config_error' }));
      }),
      { numRuns: 200 },
    );
  });

  it('seals every secret path of the settings and leaves the rest as it was; opening gives the settings back', () => {
    const { settings: sealed, sealed: paths } = sealSettingSecrets(settings(), 'acme', key);
    expect(paths).toEqual(['executors.smtp.auth.pass', 'executors.webhook.secret', 'webhooks.outcomesSecret']);
    const text = JSON.stringify(sealed);
    for (const s of ['hunter2-pass', 'webhook-secret-1', 'inbound-secret-1']) expect(text).not.toContain(s);
    expect(valueAt(sealed, 'executors.smtp.host')).toBe('mail.test');
    expect(valueAt(sealed, 'credits.plan')).toBe('x');
    expect(openSettingSecrets(sealed, 'acme', key)).toEqual(settings());
    // sealing again changes nothing: already sealed values are kept byte for byte
    const again = sealSettingSecrets(sealed, 'acme', key);
    expect(again.sealed).toEqual([]);
    expect(again.settings).toEqual(sealed);
  });

  it('a sealed value moved to another field or another workspace does not open', () => {
    const { settings: sealed } = sealSettingSecrets(settings(), 'acme', key);
    const pass = valueAt(sealed, 'executors.smtp.auth.pass');
    expect(() => openSettingValue(pass, 'acme', 'webhooks.outcomesSecret', key)).toThrow(/webhooks\.outcomesSecret/);
    expect(() => openSettingValue(pass, 'other', 'executors.smtp.auth.pass', key)).toThrow(expect.objectContaining({ code: 'config_error' }));
    expect(() => openSettingSecrets(sealed, 'acme', otherKey)).toThrow(/cannot be decrypted/);
    expect(() => openSettingSecrets(sealed, 'acme', null)).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/no key/) }));
  });

  it('reads values still in clear as they are (old databases)', () => {
    expect(openSettingSecrets(settings(), 'acme', null)).toEqual(settings());
    expect(openSettingValue('plain', 'acme', 'webhooks.outcomesSecret', null)).toBe('plain');
  });

  it('redacts each secret to { set } and never shows the value, clear or sealed', () => {
    const sealed = sealSettingSecrets(settings(), 'acme', randomBytes(32)).settings;
    for (const s of [settings(), sealed]) {
      const r = redactSettingSecrets(s);
      expect(valueAt(r, 'executors.smtp.auth.pass')).toEqual({ set: true });
      expect(valueAt(r, 'executors.webhook.secret')).toEqual({ set: true });
      expect(valueAt(r, 'webhooks.outcomesSecret')).toEqual({ set: true });
      expect(JSON.stringify(r)).not.toMatch(/hunter2|webhook-secret-1|inbound-secret-1|enc:v1/);
    }
    const empty = redactSettingSecrets({ executors: { smtp: { host: 'h', auth: { user: 'u', pass: '' } } }, webhooks: {} });
    expect(valueAt(empty, 'executors.smtp.auth.pass')).toEqual({ set: false });
    expect(valueAt(empty, 'webhooks.outcomesSecret')).toEqual({ set: false });
  });
});
