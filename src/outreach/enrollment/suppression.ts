import { z } from 'zod';
import { personKeyHashes } from '../../privacy/person-key-hash.ts';

/**
 * The suppression list (issue item 2): people Scoutline must not contact,
 * across every campaign of a workspace. An entry names a candidate id, an
 * email address or a LinkedIn profile URL (so a person re-imported under a
 * new id stays suppressed). Checked by the planner before planning and by the
 * worker inside the claim transaction before every action.
 */
export const suppressionReasons = ['do_not_contact', 'opted_out', 'in_process'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

export const suppressionInputSchema = z
  .object({
    candidateId: z.number().int().positive().nullable().default(null),
    email: z.string().email().nullable().default(null),
    profileUrl: z.string().min(1).nullable().default(null),
    reason: z.enum(suppressionReasons).default('do_not_contact'),
    note: z.string().max(500).default(''),
  })
  .refine((s) => s.candidateId !== null || s.email !== null || s.profileUrl !== null, 'a suppression needs a candidate id, an email or a profile URL');
export type SuppressionInput = z.infer<typeof suppressionInputSchema>;

export interface SuppressionEntry extends SuppressionInput {
  id: number;
  createdAt: string;
  /** an erased person's hashed email or profile URL (src/privacy): the entry's only key then */
  keyHash?: string | null;
}

/** What identifies a person for suppression. */
export interface PersonKeys {
  candidateId: number;
  emails: readonly string[];
  profileUrl: string | null;
}

export interface SuppressionIndex {
  candidateIds: ReadonlySet<number>;
  emails: ReadonlySet<string>;
  profileUrls: ReadonlySet<string>;
  /** hashed keys of erased people, and the workspace's key to hash a person's with (src/privacy/person-key-hash.ts) */
  keyHashes?: ReadonlySet<string>;
  hashKey?: Buffer | null;
}

export const emptySuppressionIndex: SuppressionIndex = { candidateIds: new Set(), emails: new Set(), profileUrls: new Set() };

/** Lower case, no scheme, no www., no query or fragment, no trailing slash. */
export function normaliseSuppressionUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

export function buildSuppressionIndex(
  entries: ReadonlyArray<Pick<SuppressionInput, 'candidateId' | 'email' | 'profileUrl'> & { keyHash?: string | null }>,
  hashKey: Buffer | null = null,
): SuppressionIndex {
  const candidateIds = new Set<number>();
  const emails = new Set<string>();
  const profileUrls = new Set<string>();
  const keyHashes = new Set<string>();
  for (const e of entries) {
    if (e.candidateId !== null) candidateIds.add(e.candidateId);
    if (e.email) emails.add(e.email.trim().toLowerCase());
    if (e.profileUrl) profileUrls.add(normaliseSuppressionUrl(e.profileUrl));
    if (e.keyHash) keyHashes.add(e.keyHash);
  }
  return { candidateIds, emails, profileUrls, keyHashes, hashKey };
}

export function isSuppressed(index: SuppressionIndex, person: PersonKeys): boolean {
  if (index.candidateIds.has(person.candidateId)) return true;
  if (person.profileUrl && index.profileUrls.has(normaliseSuppressionUrl(person.profileUrl))) return true;
  if (person.emails.some((e) => index.emails.has(e.trim().toLowerCase()))) return true;
  return isSuppressedByHash(index, person);
}

/** Matches an erased person by the hashes of their addresses and URL (a re-import of someone who was erased). */
export function isSuppressedByHash(index: SuppressionIndex, person: Pick<PersonKeys, 'emails' | 'profileUrl'>): boolean {
  const hashes = index.keyHashes;
  if (!hashes || hashes.size === 0 || !index.hashKey) return false;
  return personKeyHashes(index.hashKey, person).some((h) => hashes.has(h));
}
