import { requireCandidate } from '../candidates/candidate-store.ts';
import type { Store } from '../db/open-database.ts';
import { isSuppressedByHash } from '../outreach/enrollment/suppression.ts';
import { loadSuppressionIndex } from '../outreach/enrollment/suppression-store.ts';
import { describeSource } from './data-source.ts';
import { listCandidateSources } from './data-source-store.ts';
import { lawfulBasisLabels, type LawfulBasis } from './privacy-settings.ts';
import { loadPrivacySettings } from './privacy-settings-store.ts';
import { retentionFlagOf } from './retention-store.ts';

/** What the candidate page shows under Privacy: where the data came from and when, the lawful basis, a retention flag, a match with someone erased. */
export interface CandidatePrivacy {
  candidateId: number;
  firstRecorded: { source: string; at: string };
  sources: Array<{ description: string; kind: string; format: string; via: string; label: string; fileName: string | null; by: string; outcome: string; at: string }>;
  lawfulBasis: LawfulBasis | null;
  lawfulBasisText: string | null;
  lawfulBasisNote: string;
  privacyNoticeUrl: string | null;
  retentionFlag: { flaggedAt: string; lastActivityAt: string } | null;
  suppressedAsErased: boolean;
}

export async function candidatePrivacy(store: Store, workspaceId: string, candidateId: number): Promise<CandidatePrivacy> {
  await requireCandidate(store, workspaceId, candidateId);
  const c = await store.db.selectFrom('candidates').select(['source', 'imported_at', 'emails', 'profile_url']).where('id', '=', candidateId).executeTakeFirstOrThrow();
  const settings = await loadPrivacySettings(store.db, workspaceId);
  const sources = await listCandidateSources(store.db, workspaceId, candidateId);
  return {
    candidateId,
    firstRecorded: { source: c.source, at: c.imported_at },
    sources: sources.map((r) => ({ description: describeSource(r.source), kind: r.source.kind, format: r.source.format, via: r.source.via, label: r.source.label, fileName: r.source.fileName, by: r.source.actor, outcome: r.outcome, at: r.at })),
    lawfulBasis: settings.lawfulBasis,
    lawfulBasisText: settings.lawfulBasis ? lawfulBasisLabels[settings.lawfulBasis] : null,
    lawfulBasisNote: settings.lawfulBasisNote,
    privacyNoticeUrl: settings.privacyNoticeUrl,
    retentionFlag: await retentionFlagOf(store, workspaceId, candidateId),
    suppressedAsErased: isSuppressedByHash(await loadSuppressionIndex(store.db, workspaceId), { emails: JSON.parse(c.emails) as string[], profileUrl: c.profile_url }),
  };
}
