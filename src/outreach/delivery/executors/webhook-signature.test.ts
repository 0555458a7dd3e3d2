import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signPayload, signatureHeaders, verifySignature } from './webhook-signature.ts';

const secret = 'whsec_test';
const now = 1_760_000_000;

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" with a sha256= prefix (what integrators reimplement)', () => {
    const body = '{"a":1}';
    const hex = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signPayload(secret, now, body)).toBe(`sha256=${hex}`);
    expect(signatureHeaders(secret, now + 0.9, body)).toEqual({ 'X-Scoutline-Signature': `sha256=${hex}`, 'X-Scoutline-Timestamp': String(now) });
  });

  it('verifies what it signed, for any body, secret and time inside the window (up to 300 s old, 30 s ahead)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: -30, max: 300 }), (s, body, skew) => {
        const h = signatureHeaders(s, now, body);
        const r = verifySignature({ secret: s, rawBody: body, signature: h['X-Scoutline-Signature'], timestamp: h['X-Scoutline-Timestamp'], nowSeconds: now + skew });
        expect(r).toEqual({ ok: true, timestamp: now });
      }),
    );
  });

  it('accepts a timestamp exactly when it is at most the window old and at most the skew ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 120 }), (offset, window, skew) => {
        const h = signatureHeaders(secret, now + offset, '{}');
        const r = verifySignature({ secret, rawBody: '{}', signature: h['X-Scoutline-Signature'], timestamp: h['X-Scoutline-Timestamp'], nowSeconds: now, replayWindowSeconds: window, maxFutureSkewSeconds: skew });
        const expected = -offset > window ? 'stale_timestamp' : offset > skew ? 'future_timestamp' : null;
        expect(r).toEqual(expected ? { ok: false, reason: expected } : { ok: true, timestamp: now + offset });
      }),
    );
  });

  it('refuses any change to the body, the timestamp or the secret', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 200 }), (body, other, dt) => {
        fc.pre(body !== other);
        const h = signatureHeaders(secret, now, body);
        const sig = h['X-Scoutline-Signature'];
        expect(verifySignature({ secret, rawBody: other, signature: sig, timestamp: String(now), nowSeconds: now })).toEqual({ ok: false, reason: 'bad_signature' });
        expect(verifySignature({ secret, rawBody: body, signature: sig, timestamp: String(now - dt), nowSeconds: now })).toEqual({ ok: false, reason: 'bad_signature' });
        expect(verifySignature({ secret: `${secret}x`, rawBody: body, signature: sig, timestamp: String(now), nowSeconds: now })).toEqual({ ok: false, reason: 'bad_signature' });
      }),
    );
  });

  it('refuses replays outside the window, and missing or malformed parts', () => {
    const body = '{}';
    const h = signatureHeaders(secret, now, body);
    const base = { secret, rawBody: body, signature: h['X-Scoutline-Signature'], timestamp: h['X-Scoutline-Timestamp'], nowSeconds: now };
    expect(verifySignature({ ...base, nowSeconds: now + 301 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    // a timestamp ahead of the clock: at most the skew (default 30 s, configurable), never the whole window (issue #14)
    expect(verifySignature({ ...base, nowSeconds: now - 290 })).toEqual({ ok: false, reason: 'future_timestamp' });
    expect(verifySignature({ ...base, nowSeconds: now - 31 })).toEqual({ ok: false, reason: 'future_timestamp' });
    expect(verifySignature({ ...base, nowSeconds: now - 30 })).toEqual({ ok: true, timestamp: now });
    expect(verifySignature({ ...base, nowSeconds: now - 5, maxFutureSkewSeconds: 0 })).toEqual({ ok: false, reason: 'future_timestamp' });
    expect(verifySignature({ ...base, nowSeconds: now - 120, maxFutureSkewSeconds: 120 })).toEqual({ ok: true, timestamp: now });
    expect(verifySignature({ ...base, nowSeconds: now + 60, replayWindowSeconds: 30 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifySignature({ ...base, secret: '' })).toEqual({ ok: false, reason: 'missing_secret' });
    expect(verifySignature({ ...base, signature: undefined })).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verifySignature({ ...base, timestamp: null })).toEqual({ ok: false, reason: 'missing_timestamp' });
    expect(verifySignature({ ...base, timestamp: '12abc' })).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(verifySignature({ ...base, signature: 'sha256=00' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignature({ ...base, signature: h['X-Scoutline-Signature'].toUpperCase() })).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
