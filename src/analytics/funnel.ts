import type { Channel } from '../core/channel.ts';
import { actionResults } from './attribute-outcomes.ts';
import { ratio, type EnrollmentCount, type OutcomeEvent, type SentAction } from './analytics-event.ts';

/**
 * Funnels (pure, chart-ready arrays).
 *
 * Campaign funnel, in people: enrolled -> contacted (any action) -> invited
 * -> accepted -> replied -> positive reply. `rate` is the share of the
 * previous stage. Breakdowns by step, channel and template variant count
 * actions: sent, accepted (invitations), replied, positive replies, bounced,
 * and their rates per action sent.
 */
export interface FunnelStage {
  key: 'enrolled' | 'contacted' | 'invited' | 'accepted' | 'replied' | 'positive';
  label: string;
  count: number;
  /** count / previous stage's count; null for the first stage or an empty previous stage */
  rate: number | null;
}

export interface CampaignFunnel {
  campaignId: string;
  name: string;
  stages: FunnelStage[];
}

export interface BreakdownRow {
  sent: number;
  people: number;
  accepted: number;
  replied: number;
  positive: number;
  bounced: number;
  acceptanceRate: number | null;
  replyRate: number | null;
}

export interface StepRow extends BreakdownRow {
  campaignId: string;
  stepKey: string;
  channel: Channel;
}

export interface ChannelRow extends BreakdownRow {
  channel: Channel;
}

export interface VariantRow extends BreakdownRow {
  campaignId: string;
  stepKey: string;
  channel: Channel;
  variant: string;
}

const stageLabels: Record<FunnelStage['key'], string> = {
  enrolled: 'Enrolled',
  contacted: 'Contacted',
  invited: 'Invited',
  accepted: 'Accepted',
  replied: 'Replied',
  positive: 'Positive reply',
};

export function campaignFunnels(enrollments: readonly EnrollmentCount[], actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): CampaignFunnel[] {
  const results = actionResults(actions, outcomes);
  const ids = [...new Set([...enrollments.map((e) => e.campaignId), ...actions.map((a) => a.campaignId)])].sort();
  return ids.map((campaignId) => {
    const e = enrollments.find((x) => x.campaignId === campaignId);
    const people = (pick: (i: number) => boolean) => new Set(actions.map((a, i) => (a.campaignId === campaignId && pick(i) ? a.candidateId : null)).filter((x) => x !== null)).size;
    const mine = (i: number) => actions[i].channel !== 'withdraw_invitation';
    const counts: Array<[FunnelStage['key'], number]> = [
      ['enrolled', e?.enrolled ?? people(mine)],
      ['contacted', people(mine)],
      ['invited', people((i) => actions[i].channel === 'connection_request')],
      ['accepted', people((i) => results[i].accepted)],
      ['replied', people((i) => results[i].replied)],
      ['positive', people((i) => results[i].positive)],
    ];
    return {
      campaignId,
      name: e?.name ?? campaignId,
      stages: counts.map(([key, count], i) => ({ key, label: stageLabels[key], count, rate: i === 0 ? null : ratio(count, counts[i - 1][1]) })),
    };
  });
}

function breakdown<K extends string>(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[], keyOf: (a: SentAction) => K | null): Map<K, BreakdownRow> {
  const results = actionResults(actions, outcomes);
  const rows = new Map<K, BreakdownRow & { _people: Set<number> }>();
  actions.forEach((a, i) => {
    if (a.channel === 'withdraw_invitation') return;
    const key = keyOf(a);
    if (key === null) return;
    const row = rows.get(key) ?? { sent: 0, people: 0, accepted: 0, replied: 0, positive: 0, bounced: 0, acceptanceRate: null, replyRate: null, _people: new Set<number>() };
    row.sent += 1;
    row._people.add(a.candidateId);
    const r = results[i];
    if (r.accepted) row.accepted += 1;
    if (r.replied) row.replied += 1;
    if (r.positive) row.positive += 1;
    if (r.bounced) row.bounced += 1;
    rows.set(key, row);
  });
  const out = new Map<K, BreakdownRow>();
  for (const [k, { _people, ...row }] of rows) {
    out.set(k, { ...row, people: _people.size, acceptanceRate: ratio(row.accepted, row.sent), replyRate: ratio(row.replied, row.sent) });
  }
  return out;
}

export function stepBreakdown(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): StepRow[] {
  const rows = breakdown(actions, outcomes, (a) => JSON.stringify([a.campaignId, a.stepKey, a.channel]));
  return [...rows]
    .map(([k, row]) => {
      const [campaignId, stepKey, channel] = JSON.parse(k) as [string, string, Channel];
      return { campaignId, stepKey, channel, ...row };
    })
    .sort((a, b) => (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : a.stepKey < b.stepKey ? -1 : a.stepKey > b.stepKey ? 1 : 0));
}

export const channelOrder: readonly Channel[] = ['connection_request', 'message', 'inmail', 'email', 'phone'];

export function channelBreakdown(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): ChannelRow[] {
  const rows = breakdown(actions, outcomes, (a) => a.channel);
  return channelOrder.filter((c) => rows.has(c)).map((channel) => ({ channel, ...rows.get(channel)! }));
}

export function variantBreakdown(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): VariantRow[] {
  const rows = breakdown(actions, outcomes, (a) => JSON.stringify([a.campaignId, a.stepKey, a.channel, a.variant ?? '(none)']));
  return [...rows]
    .map(([k, row]) => {
      const [campaignId, stepKey, channel, variant] = JSON.parse(k) as [string, string, Channel, string];
      return { campaignId, stepKey, channel, variant, ...row };
    })
    .sort((a, b) => (a.campaignId + a.stepKey + a.variant < b.campaignId + b.stepKey + b.variant ? -1 : 1));
}
