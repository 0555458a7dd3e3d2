import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonLineLogger, redactLogText, redactLogValue } from './structured-log.ts';

const word = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/);
const emailArb = fc.tuple(word, word, fc.constantFrom('com', 'example', 'org', 'de')).map(([l, d, t]) => `${l}@${d.replace(/\./g, '')}x.${t}`);

describe('structured log redaction', () => {
  it('property: no email address survives, wherever it sits in the text', () => {
    fc.assert(
      fc.property(fc.string(), emailArb, fc.string(), (before, email, after) => {
        const out = redactLogText(`${before} ${email} ${after}`);
        expect(out).not.toContain(email);
        expect(out).toContain('[email]');
      }),
    );
  });

  it('masks API tokens, bearer credentials, link tokens and session cookies, keeping the rest', () => {
    const t = 'sl_tok_abcDEF123_-xyz';
    expect(redactLogText(`token ${t} revoked`)).toBe('token sl_tok_[redacted] revoked');
    expect(redactLogText('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactLogText('GET /api/auth/magic-link/verify?token=AbC123&callbackURL=%2F')).toBe('GET /api/auth/magic-link/verify?token=[redacted]&callbackURL=%2F');
    expect(redactLogText('cookie scoutline.session_token=xyz.sig; other=1')).toBe('cookie scoutline.session_token=[redacted]; other=1');
    expect(redactLogText('seat demo-london paused, 3 planned')).toBe('seat demo-london paused, 3 planned');
  });

  it('the JSON-line logger redacts msg and nested fields but keeps ids and counts', () => {
    const lines: string[] = [];
    const log = jsonLineLogger((l) => lines.push(l), () => 't');
    log('warn', 'action executed', { actionId: 'a1', candidateId: 7, message: 'smtp: 550 <grace@example.org>: no such mailbox', nested: { list: ['x ada@ex.com'] } });
    const o = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(o).toEqual({ time: 't', level: 'warn', msg: 'action executed', actionId: 'a1', candidateId: 7, message: 'smtp: 550 <[email]>: no such mailbox', nested: { list: ['x [email]'] } });
    expect(redactLogValue(null)).toBeNull();
  });
});
