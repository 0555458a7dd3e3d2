import { createHmac, randomBytes } from 'node:crypto';
import { normaliseSuppressionUrl } from '../outreach/enrollment/suppression.ts';

/**
 * What erasure keeps of a person so they are never contacted again: a keyed
 * one-way hash (HMAC-SHA256) of each email address and of the profile URL,
 * normalised the way the suppression list compares them. The key is random
 * per workspace and stored in the database (`privacy_hash_keys`), not derived
 * from the server's master key: a suppression that silently stopped matching
 * (a database restored on a new server, a worker started without the key file)
 * would contact someone who asked to be forgotten. What the hash protects
 * against: reading the addresses off the suppression list, a backup or an
 * export of it; what it cannot: someone holding the whole database testing
 * addresses they already know (docs/privacy.md).
 */
export type PersonKeyKind = 'email' | 'url';

const version = 'v1';

export function newHashKey(): Buffer {
  return randomBytes(32);
}

export function normalisedPersonKey(kind: PersonKeyKind, value: string): string {
  return kind === 'email' ? value.trim().toLowerCase() : normaliseSuppressionUrl(value);
}

/** `v1:email:<base64url>`; the kind is hashed in, so an email and a URL with the same text never match. */
export function personKeyHash(key: Buffer, kind: PersonKeyKind, value: string): string {
  const mac = createHmac('sha256', key).update(`${kind}\u0000${normalisedPersonKey(kind, value)}`, 'utf8').digest('base64url');
  return `${version}:${kind}:${mac}`;
}

/** The hashes of everything that identifies a person for suppression (empty values skipped, duplicates once). */
export function personKeyHashes(key: Buffer, person: { emails: readonly string[]; profileUrl: string | null }): string[] {
  const out = new Set<string>();
  for (const e of person.emails) if (normalisedPersonKey('email', e)) out.add(personKeyHash(key, 'email', e));
  if (person.profileUrl && normalisedPersonKey('url', person.profileUrl)) out.add(personKeyHash(key, 'url', person.profileUrl));
  return [...out];
}
