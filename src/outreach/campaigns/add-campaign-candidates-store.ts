import type { Candidate } from '../../candidates/candidate.ts';
import { getCandidatesByIds } from '../../candidates/candidate-store.ts';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import { loadRankingModel } from '../../ranking/ranking-store.ts';
import type { RankingModel } from '../../ranking/ranking-model.ts';
import type { RoleProfile } from '../../ranking/role-profile.ts';
import { listSeatsOn } from '../../seats/seat-store.ts';
import type { Seat } from '../../seats/seat.ts';
import type { CampaignStatus, CampaignSummary } from './campaign.ts';
import { getCampaign, getCampaignRow, rowToCampaign } from './campaign-store.ts';
import { enrollCandidates } from '../enrollment/enroll-candidates-store.ts';
import { isSuppressed } from '../enrollment/suppression.ts';
import { loadSuppressionIndex } from '../enrollment/suppression-store.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';

/**
 * Adds candidates to an existing campaign (the UI's "Add to campaign" with
 * an existing campaign). A draft or paused campaign gets them as queued
 * enrollments for its launch or resume; a running one enrolls them as queued
 * now, so day 1 of their sequence is today. Candidates already enrolled in
 * the campaign (in any state) or on the suppression list are skipped and
 * reported with the reason; an unknown id refuses the whole request. All in
 * one write transaction: nothing is half-written.
 */
export type SkipReason = 'already_enrolled' | 'suppressed';

export interface AddCandidatesResult {
  campaignId: string;
  added: number[];
  skipped: Array<{ candidateId: number; reason: SkipReason }>;
  campaign: CampaignSummary;
}

const acceptsCandidates: CampaignStatus[] = ['draft', 'running', 'paused'];

export async function addCandidatesToCampaign(
  store: Store,
  workspaceId: string,
  campaignId: string,
  candidateIds: readonly number[],
  opts: { now?: string; model?: RankingModel } = {},
): Promise<AddCandidatesResult> {
  const now = opts.now ?? new Date().toISOString();
  const ids = [...new Set(candidateIds)];
  if (ids.length === 0) throw new AppError('invalid_input', 'candidateIds: give at least one candidate id');
  const model = opts.model ?? (await loadRankingModel(store, workspaceId));
  const result = await withWriteTransaction(store, async (trx) => {
    const campaign = rowToCampaign(await getCampaignRow(trx, workspaceId, campaignId));
    if (!acceptsCandidates.includes(campaign.status)) throw new AppError('invalid_transition', `a ${campaign.status} campaign takes no new candidates`, { status: campaign.status });
    const candidates = await getCandidatesByIds({ db: trx }, workspaceId, ids);
    const missing = ids.filter((id) => !candidates.has(id));
    if (missing.length) throw new AppError('not_found', `candidates not found: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`, { missing: missing.slice(0, 100) });
    const enrolled = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx.selectFrom('outreach_enrollments').select('candidate_id').where('campaign_id', '=', campaignId).where('candidate_id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) enrolled.add(Number(r.candidate_id));
    }
    const suppression = await loadSuppressionIndex(trx, workspaceId);
    const skipped: AddCandidatesResult['skipped'] = [];
    const toAdd: Candidate[] = [];
    for (const id of ids) {
      const c = candidates.get(id)!;
      if (enrolled.has(id)) skipped.push({ candidateId: id, reason: 'already_enrolled' });
      else if (isSuppressed(suppression, { candidateId: id, emails: c.emails, profileUrl: c.profileUrl })) skipped.push({ candidateId: id, reason: 'suppressed' });
      else toAdd.push(c);
    }
    if (toAdd.length === 0) return { added: [], skipped };
    const seats: Seat[] = [];
    for (const seatId of campaign.seatIds) {
      const seat = (await listSeatsOn(trx, workspaceId, { seatIds: [seatId] }))[0];
      if (!seat) throw new AppError('not_found', `seat '${seatId}' of campaign '${campaignId}' does not exist`, { seatId });
      seats.push(seat);
    }
    // seats keep taking candidates in turn, continuing after the ones already enrolled
    const { n } = await trx.selectFrom('outreach_enrollments').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
    const role = (campaign.role ?? null) as RoleProfile | null;
    const sourceQuery = campaign.source.kind === 'query' ? campaign.source.query : null;
    await enrollCandidates(trx, { workspaceId, campaignId, seats, candidates: toAdd, role, model, now, sourceQuery, firstTurn: Number(n) });
    await trx.updateTable('outreach_campaigns').set({ updated_at: now }).where('id', '=', campaignId).execute();
    return { added: toAdd.map((c) => c.id), skipped };
  });
  return { campaignId, ...result, campaign: await getCampaign(store, workspaceId, campaignId) };
}
