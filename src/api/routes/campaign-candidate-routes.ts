import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { addCandidatesToCampaign } from '../../outreach/campaigns/add-campaign-candidates-store.ts';
import { requireWorkableCampaign } from '../../outreach/campaigns/campaign-work-guard-store.ts';
import { callerOf } from '../request-audit.ts';

/** POST /api/campaigns/{id}/candidates: add candidates to an existing campaign. Thin over src/outreach/campaigns/add-campaign-candidates-store.ts. */
export function registerCampaignCandidateRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/campaigns/{id}/candidates',
      tags: ['outreach'],
      summary: 'Add candidates to a draft, paused or running campaign (running: enrolled as queued now); enrolled or suppressed ones are skipped with the reason. A recruiter may only add to campaigns whose seats are all theirs',
      request: {
        params: z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) }),
        body: { content: { 'application/json': { schema: z.object({ candidateIds: z.array(z.number().int().positive()).min(1).max(10_000) }) } }, required: true },
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
                campaignId: z.string(),
                added: z.array(z.number()),
                skipped: z.array(z.object({ candidateId: z.number(), reason: z.enum(['already_enrolled', 'suppressed']) })),
                campaign: z.unknown().openapi({ description: 'the campaign after the change (Campaign)' }),
              }),
            },
          },
          description: 'What was added and what was skipped',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireWorkableCampaign(c.get('store'), c.get('workspaceId'), callerOf(c), id);
      return c.json(await addCandidatesToCampaign(c.get('store'), c.get('workspaceId'), id, c.req.valid('json').candidateIds), 200);
    },
  );
}
