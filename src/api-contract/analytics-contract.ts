import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { channelSchema } from '../core/channel.ts';

/** Chart-ready analytics (src/analytics): one array per chart, rows in display order (handlers: src/api/routes/analytics-routes.ts). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected YYYY-MM-DD');
export const filterQuery = z.object({
  campaign: z.string().min(1).optional().openapi({ description: 'only this campaign' }),
  from: day.optional().openapi({ description: 'actions executed on or after' }),
  to: day.optional().openapi({ description: 'actions executed before' }),
});

const rate = z.number().nullable();
const breakdownFields = {
  sent: z.number(),
  people: z.number(),
  accepted: z.number(),
  replied: z.number(),
  positive: z.number(),
  bounced: z.number(),
  acceptanceRate: rate,
  replyRate: rate,
};
const channel = channelSchema;

export const funnelSchema = z
  .object({
    campaigns: z.array(
      z.object({
        campaignId: z.string(),
        name: z.string(),
        stages: z.array(z.object({ key: z.enum(['enrolled', 'contacted', 'invited', 'accepted', 'replied', 'positive']), label: z.string(), count: z.number(), rate })),
      }),
    ),
    steps: z.array(z.object({ campaignId: z.string(), stepKey: z.string(), channel, ...breakdownFields })),
  })
  .openapi('AnalyticsFunnel');
export const channelsSchema = z
  .object({
    channels: z.array(z.object({ channel, ...breakdownFields, creditsSpent: z.number(), creditsRefunded: z.number(), costUsd: z.number(), costPerReply: z.number().nullable() })),
  })
  .openapi('AnalyticsChannels');
export const weekdaySchema = z
  .object({ weekdays: z.array(z.object({ weekday: z.number(), label: z.enum(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']), sent: z.number(), replied: z.number(), replyRate: rate })) })
  .openapi('AnalyticsWeekday');
export const lengthSchema = z
  .object({ buckets: z.array(z.object({ bucket: z.enum(['<400', '400-1000', '>1000']), min: z.number(), max: z.number().nullable(), sent: z.number(), replied: z.number(), replyRate: rate })) })
  .openapi('AnalyticsLength');
export const variantsSchema = z
  .object({ variants: z.array(z.object({ campaignId: z.string(), stepKey: z.string(), channel, variant: z.string(), ...breakdownFields })) })
  .openapi('AnalyticsVariants');

function route<P extends string, S extends z.ZodType>(path: P, summary: string, schema: S) {
  return createRoute({
    method: 'get',
    path,
    tags: ['analytics'],
    summary,
    request: { query: filterQuery },
    responses: { 200: { content: { 'application/json': { schema } }, description: summary }, ...errorResponses },
  });
}

export const analyticsFunnelRoute = route('/api/analytics/funnel', 'Funnel per campaign (people) and per sequence step (actions)', funnelSchema);
export const analyticsChannelsRoute = route('/api/analytics/channels', 'Results and cost per reply by channel', channelsSchema);
export const analyticsWeekdayRoute = route('/api/analytics/weekday', 'Reply rate by weekday of send (7 rows, Monday first)', weekdaySchema);
export const analyticsLengthRoute = route('/api/analytics/length', 'Reply rate by message length bucket (<400, 400-1000, >1000 characters)', lengthSchema);
export const analyticsVariantsRoute = route('/api/analytics/variants', 'Results per template variant of each step', variantsSchema);
