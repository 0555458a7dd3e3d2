import type { ScoutlineApp } from '../app-env.ts';
import { addCandidatesToCampaign } from '../../outreach/campaigns/add-campaign-candidates-store.ts';
import { requireWorkableCampaign } from '../../outreach/campaigns/campaign-work-guard-store.ts';
import { callerOf } from '../request-audit.ts';
import { addCampaignCandidatesRoute } from '../../api-contract/campaign-candidate-contract.ts';

/** POST /api/campaigns/{id}/candidates: add candidates to an existing campaign. Thin over src/outreach/campaigns/add-campaign-candidates-store.ts. */
export function registerCampaignCandidateRoutes(app: ScoutlineApp): void {
  app.openapi(addCampaignCandidatesRoute, async (c) => {
    const { id } = c.req.valid('param');
    await requireWorkableCampaign(c.get('store'), c.get('workspaceId'), callerOf(c), id);
    return c.json(await addCandidatesToCampaign(c.get('store'), c.get('workspaceId'), id, c.req.valid('json').candidateIds), 200);
  });
}
