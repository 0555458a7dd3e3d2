import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { jsonBody } from './json-content.ts';
import { campaignSchema } from './outreach-contract.ts';

/** POST /api/campaigns/{id}/candidates: add candidates to an existing campaign (handler: src/api/routes/campaign-candidate-routes.ts). */
export const addCampaignCandidatesRoute = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/candidates',
  tags: ['outreach'],
  summary: 'Add candidates to a draft, paused or running campaign (running: enrolled as queued now); enrolled or suppressed ones are skipped with the reason. A recruiter may only add to campaigns whose seats are all theirs',
  request: {
    params: z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) }),
    ...jsonBody(z.object({ candidateIds: z.array(z.number().int().positive()).min(1).max(10_000) })),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            campaignId: z.string(),
            added: z.array(z.number()),
            skipped: z.array(z.object({ candidateId: z.number(), reason: z.enum(['already_enrolled', 'suppressed']) })),
            campaign: campaignSchema,
          }),
        },
      },
      description: 'What was added and what was skipped',
    },
    ...errorResponses,
  },
});
