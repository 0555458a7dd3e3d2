import { expect, it } from 'vitest';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import type { StructuredLog } from '../outreach/delivery/structured-log.ts';
import { loadPrivacySettings, parsePrivacySettings, savePrivacySettings } from './privacy-settings-store.ts';
import { listRetentionFlags } from './retention-store.ts';
import { applyDueRetention, scheduledBy, startRetentionSchedule } from './retention-schedule.ts';

const ws = 'default';
const old = '2024-01-10T00:00:00.000Z';

function recordingLog(): { log: StructuredLog; lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
  return { lines, log: (level, msg, fields) => void lines.push({ level, msg, fields }) };
}

describeEachBackend('scheduled retention (the worker applies a scheduled policy once a UTC day)', (getStore) => {
  it('leaves an unscheduled policy alone, applies a scheduled one once a UTC day, and records who ran it', async () => {
    const store = getStore();
    const [idle, second] = (await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'Idle', lastName: 'Sched', emails: ['idle@sched.example'] }), normaliseCandidateInput({ firstName: 'Second', lastName: 'Sched', emails: ['second@sched.example'] })], old)).outcomes.map((o) => o.id);
    const { log, lines } = recordingLog();

    await savePrivacySettings(store, ws, parsePrivacySettings({ retention: { months: 12, action: 'flag', schedule: false } }));
    expect(await applyDueRetention(store, '2026-06-15T08:00:00.000Z', log)).toEqual([]);
    expect((await listRetentionFlags(store, ws, 100)).total).toBe(0);

    await savePrivacySettings(store, ws, parsePrivacySettings({ retention: { months: 12, action: 'flag', schedule: true } }));
    const first = await applyDueRetention(store, '2026-06-15T08:00:00.000Z', log);
    expect(first).toEqual([{ workspaceId: ws, flagged: expect.any(Number), erased: 0, skipped: 0 }]);
    const flagged = (await listRetentionFlags(store, ws, 1000)).flags.map((f) => f.candidateId);
    expect(flagged).toEqual(expect.arrayContaining([idle, second]));
    const run = (await loadPrivacySettings(store.db, ws)).lastRetentionRun;
    expect(run).toMatchObject({ at: '2026-06-15T08:00:00.000Z', by: scheduledBy, action: 'flag', flagged: first[0].flagged });
    // counts only in the log: the people are in the audit log by id
    expect(lines.find((l) => l.msg === 'retention applied')?.fields).toMatchObject({ workspaceId: ws, action: 'flag', flagged: first[0].flagged });
    expect(JSON.stringify(lines)).not.toMatch(/Idle|Second|sched\.example/);

    // later the same UTC day: not again; the next UTC day: again
    expect(await applyDueRetention(store, '2026-06-15T23:59:59.000Z', log)).toEqual([]);
    expect(await applyDueRetention(store, '2026-06-16T00:00:01.000Z', log)).toHaveLength(1);
    expect((await loadPrivacySettings(store.db, ws)).lastRetentionRun?.at).toBe('2026-06-16T00:00:01.000Z');
  });

  it('two workers checking at the same moment apply the day once', async () => {
    const store = getStore();
    await savePrivacySettings(store, ws, parsePrivacySettings({ retention: { months: 12, action: 'flag', schedule: true } }));
    const { log } = recordingLog();
    const at = '2026-07-01T06:00:00.000Z';
    const runs = await Promise.all([applyDueRetention(store, at, log), applyDueRetention(store, at, log), applyDueRetention(store, at, log)]);
    expect(runs.flat()).toHaveLength(1);
    expect((await loadPrivacySettings(store.db, ws)).lastRetentionRun?.at).toBe(at);
  });

  it('the schedule checks at start and can be stopped; a failing check is logged, never thrown', async () => {
    const store = getStore();
    await savePrivacySettings(store, ws, parsePrivacySettings({ retention: { months: 12, action: 'flag', schedule: true } }));
    const out: string[] = [];
    const handle = startRetentionSchedule(store, { log: (line) => out.push(line), intervalSeconds: 3600, now: () => '2026-08-01T06:00:00.000Z' });
    await handle.stop();
    expect(out.map((l) => JSON.parse(l) as { msg: string }).map((l) => l.msg)).toContain('retention applied');
    expect((await loadPrivacySettings(store.db, ws)).lastRetentionRun?.at).toBe('2026-08-01T06:00:00.000Z');

    const failing = { ...store, db: new Proxy(store.db, { get: (t, p) => (p === 'selectFrom' ? () => { throw new Error('database gone'); } : Reflect.get(t, p)) }) } as typeof store;
    const errors: string[] = [];
    const broken = startRetentionSchedule(failing, { log: (line) => errors.push(line), now: () => '2026-08-02T06:00:00.000Z' });
    await broken.stop();
    expect(errors.map((l) => JSON.parse(l) as { level: string; msg: string })).toEqual([expect.objectContaining({ level: 'error', msg: 'retention check failed' })]);
  });
});
