import { normaliseSuppressionUrl } from '../outreach/enrollment/suppression.ts';
import { personKeyHash } from './person-key-hash.ts';

/**
 * The rules of erasure (src/privacy/erase-candidates-store.ts applies them):
 * what is deleted, what is kept without the person, and what stays behind so
 * they are never contacted again.
 *
 * - Deleted: the profile, its email index, search index entries, cached
 *   ranking facts, notes, retention flags, source links, and the sandbox's
 *   answers still to come.
 * - Kept without the person: enrollments (state and times, which the funnel
 *   counts), actions (channel, status, times, charge; the text goes, its length
 *   stays), outcomes, ranking examples (signals and label, unlinked from the id).
 * - Left behind: the keyed hashes of every email and profile URL the person was
 *   known by, on the suppression list.
 */

/** Actions that may still run: cancelled by erasure. */
export const openActionStatuses = ['pending', 'running', 'awaiting_person'] as const;

export function codePointLength(text: string | null): number {
  if (text === null) return 0;
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export interface ActionForErasure {
  id: string;
  status: string;
  subject: string | null;
  body: string | null;
  text_length: number | null;
  lease_until: string | null;
}

/**
 * An action a worker holds right now (running, lease not expired): its send
 * may be under way, and the person's address is in flight. Erasure waits for
 * it rather than race it (refused with `conflict`, try again in a minute).
 */
export function isInFlight(a: Pick<ActionForErasure, 'status' | 'lease_until'>, now: string): boolean {
  return a.status === 'running' && a.lease_until !== null && a.lease_until > now;
}

/** The new values of an action of an erased person: no text, address, URL, findings, error or external id; open ones cancelled. */
export function erasedActionPatch(a: ActionForErasure, now: string) {
  const open = (openActionStatuses as readonly string[]).includes(a.status);
  return {
    subject: null,
    body: null,
    email: null,
    profile_url: null,
    lint: null,
    external_id: null,
    last_error: open ? 'erased' : null,
    // the length analytics read (analytics-store.ts), kept when the text goes
    text_length: a.body === null ? a.text_length : codePointLength(a.subject) + codePointLength(a.body),
    ...(open ? { status: 'cancelled', claimed_by: null, lease_until: null } : {}),
    updated_at: now,
  };
}

/** Everything that identified the person to the suppression list, across the copies erasure found. */
export interface ErasedPerson {
  candidateId: number;
  emails: string[];
  profileUrls: string[];
}

export function mergePersonKeys(candidateId: number, emails: Iterable<string | null>, urls: Iterable<string | null>): ErasedPerson {
  const e = new Map<string, string>();
  for (const x of emails) if (x && x.trim()) e.set(x.trim().toLowerCase(), x.trim().toLowerCase());
  const u = new Map<string, string>();
  for (const x of urls) if (x && normaliseSuppressionUrl(x)) u.set(normaliseSuppressionUrl(x), x.trim());
  return { candidateId, emails: [...e.values()].sort(), profileUrls: [...u.values()].sort() };
}

/** The hashes erasure leaves on the suppression list for a person. */
export function erasedPersonHashes(key: Buffer, person: ErasedPerson): string[] {
  const out = new Set<string>();
  for (const e of person.emails) out.add(personKeyHash(key, 'email', e));
  for (const u of person.profileUrls) out.add(personKeyHash(key, 'url', u));
  return [...out].sort();
}

export interface SuppressionRowForErasure {
  id: number;
  candidate_id: number | null;
  email: string | null;
  profile_url: string | null;
  key_hash: string | null;
  reason: string;
  created_at: string;
}

export interface HashedSuppression {
  keyHash: string;
  reason: string;
  createdAt: string;
}

/** Whether a plain suppression entry names the person (by id, one of their emails or one of their URLs). */
export function namesPerson(row: SuppressionRowForErasure, person: ErasedPerson): boolean {
  if (row.key_hash) return false;
  if (row.candidate_id !== null && Number(row.candidate_id) === person.candidateId) return true;
  if (row.email && person.emails.includes(row.email.trim().toLowerCase())) return true;
  const url = row.profile_url ? normaliseSuppressionUrl(row.profile_url) : '';
  return url !== '' && person.profileUrls.some((u) => normaliseSuppressionUrl(u) === url);
}

/**
 * The suppression list after erasing a person: entries naming them are
 * removed, and in their place the list holds hashed entries: the entry's own
 * reason and date for each email or URL it had (its note, free text that may
 * name them, goes), and `erased` for every other key they were known by.
 * Hashes already on the list are not added twice.
 */
export function rewriteSuppressions(
  rows: readonly SuppressionRowForErasure[],
  person: ErasedPerson,
  key: Buffer,
  now: string,
): { deleteIds: number[]; insert: HashedSuppression[] } {
  const present = new Set(rows.map((r) => r.key_hash).filter((h): h is string => !!h));
  const insert = new Map<string, HashedSuppression>();
  const deleteIds: number[] = [];
  for (const r of rows) {
    if (!namesPerson(r, person)) continue;
    deleteIds.push(Number(r.id));
    const keys = [r.email ? personKeyHash(key, 'email', r.email) : null, r.profile_url ? personKeyHash(key, 'url', r.profile_url) : null];
    for (const h of keys) if (h && !present.has(h) && !insert.has(h)) insert.set(h, { keyHash: h, reason: r.reason, createdAt: r.created_at });
  }
  for (const h of erasedPersonHashes(key, person)) if (!present.has(h) && !insert.has(h)) insert.set(h, { keyHash: h, reason: 'erased', createdAt: now });
  return { deleteIds, insert: [...insert.values()] };
}

/** What the audit log records of an erasure: counts, never the person's data (they are named by id in the target). */
export function erasureAuditDetails(s: { suppressionHashes: number; enrollmentsStopped: number; actionsCancelled: number; actionsScrubbed: number; notesDeleted: number; rankingExamplesUnlinked: number }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    erased: true,
    suppressionHashes: s.suppressionHashes,
    enrollmentsStopped: s.enrollmentsStopped,
    actionsCancelled: s.actionsCancelled,
    actionsScrubbed: s.actionsScrubbed,
    notesDeleted: s.notesDeleted,
    rankingExamplesUnlinked: s.rankingExamplesUnlinked,
    ...extra,
  };
}
