import { z } from 'zod';
import { defaultCreditConfig, type CreditConfig } from './credit-config.ts';
import { round2 } from './effective-cost.ts';
import { defaultExtraCreditPriceUsd } from './plan-catalogue.ts';

/**
 * Compares the plans and the connection-request channel by cost per reply
 * for a monthly outreach volume, in steady state:
 *
 * - a send to a non-Open-Profile member takes a credit; a reply within the
 *   refund window gives it back, so a month of V sends at reply rate r needs
 *   V x (1 - openProfileShare) x (1 - r) credits net of refunds;
 * - credits beyond the allocation are bought at the plan's extra-credit price,
 *   up to its monthly purchase cap; beyond that the plan cannot carry the volume;
 * - the whole subscription price is counted as InMail cost;
 * - cost per reply = monthly cost / (V x r). The same figure without refunds
 *   is shown next to it, so the saving from refunds is visible.
 *
 * Per credit: at price p and reply rate r a reply costs p / r without
 * refunds and p x (1 - r) / r with them (10 USD, 20%: 50 USD vs 40 USD).
 */
export const adviceInputSchema = z.object({
  monthlySends: z.number().int().min(1).max(100_000),
  replyRates: z.array(z.number().gt(0).max(1)).min(1).max(20).default([0.1, 0.2, 0.3]),
  openProfileShare: z.number().min(0).max(1).default(0),
  /** spec 5: 30-45% acceptance for connection requests with a note; the midpoint by default */
  connectionAcceptRate: z.number().min(0).max(1).default(0.375),
  /** spec 4: about 100 connection requests per seat per rolling 7 days */
  weeklyInviteCap: z.number().int().min(0).max(1000).default(100),
});
export type AdviceInput = z.input<typeof adviceInputSchema>;

export interface PlanOption {
  plan: string;
  name: string;
  priceUsd: number;
  /** can the plan carry the volume with refunds and the purchase cap? */
  feasible: boolean;
  /** the most sends a month the plan carries at this reply rate */
  maxMonthlySends: number | null;
  creditsNeeded: number;
  creditsNeededWithoutRefunds: number;
  extraCredits: number;
  monthlyCostUsd: number;
  costPerInMailUsd: number;
  costPerReplyUsd: number;
  costPerReplyWithoutRefundsUsd: number;
  expectedReplies: number;
  expectedRefunds: number;
}

export interface ChannelOption {
  channel: 'connection_request';
  feasible: boolean;
  monthlyCapacity: number;
  expectedReplies: number;
  costPerReplyUsd: number;
  note: string;
}

export interface AdviceScenario {
  replyRate: number;
  perCredit: { creditPriceUsd: number; costPerReplyUsd: number; costPerReplyWithRefundsUsd: number };
  plans: PlanOption[];
  connectionRequests: ChannelOption;
  cheapestPlan: string | null;
  recommendation: string;
}

export interface Advice {
  monthlySends: number;
  openProfileShare: number;
  scenarios: AdviceScenario[];
}

export function advisePlans(input: AdviceInput, config: CreditConfig = defaultCreditConfig): Advice {
  const o = adviceInputSchema.parse(input);
  const V = o.monthlySends;
  const paidShare = 1 - o.openProfileShare;
  const capacity = round2((o.weeklyInviteCap * 365) / 12 / 7);
  const scenarios = o.replyRates.map((r): AdviceScenario => {
    const replies = V * r;
    const plans = Object.values(config.plans).map((p): PlanOption => {
      const withoutRefunds = Math.ceil(V * paidShare);
      const needed = Math.ceil(V * paidShare * (1 - r) - 1e-9);
      const extra = Math.max(0, needed - p.monthlyAllocation);
      const extraWithout = Math.max(0, withoutRefunds - p.monthlyAllocation);
      const monthly = p.priceUsd + extra * p.extraCreditPriceUsd;
      const monthlyWithout = p.priceUsd + extraWithout * p.extraCreditPriceUsd;
      const perSend = paidShare * (1 - r);
      return {
        plan: p.id,
        name: p.name,
        priceUsd: p.priceUsd,
        feasible: extra <= p.purchaseCapPerMonth,
        maxMonthlySends: perSend > 0 ? Math.floor((p.monthlyAllocation + p.purchaseCapPerMonth) / perSend + 1e-9) : null,
        creditsNeeded: needed,
        creditsNeededWithoutRefunds: withoutRefunds,
        extraCredits: extra,
        monthlyCostUsd: round2(monthly),
        costPerInMailUsd: round2(monthly / V),
        costPerReplyUsd: round2(monthly / replies),
        costPerReplyWithoutRefundsUsd: round2(monthlyWithout / replies),
        expectedReplies: round2(replies),
        expectedRefunds: round2(V * paidShare * r),
      };
    });
    plans.sort((a, b) => Number(b.feasible) - Number(a.feasible) || a.costPerReplyUsd - b.costPerReplyUsd || a.plan.localeCompare(b.plan));
    const cheapest = plans.find((p) => p.feasible) ?? null;
    const connFeasible = V <= capacity;
    const connectionRequests: ChannelOption = {
      channel: 'connection_request',
      feasible: connFeasible,
      monthlyCapacity: capacity,
      expectedReplies: round2(Math.min(V, capacity) * o.connectionAcceptRate),
      costPerReplyUsd: 0,
      note: `free; about ${o.weeklyInviteCap} per seat per rolling 7 days; ${round2(o.connectionAcceptRate * 100)}% acceptance assumed; unlimited messages after acceptance`,
    };
    const p = defaultExtraCreditPriceUsd;
    const recommendation = [
      connFeasible
        ? `Connection requests carry ${V} a month for free (about ${connectionRequests.expectedReplies} acceptances); use InMail for those who do not accept.`
        : `Connection requests carry only about ${Math.floor(capacity)} a month per seat; the rest needs InMail.`,
      cheapest
        ? `Cheapest plan per InMail reply: ${cheapest.name} at ${cheapest.costPerReplyUsd} USD a reply (${cheapest.costPerReplyWithoutRefundsUsd} USD without refunds).`
        : 'No single plan carries this volume at this reply rate; split it over several seats.',
    ].join(' ');
    return {
      replyRate: r,
      perCredit: { creditPriceUsd: p, costPerReplyUsd: round2(p / r), costPerReplyWithRefundsUsd: round2((p * (1 - r)) / r) },
      plans,
      connectionRequests,
      cheapestPlan: cheapest?.plan ?? null,
      recommendation,
    };
  });
  return { monthlySends: V, openProfileShare: o.openProfileShare, scenarios };
}
