import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque bearer secrets (API tokens, invitation links): 32 random bytes,
 * base64url, behind a short kind prefix so a leaked one is recognisable
 * (`sl_tok_...`, `sl_inv_...`). Only the SHA-256 is stored: the secrets are
 * long and random, so a fast hash is enough and lookups stay one index probe.
 */
export type OpaqueTokenKind = 'tok' | 'inv';

export function newOpaqueToken(kind: OpaqueTokenKind): string {
  return `sl_${kind}_${randomBytes(32).toString('base64url')}`;
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first characters shown in lists ("sl_tok_Ab12…"), never enough to use. */
export function opaqueTokenPrefix(token: string): string {
  return token.slice(0, 11);
}

export function looksLikeOpaqueToken(value: string, kind: OpaqueTokenKind): boolean {
  return new RegExp(`^sl_${kind}_[A-Za-z0-9_-]{43}$`).test(value);
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
