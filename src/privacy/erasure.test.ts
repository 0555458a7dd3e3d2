import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSuppressionIndex, isSuppressed } from '../outreach/enrollment/suppression.ts';
import { codePointLength, erasedActionPatch, erasedPersonHashes, mergePersonKeys, namesPerson, rewriteSuppressions, type SuppressionRowForErasure } from './erasure.ts';
import { personKeyHash, personKeyHashes } from './person-key-hash.ts';

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);
const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/);
const email = fc.tuple(local, fc.constantFrom('example.org', 'mail.example')).map(([l, d]) => `${l}@${d}`);
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
const url = slug.map((s) => `https://www.linkedin.com/in/${s}`);

describe('person key hashes', () => {
  it('match the same address however it is written, and nothing else', () => {
    fc.assert(
      fc.property(email, slug, (e, s) => {
        expect(personKeyHash(key, 'email', e)).toBe(personKeyHash(key, 'email', ` ${e.toUpperCase()} `));
        const u = `https://www.linkedin.com/in/${s}`;
        for (const variant of [`http://linkedin.com/in/${s}/`, `HTTPS://WWW.LINKEDIN.COM/IN/${s.toUpperCase()}?trk=x`, `${u}#about`]) expect(personKeyHash(key, 'url', variant)).toBe(personKeyHash(key, 'url', u));
        // the kind is part of what is hashed, and another workspace's key gives another hash
        expect(personKeyHash(key, 'email', e)).not.toBe(personKeyHash(key, 'url', e));
        expect(personKeyHash(key, 'email', e)).not.toBe(personKeyHash(otherKey, 'email', e));
      }),
    );
  });

  it('suppress a person by a hashed email or URL only with the workspace key', () => {
    fc.assert(
      fc.property(fc.array(email, { minLength: 1, maxLength: 3 }), fc.option(url, { nil: null }), email, (emails, profileUrl, stranger) => {
        fc.pre(!emails.includes(stranger));
        const hashes = personKeyHashes(key, { emails: [emails[0]], profileUrl: null });
        const index = buildSuppressionIndex(hashes.map((h) => ({ candidateId: null, email: null, profileUrl: null, keyHash: h })), key);
        expect(isSuppressed(index, { candidateId: 7, emails: emails.map((e) => e.toUpperCase()), profileUrl })).toBe(true);
        expect(isSuppressed(index, { candidateId: 7, emails: [stranger], profileUrl: null })).toBe(false);
        const keyless = buildSuppressionIndex(hashes.map((h) => ({ candidateId: null, email: null, profileUrl: null, keyHash: h })), null);
        expect(isSuppressed(keyless, { candidateId: 7, emails, profileUrl })).toBe(false);
      }),
    );
  });
});

const row = (id: number, r: Partial<SuppressionRowForErasure>): SuppressionRowForErasure => ({
  id,
  candidate_id: null,
  email: null,
  profile_url: null,
  key_hash: null,
  reason: 'do_not_contact',
  created_at: '2025-01-01T00:00:00.000Z',
  ...r,
});

describe('the suppression list after erasure', () => {
  it('names the person by hashes only: every key they had once, the other entries as they were, reasons and dates kept', () => {
    const arb = fc.record({
      emails: fc.uniqueArray(email, { minLength: 0, maxLength: 3 }),
      urls: fc.uniqueArray(url, { minLength: 0, maxLength: 2 }),
      strangers: fc.uniqueArray(email, { minLength: 0, maxLength: 3 }),
      byId: fc.boolean(),
      reasons: fc.array(fc.constantFrom('do_not_contact', 'opted_out', 'in_process'), { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ emails, urls, strangers, byId, reasons }) => {
        fc.pre(strangers.every((s) => !emails.includes(s)));
        const person = mergePersonKeys(5, emails, urls);
        const rows: SuppressionRowForErasure[] = [
          ...emails.slice(0, 2).map((e, i) => row(i + 1, { email: e.toUpperCase(), reason: reasons[i] })),
          ...urls.slice(0, 1).map((u) => row(10, { profile_url: u.replace('https://www.', 'http://'), reason: reasons[3] })),
          ...strangers.map((e, i) => row(20 + i, { email: e })),
          ...(byId ? [row(30, { candidate_id: 5 })] : []),
          row(40, { candidate_id: 6 }),
        ];
        const { deleteIds, insert } = rewriteSuppressions(rows, person, key, '2025-07-01T00:00:00.000Z');
        const left = rows.filter((r) => !deleteIds.includes(r.id));
        expect(left.some((r) => namesPerson(r, person))).toBe(false);
        expect(left.map((r) => r.id).sort()).toEqual([...strangers.map((_, i) => 20 + i), 40].sort());
        const hashes = insert.map((h) => h.keyHash);
        expect(new Set(hashes).size).toBe(hashes.length);
        expect(hashes.sort()).toEqual(erasedPersonHashes(key, person));
        for (const [i, e] of emails.slice(0, 2).entries()) expect(insert.find((h) => h.keyHash === personKeyHash(key, 'email', e))).toMatchObject({ reason: reasons[i], createdAt: '2025-01-01T00:00:00.000Z' });
        // erasing again adds nothing
        const again = rewriteSuppressions([...left, ...insert.map((h, i) => row(100 + i, { key_hash: h.keyHash, reason: h.reason }))], person, key, '2025-07-02T00:00:00.000Z');
        expect(again).toEqual({ deleteIds: [], insert: [] });
      }),
    );
  });
});

describe('an action of an erased person', () => {
  const statuses = ['pending', 'running', 'awaiting_person', 'sent', 'skipped', 'failed', 'expired', 'cancelled'];
  it('keeps no text, address, URL, findings, error or external id; keeps its length; open ones are cancelled', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.option(fc.string(), { nil: null }), fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), (status, subject, body) => {
        const patch = erasedActionPatch({ id: 'a', status, subject, body, text_length: null, lease_until: null }, '2025-07-01T00:00:00.000Z');
        expect(patch).toMatchObject({ subject: null, body: null, email: null, profile_url: null, lint: null, external_id: null });
        expect(patch.text_length).toBe(body === null ? null : codePointLength(subject) + codePointLength(body));
        const open = ['pending', 'running', 'awaiting_person'].includes(status);
        expect('status' in patch && patch.status).toBe(open ? 'cancelled' : false);
        expect(patch.last_error).toBe(open ? 'erased' : null);
        // erasing an erased action keeps the length it kept
        const twice = erasedActionPatch({ id: 'a', status: open ? 'cancelled' : status, subject: null, body: null, text_length: patch.text_length, lease_until: null }, '2025-07-02T00:00:00.000Z');
        expect(twice.text_length).toBe(patch.text_length);
      }),
    );
  });
});
