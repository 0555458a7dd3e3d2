import { expect, it } from 'vitest';
import { importCandidates } from '../candidates/import-candidates.ts';
import { normaliseCandidateInput } from '../candidates/candidate-store.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { exportCandidateData } from './data-subject-export-store.ts';
import { exportFormat } from './data-subject-export.ts';
import { parsePrivacySettings, savePrivacySettings } from './privacy-settings-store.ts';
import { person, seedPrivacyScenario } from './privacy-test-setup.ts';

const ws = 'default';

describeEachBackend('data-subject export', (getStore) => {
  it("holds everything about the person (profile, sources, basis, notes, campaigns with the texts, outcomes, verdicts, suppression) and nothing about anyone else", async () => {
    const store = getStore();
    const s = await seedPrivacyScenario(store, ws);
    await savePrivacySettings(store, ws, parsePrivacySettings({ lawfulBasis: 'legitimate_interest', lawfulBasisNote: 'LIA 2026-01', privacyNoticeUrl: 'https://example.com/privacy', retention: { months: 18, action: 'flag' } }));
    await importCandidates(store, ws, [{ line: 2, input: normaliseCandidateInput({ firstName: person.firstName, lastName: person.lastName, emails: [person.emails[0]], source: 'linkedin-export' }) }], {
      provenance: { kind: 'import', format: 'csv', via: 'cli', label: 'linkedin-export', fileName: 'march.csv', actor: 'local cli (ana)' },
      now: '2025-08-01T00:00:00.000Z',
    });

    const x = await exportCandidateData(store, ws, s.personId, '2025-08-02T00:00:00.000Z');
    expect(x).toMatchObject({ format: exportFormat, version: 1, exportedAt: '2025-08-02T00:00:00.000Z' });
    expect(x.controller).toMatchObject({ lawfulBasis: 'legitimate_interest', lawfulBasisNote: 'LIA 2026-01', privacyNoticeUrl: 'https://example.com/privacy', retention: 'reviewed after 18 months without activity' });
    expect(x.profile).toMatchObject({ id: s.personId, emails: person.emails, profileUrl: person.profileUrl, phones: [person.phone] });
    expect(x.sources.firstRecorded).toEqual({ source: 'manual', at: '2025-05-01T00:00:00.000Z' });
    expect(x.sources.records).toEqual([expect.objectContaining({ description: 'CSV import of march.csv via the CLI by local cli (ana), 2025-08-01', outcome: 'unchanged' })]);
    expect(x.notes.map((n) => n.text)).toEqual([expect.stringContaining('Spoke to Zebulon Quillfeather')]);
    expect(x.outreach.campaigns).toHaveLength(3);
    const bodies = x.outreach.campaigns.flatMap((c) => c.actions.map((a) => a.body ?? ''));
    expect(bodies.some((b) => b.includes('Hi Zebulon'))).toBe(true);
    expect(x.outreach.outcomes.map((o) => o.kind).sort()).toEqual(['accepted', 'replied', 'replied']);
    // the recruiter's verdict and what the model learned from each outcome
    expect(x.rankingExamples.map((e) => `${e.kind}:${e.label}`)).toEqual(['feedback:shortlist', 'outcome:accepted', 'outcome:replied', 'outcome:replied']);
    expect(x.rankingExamples[0].fitSignals).toEqual({ skills: 0.8 });
    expect(x.suppression).toEqual({ suppressed: true, entries: [{ reason: 'opted_out', note: 'Zebulon asked not to hear from us again', since: '2025-06-06T00:00:00.000Z', by: 'email' }], matchesAnErasedPerson: false });
    const text = JSON.stringify(x).toLowerCase();
    expect(text).not.toContain('ottoline');
    expect(text).not.toContain('brackenbury');
    await expect(exportCandidateData(store, ws, 987_654_321)).rejects.toMatchObject({ code: 'not_found' });
  });
});
