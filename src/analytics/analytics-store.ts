import type { Channel } from '../core/channel.ts';
import { listSeats } from '../seats/seat-store.ts';
import { DateTime } from 'luxon';
import type { Store } from '../db/open-database.ts';
import { defaultCreditConfig, type CreditConfig } from '../credits/credit-config.ts';
import type { OutcomeKind, ReplyKind } from '../outreach/delivery/executor.ts';
import type { EnrollmentCount, OutcomeEvent, SentAction } from './analytics-event.ts';

/**
 * Reads the analytics log from the outreach tables (thin): executed actions
 * (status `sent`), reported outcomes, enrollment counts per campaign, and
 * each seat's price per credit. Everything else is pure (src/analytics/*).
 */
export interface AnalyticsLog {
  actions: SentAction[];
  outcomes: OutcomeEvent[];
  enrollments: EnrollmentCount[];
  /** seat id -> price per credit (plan price / monthly allocation), null without a plan */
  creditPrices: Map<string, number | null>;
}

export interface AnalyticsFilter {
  campaignId?: string;
  /** executed at or after (ISO date or timestamp) */
  from?: string;
  /** executed before */
  to?: string;
}

function codePoints(s: string | null): number {
  if (s === null) return 0;
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

export async function loadAnalyticsLog(store: Store, workspaceId: string, filter: AnalyticsFilter = {}, config: CreditConfig = defaultCreditConfig): Promise<AnalyticsLog> {
  const seats = await listSeats(store, workspaceId);
  const zones = new Map(seats.map((s) => [s.id, s.timeZone]));
  const creditPrices = new Map<string, number | null>(
    seats.map((s) => {
      const plan = s.plan ? config.plans[s.plan] : undefined;
      return [s.id, plan && plan.monthlyAllocation > 0 ? plan.priceUsd / plan.monthlyAllocation : null];
    }),
  );

  let aq = store.db
    .selectFrom('outreach_actions')
    .select(['campaign_id', 'candidate_id', 'seat_id', 'step_key', 'channel', 'variant', 'executed_at', 'due_at', 'subject', 'body', 'charged', 'text_length'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'sent');
  if (filter.campaignId) aq = aq.where('campaign_id', '=', filter.campaignId);
  if (filter.from) aq = aq.where('executed_at', '>=', filter.from);
  if (filter.to) aq = aq.where('executed_at', '<', filter.to);
  const actionRows = await aq.orderBy('executed_at').orderBy('id').execute();
  const actions: SentAction[] = actionRows.map((r) => {
    const sentAt = r.executed_at ?? r.due_at;
    const zone = zones.get(r.seat_id) ?? 'UTC';
    const local = DateTime.fromISO(sentAt, { zone: 'utc' }).setZone(zone);
    return {
      campaignId: r.campaign_id,
      candidateId: Number(r.candidate_id),
      seatId: r.seat_id,
      stepKey: r.step_key,
      channel: r.channel as Channel,
      variant: r.variant,
      sentAt,
      weekday: local.isValid ? local.weekday : DateTime.fromISO(sentAt, { zone: 'utc' }).weekday,
      // an erased person's message keeps only its length (src/privacy/erasure.ts)
      length: r.body === null ? (r.text_length ?? null) : codePoints(r.subject) + codePoints(r.body),
      charged: r.channel === 'inmail' && r.charged === 1,
    };
  });

  let oq = store.db.selectFrom('outreach_outcomes').select(['campaign_id', 'candidate_id', 'kind', 'reply_kind', 'channel', 'at', 'refunded']).where('workspace_id', '=', workspaceId);
  if (filter.campaignId) oq = oq.where((eb) => eb.or([eb('campaign_id', '=', filter.campaignId!), eb('campaign_id', 'is', null)]));
  if (filter.from) oq = oq.where('at', '>=', filter.from);
  const outcomeRows = await oq.orderBy('at').orderBy('id').execute();
  const outcomes: OutcomeEvent[] = outcomeRows.map((r) => ({
    campaignId: r.campaign_id,
    candidateId: Number(r.candidate_id),
    kind: r.kind as OutcomeKind,
    replyKind: (r.reply_kind as ReplyKind | null) ?? null,
    channel: (r.channel as Channel | null) ?? null,
    at: r.at,
    refunded: r.refunded === 1,
  }));

  let cq = store.db
    .selectFrom('outreach_campaigns')
    .leftJoin('outreach_enrollments', 'outreach_enrollments.campaign_id', 'outreach_campaigns.id')
    .select(['outreach_campaigns.id as id', 'outreach_campaigns.name as name', (eb) => eb.fn.count<number>('outreach_enrollments.id').as('n')])
    .where('outreach_campaigns.workspace_id', '=', workspaceId)
    .groupBy(['outreach_campaigns.id', 'outreach_campaigns.name']);
  if (filter.campaignId) cq = cq.where('outreach_campaigns.id', '=', filter.campaignId);
  const enrollments = (await cq.orderBy('outreach_campaigns.id').execute()).map((r) => ({ campaignId: r.id, name: r.name, enrolled: Number(r.n) }));
  return { actions, outcomes, enrollments, creditPrices };
}
