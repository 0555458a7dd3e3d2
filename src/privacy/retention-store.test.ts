import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../access/audit-store.ts';
import { addCandidateNote } from '../candidates/candidate-notes-store.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { importCandidates } from '../candidates/import-candidates.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { applyOutcome } from '../outreach/enrollment/apply-outcome-store.ts';
import { createCampaign } from '../outreach/campaigns/campaign-store.ts';
import { addSeat } from '../seats/seat-store.ts';
import { demoProvenance } from './data-source.ts';
import { parsePrivacySettings, savePrivacySettings } from './privacy-settings-store.ts';
import { isAffected, planRetention, retentionCutoff, retentionDue, type CandidateActivity } from './retention-policy.ts';
import { applyRetention, listRetentionFlags, retentionDryRun, type AuditWriter } from './retention-store.ts';

const ws = 'default';
const now = '2026-06-15T12:00:00.000Z';
const old = '2024-01-10T00:00:00.000Z';
const audit: AuditWriter = (db, e) => appendAudit(db, { workspaceId: ws, actorUserId: null, actor: 'test', via: 'system', ...e }, now);

describeEachBackend('retention policy', (getStore) => {
  it('affects only candidates with no activity of any kind for N months, flags them, lifts flags on activity, and erases them when told', async () => {
    const store = getStore();
    const make = async (first: string, at: string) => (await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: first, lastName: 'Keep', emails: [`${first.toLowerCase()}@ret.example`] })], at)).outcomes[0].id;
    const idle = await make('Idle', old);
    const noted = await make('Noted', old);
    const enrolled = await make('Enrolled', old);
    const reimported = await make('Reimported', old);
    const fresh = await make('Fresh', '2026-05-01T00:00:00.000Z');
    const answered = await make('Answered', old);
    await addCandidateNote(store, ws, noted, { text: 'called back' }, '2026-04-01T00:00:00.000Z');
    await addSeat(store, ws, { id: 'ret-seat', name: 'Ret', timeZone: 'UTC' }, old);
    const cmp = await createCampaign(store, ws, { name: 'ret', seatIds: ['ret-seat'], source: { kind: 'ids', ids: [enrolled, answered] } }, { candidateIds: [enrolled, answered], now: old });
    await applyOutcome(store, ws, { candidateId: answered, campaignId: cmp.id, kind: 'replied', replyKind: 'positive', at: '2026-03-01T00:00:00.000Z', source: 'api' });
    // a later import that only re-sends the same record counts: the data was received again
    await importCandidates(store, ws, [{ line: 1, input: normaliseCandidateInput({ firstName: 'Reimported', lastName: 'Keep', emails: ['reimported@ret.example'] }) }], { provenance: demoProvenance, now: '2026-02-01T00:00:00.000Z' });

    const policy = { months: 12, action: 'flag' as const, schedule: false };
    const dry = await retentionDryRun(store, ws, policy, now);
    expect(dry.cutoff).toBe('2025-06-15T12:00:00.000Z');
    // `enrolled` is idle too but still in an active sequence
    expect(dry.affected.map((c) => [c.id, c.name, c.lastActivityAt])).toEqual([[idle, 'Idle Keep', old]]);
    expect(dry.affected.some((c) => [noted, enrolled, reimported, fresh, answered].includes(c.id))).toBe(false);

    await expect(applyRetention(store, ws, { now, by: 'test', audit })).rejects.toMatchObject({ code: 'invalid_input' });
    await savePrivacySettings(store, ws, parsePrivacySettings({ retention: policy }));
    const flagged = await applyRetention(store, ws, { now, by: 'test', audit });
    expect(flagged).toMatchObject({ action: 'flag', flagged: 1, erased: 0 });
    expect((await listRetentionFlags(store, ws)).flags).toEqual([{ candidateId: idle, name: 'Idle Keep', flaggedAt: now, lastActivityAt: old }]);

    // activity lifts the flag at the next run
    await addCandidateNote(store, ws, idle, { text: 'still interested' }, '2026-06-16T00:00:00.000Z');
    const lifted = await applyRetention(store, ws, { now: '2026-06-17T00:00:00.000Z', by: 'test', audit });
    expect(lifted).toMatchObject({ flagged: 0, unflagged: 1 });
    expect((await listRetentionFlags(store, ws)).total).toBe(0);

    // erase: only the idle one goes, each erasure audited without their data
    await savePrivacySettings(store, ws, parsePrivacySettings({ retention: { months: 1, action: 'erase' } }));
    const later = '2026-09-01T00:00:00.000Z';
    const expected = (await retentionDryRun(store, ws, { months: 1, action: 'erase', schedule: false }, later)).affected.map((c) => c.id);
    expect(expected).toContain(idle);
    expect(expected).not.toContain(enrolled);
    const erased = await applyRetention(store, ws, { now: later, by: 'test', audit });
    expect(erased.erased).toBe(expected.length);
    const left = await store.db.selectFrom('candidates').select('id').where('last_name', '=', 'Keep').execute();
    expect(left.map((r) => Number(r.id)).sort()).toEqual([noted, enrolled, reimported, fresh, answered].filter((id) => !expected.includes(id)).sort());
    const entries = await store.db.selectFrom('audit_log').select(['action', 'target', 'details']).where('workspace_id', '=', ws).orderBy('id').execute();
    expect(entries.filter((e) => e.action === 'candidate_deleted').map((e) => e.target).sort()).toEqual(expected.map((id) => `candidate:${id}`).sort());
    expect(entries.filter((e) => e.action === 'retention_applied')).toHaveLength(3);
    expect(entries.map((e) => e.details).join(' ')).not.toMatch(/Idle|ret\.example/);
    expect((await store.db.selectFrom('workspaces').select('settings').where('id', '=', ws).executeTakeFirstOrThrow()).settings).toContain('"lastRetentionRun"');
  });
});

