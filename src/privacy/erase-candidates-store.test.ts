import { expect, it } from 'vitest';
import { analyticsReport } from '../analytics/analytics-report.ts';
import { loadAnalyticsLog } from '../analytics/analytics-store.ts';
import { getCandidate, normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { listCandidateNotes } from '../candidates/candidate-notes-store.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { addCandidatesToCampaign } from '../outreach/campaigns/add-campaign-candidates-store.ts';
import { candidateOutreachHistory } from '../outreach/enrollment/candidate-outreach-history-store.ts';
import { listSuppressions, loadSuppressionIndex } from '../outreach/enrollment/suppression-store.ts';
import { isSuppressed } from '../outreach/enrollment/suppression.ts';
import { searchCandidates } from '../search-request/search-candidates.ts';
import { compactDatabase } from './compact-store.ts';
import { eraseCandidates } from './erase-candidates-store.ts';
import { other, person, personNamed, personNeedles, seedPrivacyScenario } from './privacy-test-setup.ts';
import { findTraces } from './trace-search-store.ts';

const ws = 'default';

describeEachBackend('erasing a candidate', (getStore) => {
  it('leaves no trace of their name, emails, URL or phone in any table or column, keeps the numbers, and keeps them suppressed', async () => {
    const store = getStore();
    const s = await seedPrivacyScenario(store, ws);
    // the person really is everywhere before
    const before = await findTraces(store, personNeedles);
    const tablesBefore = new Set(before.map((t) => t.table));
    for (const t of ['candidates', 'candidate_emails', 'candidate_notes', 'outreach_actions', 'outreach_enrollments', 'outreach_suppressions']) expect(tablesBefore, t).toContain(t);
    const reportsBefore = await Promise.all(s.campaignIds.map(async (campaignId) => analyticsReport(await loadAnalyticsLog(store, ws, { campaignId }))));
    const whole = analyticsReport(await loadAnalyticsLog(store, ws));

    const summary = await eraseCandidates(store, ws, [s.personId], { now: '2025-07-01T00:00:00.000Z' });
    expect(summary.erased).toEqual([s.personId]);

    expect(await findTraces(store, personNeedles)).toEqual([]);
    // the other person is whole
    const kept = await getCandidate(store, ws, s.otherId);
    expect(kept.emails).toEqual(other.emails);
    expect((await listCandidateNotes(store, ws, s.otherId)).map((n) => n.text)).toEqual(['Spoke to Ottoline Brackenbury on the phone']);
    expect((await candidateOutreachHistory(store, ws, s.otherId)).enrollments.flatMap((e) => e.actions).some((a) => (a.body ?? '').includes('Ottoline'))).toBe(true);
    expect((await findTraces(store, ['ottoline.brackenbury@example.org'])).length).toBeGreaterThan(0);
    await expect(getCandidate(store, ws, s.personId)).rejects.toMatchObject({ code: 'not_found' });
    expect((await searchCandidates(store, { workspaceId: ws, query: 'zebulon' })).total).toBe(0);

    // sent, accepted, replied and cost per reply are what they were, per campaign and overall
    const reportsAfter = await Promise.all(s.campaignIds.map(async (campaignId) => analyticsReport(await loadAnalyticsLog(store, ws, { campaignId }))));
    expect(reportsAfter).toEqual(reportsBefore);
    expect(analyticsReport(await loadAnalyticsLog(store, ws))).toEqual(whole);
    // and they are not trivially equal: the erased person's reply and InMail are in them
    expect(reportsAfter[0].funnel[0].stages.find((x) => x.key === 'replied')?.count).toBe(2);
    expect(reportsAfter[2].channels).toEqual([expect.objectContaining({ channel: 'inmail', sent: 2, replied: 1, creditsSpent: 2, creditsRefunded: 1, costPerReply: 5.67 })]);
    expect(reportsAfter[2].length.reduce((n, b) => n + b.sent, 0)).toBe(2);

    // the suppression list holds hashes only, and the opt-out keeps its reason and date
    const list = await listSuppressions(store, ws);
    expect(list.every((e) => e.email === null && e.profileUrl === null && e.candidateId === null && e.note === '')).toBe(true);
    expect(list.map((e) => e.reason).sort()).toEqual(['erased', 'erased', 'opted_out']);
    expect(list.find((e) => e.reason === 'opted_out')?.createdAt).toBe('2025-06-06T00:00:00.000Z');

    // the same person imported again (another case, a URL without www) is recognised and never contacted
    const again = await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'Zeb', lastName: 'Q', profileUrl: 'https://linkedin.com/in/Zebulon-Quillfeather-42/' })]);
    const byMail = await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'Z', emails: [person.emails[1].toUpperCase()] })]);
    const newcomer = await upsertCandidates(store, ws, [normaliseCandidateInput({ firstName: 'New', lastName: 'Person', emails: ['new.person@example.org'] })]);
    const index = await loadSuppressionIndex(store.db, ws);
    expect(isSuppressed(index, { candidateId: again.outcomes[0].id, emails: [], profileUrl: 'https://linkedin.com/in/Zebulon-Quillfeather-42/' })).toBe(true);
    const added = await addCandidatesToCampaign(store, ws, s.campaignIds[0], [again.outcomes[0].id, byMail.outcomes[0].id, newcomer.outcomes[0].id], { now: '2025-07-02T00:00:00.000Z' });
    expect(added.skipped).toEqual([
      { candidateId: again.outcomes[0].id, reason: 'suppressed' },
      { candidateId: byMail.outcomes[0].id, reason: 'suppressed' },
    ]);
  });

  it('refuses an unknown candidate and one whose message a worker is sending right now, changing nothing', async () => {
    const store = getStore();
    await expect(eraseCandidates(store, ws, [987_654_321])).rejects.toMatchObject({ code: 'not_found' });
    const busy = personNamed('Bartholomew', 'Inflight');
    const s = await seedPrivacyScenario(store, ws, 'busy', { person: busy, other: personNamed('Cornelia', 'Waiting') });
    const action = await store.db.selectFrom('outreach_actions').select('id').where('candidate_id', '=', s.personId).executeTakeFirstOrThrow();
    await store.db.updateTable('outreach_actions').set({ status: 'running', lease_until: '2025-07-01T00:05:00.000Z', claimed_by: 'w1' }).where('id', '=', action.id).execute();
    await expect(eraseCandidates(store, ws, [s.personId], { now: '2025-07-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await getCandidate(store, ws, s.personId)).emails).toEqual(busy.emails);
    // once the lease ran out (the worker died), erasure cancels the action
    const done = await eraseCandidates(store, ws, [s.personId], { now: '2025-07-01T00:06:00.000Z' });
    expect(done.actionsCancelled).toBeGreaterThan(0);
    const row = await store.db.selectFrom('outreach_actions').select(['status', 'body']).where('id', '=', action.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', body: null });
  });
});

it('SQLite: after erasure and compaction neither the database file nor its write-ahead log holds the person', async () => {
  const { mkdtempSync, readFileSync, rmSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { openDatabase } = await import('../db/open-database.ts');
  const dir = mkdtempSync(join(tmpdir(), 'scoutline-erase-file-'));
  const file = join(dir, 'erase.db');
  const store = await openDatabase(file);
  try {
    const s = await seedPrivacyScenario(store, ws);
    const bytes = () => [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1').toLowerCase()).join('\n');
    const found = () => personNeedles.filter((n) => bytes().includes(n));
    expect(found().length).toBeGreaterThan(0);
    await eraseCandidates(store, ws, [s.personId]);
    // older copies of their rows from earlier updates can be left in free page space until the file is rebuilt
    await compactDatabase(store);
    expect(found()).toEqual([]);
    expect(bytes()).toContain('ottoline');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
