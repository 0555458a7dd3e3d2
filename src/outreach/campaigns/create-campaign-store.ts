import type { Store } from '../../db/open-database.ts';
import { loadRankingModel, getRole } from '../../ranking/ranking-store.ts';
import { campaignInputSchema, type CampaignSummary } from './campaign.ts';
import { resolveCampaignSource } from './campaign-source-store.ts';
import { createCampaign, setCampaignStatus, type CreateCampaignOptions } from './campaign-store.ts';
import { AppError } from '../../core/app-error.ts';
import { zodIssuesToAppError } from '../../core/zod-issues.ts';

/**
 * Creating a campaign from a request (CLI or API): validates it, resolves
 * the saved role and the candidate source (search, list, file ids), takes
 * the workspace's learned ranking model for priorities, creates it and
 * optionally launches it.
 */
export async function createCampaignFromRequest(
  store: Store,
  workspaceId: string,
  raw: unknown,
  opts: { launch?: boolean; now?: string; inTransaction?: CreateCampaignOptions['inTransaction'] } = {},
): Promise<CampaignSummary> {
  const parsed = campaignInputSchema.safeParse(raw);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'campaign');
  const input = parsed.data;
  const savedRole = input.roleId && !input.role ? await getRole(store, workspaceId, input.roleId) : null;
  const candidateIds = await resolveCampaignSource(store, workspaceId, input.source);
  if (candidateIds.length === 0) throw new AppError('invalid_input', 'the campaign source names no candidates');
  const model = await loadRankingModel(store, workspaceId);
  const created = await createCampaign(store, workspaceId, input, { candidateIds, savedRole, model, now: opts.now, inTransaction: opts.inTransaction });
  return opts.launch ? setCampaignStatus(store, workspaceId, created.id, 'running', opts.now) : created;
}
