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
 * replayed with a fresh timestamp; the receiver refuses timestamps older than
 * its replay window and more than a small clock skew ahead of its clock (a
 * timestamp far in the future would stretch the window a replay is possible
 * in). An exact replay inside the window is the replay store's job
 * (webhook-replay-store.ts). Comparison is constant-time. Pure: no clock, no I/O.
 */
export const signatureHeader = 'X-Scoutline-Signature';
export const timestampHeader = 'X-Scoutline-Timestamp';
export const idempotencyKeyHeader = 'Idempotency-Key';

/** Default replay window: a request signed more than 5 minutes ago is refused. */
export const defaultReplayWindowSeconds = 300;
/** Default clock skew accepted into the future: a request signed more than 30 seconds ahead of now is refused. */
export const defaultMaxFutureSkewSeconds = 30;

/** The environment variable that sets the accepted clock skew into the future, in whole seconds. */
export const maxSkewEnv = 'SCOUTLINE_WEBHOOK_MAX_SKEW_SECONDS';

/** The accepted future skew from the environment: default 30, whole seconds 0-300; anything else is an error message naming the variable. */
export function maxFutureSkewFrom(env: NodeJS.ProcessEnv): { ok: true; seconds: number } | { ok: false; message: string } {
  const raw = env[maxSkewEnv]?.trim();
  if (raw === undefined || raw === '') return { ok: true, seconds: defaultMaxFutureSkewSeconds };
  if (!/^\d{1,3}$/.test(raw) || Number(raw) > defaultReplayWindowSeconds) return { ok: false, message: `${maxSkewEnv} must be whole seconds from 0 to ${defaultReplayWindowSeconds}, got '${raw.slice(0, 40)}'` };
  return { ok: true, seconds: Number(raw) };
}

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
  | { ok: false; reason: 'missing_secret' | 'missing_signature' | 'missing_timestamp' | 'bad_timestamp' | 'stale_timestamp' | 'future_timestamp' | 'bad_signature' };

export interface VerifyInput {
  secret: string | null | undefined;
  /** the exact bytes received, as text; never a re-serialised object */
  rawBody: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nowSeconds: number;
  /** how old a timestamp may be (default 300 s) */
  replayWindowSeconds?: number;
  /** how far ahead of `nowSeconds` a timestamp may be (default 30 s) */
  maxFutureSkewSeconds?: number;
}

/** Checks a received request's signature and timestamp; every failure is a value with a reason. */
export function verifySignature(input: VerifyInput): SignatureCheck {
  if (!input.secret) return { ok: false, reason: 'missing_secret' };
  if (!input.signature) return { ok: false, reason: 'missing_signature' };
  if (!input.timestamp) return { ok: false, reason: 'missing_timestamp' };
  if (!/^\d{1,12}$/.test(input.timestamp.trim())) return { ok: false, reason: 'bad_timestamp' };
  const timestamp = Number(input.timestamp.trim());
  const window = input.replayWindowSeconds ?? defaultReplayWindowSeconds;
  if (input.nowSeconds - timestamp > window) return { ok: false, reason: 'stale_timestamp' };
  if (timestamp - input.nowSeconds > (input.maxFutureSkewSeconds ?? defaultMaxFutureSkewSeconds)) return { ok: false, reason: 'future_timestamp' };
  // Both sides are hashed to a fixed length first, so the constant-time compare never leaks a length difference.
  const expected = digest(signPayload(input.secret, timestamp, input.rawBody));
  const given = digest(input.signature.trim());
  return timingSafeEqual(given, expected) ? { ok: true, timestamp } : { ok: false, reason: 'bad_signature' };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
