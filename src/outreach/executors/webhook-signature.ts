import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one signature format Scoutline uses on both sides of a webhook: the
 * outgoing webhook executor signs what it sends, and the inbound outcomes
 * webhook verifies what it receives.
 *
 *   X-Scoutline-Timestamp: <unix seconds>
 *   X-Scoutline-Signature: sha256=<lower-case hex HMAC-SHA256 of "<timestamp>.<raw body>">
 *
 * The timestamp is inside the signed text, so an old request cannot be
 * replayed with a fresh timestamp; the receiver refuses timestamps outside
 * its replay window. Comparison is constant-time. Pure: no clock, no I/O.
 */
export const signatureHeader = 'X-Scoutline-Signature';
export const timestampHeader = 'X-Scoutline-Timestamp';
export const idempotencyKeyHeader = 'Idempotency-Key';

/** Default replay window: a request signed more than 5 minutes before or after now is refused. */
export const defaultReplayWindowSeconds = 300;

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface SignedHeaders {
  [signatureHeader]: string;
  [timestampHeader]: string;
}

/** The two signature headers for a body sent at `nowSeconds`. */
export function signatureHeaders(secret: string, nowSeconds: number, body: string): SignedHeaders {
  const timestamp = Math.floor(nowSeconds);
  return { [signatureHeader]: signPayload(secret, timestamp, body), [timestampHeader]: String(timestamp) };
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing_secret' | 'missing_signature' | 'missing_timestamp' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature' };

export interface VerifyInput {
  secret: string | null | undefined;
  /** the exact bytes received, as text; never a re-serialised object */
  rawBody: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nowSeconds: number;
  replayWindowSeconds?: number;
}

/** Checks a received request's signature and timestamp; every failure is a value with a reason. */
export function verifySignature(input: VerifyInput): SignatureCheck {
  if (!input.secret) return { ok: false, reason: 'missing_secret' };
  if (!input.signature) return { ok: false, reason: 'missing_signature' };
  if (!input.timestamp) return { ok: false, reason: 'missing_timestamp' };
  if (!/^\d{1,12}$/.test(input.timestamp.trim())) return { ok: false, reason: 'bad_timestamp' };
  const timestamp = Number(input.timestamp.trim());
  const window = input.replayWindowSeconds ?? defaultReplayWindowSeconds;
  if (Math.abs(input.nowSeconds - timestamp) > window) return { ok: false, reason: 'stale_timestamp' };
  // Both sides are hashed to a fixed length first, so the constant-time compare never leaks a length difference.
  const expected = digest(signPayload(input.secret, timestamp, input.rawBody));
  const given = digest(input.signature.trim());
  return timingSafeEqual(given, expected) ? { ok: true, timestamp } : { ok: false, reason: 'bad_signature' };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
