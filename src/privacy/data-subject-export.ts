import type { Candidate } from '../candidates/candidate.ts';
import type { CandidateNote } from '../candidates/candidate-note.ts';
import type { CandidateOutreachHistory } from '../outreach/enrollment/candidate-outreach-history-store.ts';
import type { SuppressionEntry } from '../outreach/enrollment/suppression.ts';
import { describeSource, type CandidateSourceRecord } from './data-source.ts';
import { lawfulBasisLabels, type StoredPrivacySettings } from './privacy-settings.ts';

/**
 * Everything Scoutline holds about one person, as one JSON document (a
 * data-subject access request, GDPR art. 15): the profile, where it came
 * from and when, the lawful basis the workspace declares, notes, every
 * campaign with the messages planned or sent and what happened, outcomes,
 * ranking verdicts, suppression entries and retention flags. Pure: the store
 * (data-subject-export-store.ts) gathers the parts.
 */
export const exportFormat = 'scoutline.data-subject-export';
export const exportVersion = 1;

export interface ExportParts {
  workspace: { id: string; name: string };
  privacy: StoredPrivacySettings;
  candidate: Candidate;
  sources: CandidateSourceRecord[];
  notes: CandidateNote[];
  outreach: CandidateOutreachHistory;
  rankingExamples: Array<{ roleId: string; kind: string; label: string; fitSignals: Record<string, number>; replySignals: Record<string, number>; createdAt: string }>;
  suppressions: SuppressionEntry[];
  /** on the list through the hashed address of someone erased before */
  suppressedAsErased: boolean;
  retentionFlag: { flaggedAt: string; lastActivityAt: string } | null;
}

export function buildDataSubjectExport(parts: ExportParts, exportedAt: string) {
  const { candidate, privacy } = parts;
  return {
    // the literals, not string and number: a reader of the file keys on them
    format: exportFormat as typeof exportFormat,
    version: exportVersion as typeof exportVersion,
    exportedAt,
    about: `Everything the ${parts.workspace.name} workspace of Scoutline holds about ${candidate.name || `candidate #${candidate.id}`}.`,
    controller: {
      workspace: parts.workspace.name,
      lawfulBasis: privacy.lawfulBasis,
      lawfulBasisText: privacy.lawfulBasis ? lawfulBasisLabels[privacy.lawfulBasis] : 'not declared by the workspace',
      lawfulBasisNote: privacy.lawfulBasisNote,
      privacyNoticeUrl: privacy.privacyNoticeUrl,
      retention: privacy.retention.months === null ? 'no retention period set' : `${privacy.retention.action === 'erase' ? 'erased' : 'reviewed'} after ${privacy.retention.months} months without activity`,
    },
    profile: candidate,
    sources: {
      firstRecorded: { source: candidate.source, at: candidate.importedAt },
      lastChanged: candidate.updatedAt,
      records: parts.sources.map((r) => ({ description: describeSource(r.source), outcome: r.outcome, at: r.at, kind: r.source.kind, format: r.source.format, via: r.source.via, label: r.source.label, fileName: r.source.fileName, by: r.source.actor })),
    },
    // the authors are the workspace's members: named, their accounts are not part of this person's data
    notes: parts.notes.map((n) => ({ text: n.text, writtenAt: n.createdAt, writtenBy: n.author?.name ?? null })),
    outreach: { campaigns: parts.outreach.enrollments, outcomes: parts.outreach.outcomes },
    rankingExamples: parts.rankingExamples,
    suppression: {
      suppressed: parts.suppressions.length > 0 || parts.suppressedAsErased,
      entries: parts.suppressions.map((s) => ({ reason: s.reason, note: s.note, since: s.createdAt, by: entryKey(s) })),
      matchesAnErasedPerson: parts.suppressedAsErased,
    },
    retention: parts.retentionFlag,
  };
}

/** What a suppression entry matches the person by. */
function entryKey(s: SuppressionEntry): 'email' | 'profile URL' | 'candidate id' {
  return s.email ? 'email' : s.profileUrl ? 'profile URL' : 'candidate id';
}

export type DataSubjectExport = ReturnType<typeof buildDataSubjectExport>;

/** The download's file name: the id only, never the name (it lands in download folders and browser history). */
export function exportFileName(candidateId: number, exportedAt: string): string {
  return `scoutline-candidate-${candidateId}-${exportedAt.slice(0, 10)}.json`;
}