describe('the retention rule', () => {
  const iso = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2027-01-01') }).map((t) => new Date(t).toISOString());
  const activity = fc.record({ id: fc.nat(), name: fc.string(), lastActivityAt: iso, inActiveSequence: fc.boolean(), flaggedAt: fc.option(iso, { nil: null }) });
  it('affects exactly the idle people outside active sequences, oldest first, and lifts the other flags', () => {
    fc.assert(
      fc.property(fc.uniqueArray(activity, { selector: (a) => a.id, maxLength: 30 }), fc.integer({ min: 1, max: 120 }), iso, (people: CandidateActivity[], months, at) => {
        const plan = planRetention({ months, action: 'flag', schedule: false }, at, people);
        const cutoff = retentionCutoff(at, months);
        expect(cutoff < at).toBe(true);
        expect(new Set(plan.affected.map((p) => p.id))).toEqual(new Set(people.filter((p) => !p.inActiveSequence && p.lastActivityAt < cutoff).map((p) => p.id)));
        for (let i = 1; i < plan.affected.length; i++) expect(plan.affected[i - 1].lastActivityAt <= plan.affected[i].lastActivityAt).toBe(true);
        expect(new Set(plan.unflag)).toEqual(new Set(people.filter((p) => p.flaggedAt !== null && !isAffected(p, cutoff)).map((p) => p.id)));
        // a longer period never affects more people
        const longer = planRetention({ months: months + 1, action: 'flag', schedule: false }, at, people);
        expect(longer.affected.every((p) => plan.affected.some((q) => q.id === p.id))).toBe(true);
      }),
    );
  });

  it('counts months on the calendar and runs a scheduled policy once a UTC day', () => {
    expect(retentionCutoff('2026-03-31T10:00:00.000Z', 1)).toBe('2026-02-28T10:00:00.000Z');
    expect(retentionCutoff('2026-06-15T00:00:00.000Z', 24)).toBe('2024-06-15T00:00:00.000Z');
    const p = { months: 6, action: 'erase' as const, schedule: true };
    expect(retentionDue(p, null, '2026-01-02T00:00:00.000Z')).toBe(true);
    expect(retentionDue(p, '2026-01-02T00:00:01.000Z', '2026-01-02T23:59:00.000Z')).toBe(false);
    expect(retentionDue(p, '2026-01-01T23:59:00.000Z', '2026-01-02T00:00:00.000Z')).toBe(true);
    expect(retentionDue({ ...p, schedule: false }, null, '2026-01-02T00:00:00.000Z')).toBe(false);
    expect(retentionDue({ ...p, months: null }, null, '2026-01-02T00:00:00.000Z')).toBe(false);
  });
});
