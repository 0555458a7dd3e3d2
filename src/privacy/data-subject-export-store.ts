import { getCandidate } from '../candidates/candidate-store.ts';
import { listCandidateNotes } from '../candidates/candidate-notes-store.ts';
import type { Store } from '../db/open-database.ts';
import { candidateOutreachHistory } from '../outreach/enrollment/candidate-outreach-history-store.ts';
import { buildSuppressionIndex, isSuppressed, isSuppressedByHash } from '../outreach/enrollment/suppression.ts';
import { listSuppressions, loadSuppressionIndex } from '../outreach/enrollment/suppression-store.ts';
import { buildDataSubjectExport, type DataSubjectExport } from './data-subject-export.ts';
import { listCandidateSources } from './data-source-store.ts';
import { loadPrivacySettings } from './privacy-settings-store.ts';
import { retentionFlagOf } from './retention-store.ts';

/** Gathers one person's data for the export (not_found for an unknown id or another workspace's). */
export async function exportCandidateData(store: Store, workspaceId: string, candidateId: number, now: string = new Date().toISOString()): Promise<DataSubjectExport> {
  const candidate = await getCandidate(store, workspaceId, candidateId);
  const ws = await store.db.selectFrom('workspaces').select(['id', 'name']).where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const person = { candidateId, emails: candidate.emails, profileUrl: candidate.profileUrl };
  const examples = await store.db.selectFrom('ranking_examples').selectAll().where('workspace_id', '=', workspaceId).where('candidate_id', '=', candidateId).orderBy('id').execute();
  const suppressions = (await listSuppressions(store, workspaceId)).filter((s) => !s.keyHash && isSuppressed(buildSuppressionIndex([s]), person));
  return buildDataSubjectExport(
    {
      workspace: ws,
      privacy: await loadPrivacySettings(store.db, workspaceId),
      candidate,
      sources: await listCandidateSources(store.db, workspaceId, candidateId),
      notes: await listCandidateNotes(store, workspaceId, candidateId),
      outreach: await candidateOutreachHistory(store, workspaceId, candidateId),
      rankingExamples: examples.map((e) => ({ roleId: e.role_id, kind: e.kind, label: e.label, fitSignals: JSON.parse(e.fit_signals), replySignals: JSON.parse(e.reply_signals), createdAt: e.created_at })),
      suppressions,
      suppressedAsErased: isSuppressedByHash(await loadSuppressionIndex(store.db, workspaceId), person),
      retentionFlag: await retentionFlagOf(store, workspaceId, candidateId),
    },
    now,
  );
}
