import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, ScoutlineApp } from '../app-env.ts';
import { channelReport } from '../../analytics/analytics-report.ts';
import { loadAnalyticsLog } from '../../analytics/analytics-store.ts';
import { campaignFunnels, stepBreakdown, variantBreakdown } from '../../analytics/funnel.ts';
import { replyRateByLength, replyRateByWeekday } from '../../analytics/reply-rates.ts';
import { analyticsChannelsRoute, analyticsFunnelRoute, analyticsLengthRoute, analyticsVariantsRoute, analyticsWeekdayRoute, type filterQuery } from '../../api-contract/analytics-contract.ts';

/** Chart-ready analytics (src/analytics); definitions in src/api-contract/analytics-contract.ts. */
export function registerAnalyticsRoutes(app: ScoutlineApp): void {
  const load = (c: Context<AppEnv>, q: z.infer<typeof filterQuery>) =>
    loadAnalyticsLog(c.get('store'), c.get('workspaceId'), { campaignId: q.campaign, from: q.from, to: q.to });

  app.openapi(analyticsFunnelRoute, async (c) => {
    const log = await load(c, c.req.valid('query'));
    return c.json({ campaigns: campaignFunnels(log.enrollments, log.actions, log.outcomes), steps: stepBreakdown(log.actions, log.outcomes) }, 200);
  });
  app.openapi(analyticsChannelsRoute, async (c) => {
    const log = await load(c, c.req.valid('query'));
    return c.json({ channels: channelReport(log) }, 200);
  });
  app.openapi(analyticsWeekdayRoute, async (c) => {
    const log = await load(c, c.req.valid('query'));
    return c.json({ weekdays: replyRateByWeekday(log.actions, log.outcomes) }, 200);
  });
  app.openapi(analyticsLengthRoute, async (c) => {
    const log = await load(c, c.req.valid('query'));
    return c.json({ buckets: replyRateByLength(log.actions, log.outcomes) }, 200);
  });
  app.openapi(analyticsVariantsRoute, async (c) => {
    const log = await load(c, c.req.valid('query'));
    return c.json({ variants: variantBreakdown(log.actions, log.outcomes) }, 200);
  });
}
