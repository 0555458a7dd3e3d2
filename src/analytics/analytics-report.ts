import type { AnalyticsLog } from './analytics-store.ts';
import { costPerReplyByChannel, type ChannelCostRow } from './cost-per-reply.ts';
import { campaignFunnels, channelBreakdown, stepBreakdown, variantBreakdown, type CampaignFunnel, type ChannelRow, type StepRow, type VariantRow } from './funnel.ts';
import { replyRateByLength, replyRateByWeekday, type LengthRow, type WeekdayRow } from './reply-rates.ts';

/**
 * Everything `scoutline analytics` and the /api/analytics/* routes return,
 * computed from one log (pure). Every list is chart-ready: one row per bar
 * or point, in display order.
 */
export interface ChannelReportRow extends ChannelRow, Omit<ChannelCostRow, 'channel' | 'sent' | 'replied'> {}

export interface AnalyticsReport {
  funnel: CampaignFunnel[];
  steps: StepRow[];
  channels: ChannelReportRow[];
  weekday: WeekdayRow[];
  length: LengthRow[];
  variants: VariantRow[];
}

export function channelReport(log: AnalyticsLog): ChannelReportRow[] {
  const costs = new Map(costPerReplyByChannel(log.actions, log.outcomes, (seat) => log.creditPrices.get(seat) ?? null).map((c) => [c.channel, c]));
  return channelBreakdown(log.actions, log.outcomes).map((row) => {
    const c = costs.get(row.channel);
    return { ...row, creditsSpent: c?.creditsSpent ?? 0, creditsRefunded: c?.creditsRefunded ?? 0, costUsd: c?.costUsd ?? 0, costPerReply: c?.costPerReply ?? null };
  });
}

export function analyticsReport(log: AnalyticsLog): AnalyticsReport {
  return {
    funnel: campaignFunnels(log.enrollments, log.actions, log.outcomes),
    steps: stepBreakdown(log.actions, log.outcomes),
    channels: channelReport(log),
    weekday: replyRateByWeekday(log.actions, log.outcomes),
    length: replyRateByLength(log.actions, log.outcomes),
    variants: variantBreakdown(log.actions, log.outcomes),
  };
}
