import { describe, expect, it } from 'vitest';
import { advisePlans } from './plan-advisor.ts';

describe('plan advisor', () => {
  it('at 10 USD a credit and 20% replies a reply costs 50 USD, 40 USD once refunds come back', () => {
    const a = advisePlans({ monthlySends: 100, replyRates: [0.2] });
    expect(a.scenarios[0].perCredit).toEqual({ creditPriceUsd: 10, costPerReplyUsd: 50, costPerReplyWithRefundsUsd: 40 });
    const b = advisePlans({ monthlySends: 100, replyRates: [0.1] });
    expect(b.scenarios[0].perCredit.costPerReplyUsd).toBe(100);
  });

  it('costs each plan for the volume, net of refunds, and marks what a plan cannot carry', () => {
    const a = advisePlans({ monthlySends: 100, replyRates: [0.2] });
    const byId = Object.fromEntries(a.scenarios[0].plans.map((p) => [p.plan, p]));
    // 100 sends, 20% replies: 80 credits net. Sales Navigator: 50 + 30 bought = 100 + 300 = 400 USD; 20 replies -> 20 USD a reply
    expect(byId['sales-navigator-core']).toMatchObject({ feasible: true, creditsNeeded: 80, extraCredits: 30, monthlyCostUsd: 400, costPerReplyUsd: 20 });
    // without refunds it would need 100 credits: 50 + 50 bought = 600 USD -> 30 USD a reply
    expect(byId['sales-navigator-core'].costPerReplyWithoutRefundsUsd).toBe(30);
    // Premium Career: 5 + 50 bought at most = 55 < 80
    expect(byId['premium-career']).toMatchObject({ feasible: false, maxMonthlySends: 68 });
    expect(byId['recruiter-corporate']).toMatchObject({ feasible: true, extraCredits: 0, monthlyCostUsd: 900, costPerReplyUsd: 45 });
    expect(a.scenarios[0].cheapestPlan).toBe('sales-navigator-core');
    const costs = a.scenarios[0].plans.filter((p) => p.feasible).map((p) => p.costPerReplyUsd);
    expect(costs).toEqual([...costs].sort((x, y) => x - y));
  });

  it('compares with connection requests: free up to about 434 a month per seat', () => {
    const small = advisePlans({ monthlySends: 300, replyRates: [0.2] }).scenarios[0].connectionRequests;
    expect(small).toMatchObject({ channel: 'connection_request', feasible: true, costPerReplyUsd: 0, monthlyCapacity: 434.52, expectedReplies: 112.5 });
    const big = advisePlans({ monthlySends: 1000, replyRates: [0.2] }).scenarios[0];
    expect(big.connectionRequests.feasible).toBe(false);
    expect(big.recommendation).toMatch(/only about 434/);
  });

  it('Open Profile sends need no credits', () => {
    const a = advisePlans({ monthlySends: 100, replyRates: [0.2], openProfileShare: 0.5 });
    expect(a.scenarios[0].plans.find((p) => p.plan === 'sales-navigator-core')).toMatchObject({ creditsNeeded: 40, extraCredits: 0, monthlyCostUsd: 100 });
  });

  it('rejects nonsense input', () => {
    expect(() => advisePlans({ monthlySends: 0, replyRates: [0.2] })).toThrow();
    expect(() => advisePlans({ monthlySends: 10, replyRates: [0] })).toThrow();
  });
});
