import { describe, expect, it } from 'vitest';
import { effectiveCost } from './effective-cost.ts';
import { ledgerStateAt } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';

describe('effective cost per InMail and per reply', () => {
  it('divides subscription fees and purchases by InMails sent and replies', () => {
    const history: LedgerEvent[] = [
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'purchase', date: '2025-01-02', count: 10 },
      ...Array.from({ length: 20 }, (_, i): LedgerEvent => ({ type: 'inmail', date: '2025-01-03', to: `p${i}` })),
      ...Array.from({ length: 5 }, (_, i): LedgerEvent => ({ type: 'reply', date: '2025-01-10', from: `p${i}` })),
    ];
    const c = effectiveCost(ledgerStateAt(history, '2025-01-31'));
    expect(c).toMatchObject({
      spendUsd: 270,
      subscriptionUsd: 170,
      purchaseUsd: 100,
      inmailsSent: 20,
      replies: 5,
      refunds: 5,
      creditsAcquired: 40,
      costPerCreditUsd: 6.75,
      costPerInMailUsd: 13.5,
      costPerReplyUsd: 54,
      netCreditsPerInMail: 0.75,
    });
    // a renewal adds the plan price
    expect(effectiveCost(ledgerStateAt(history, '2025-02-01')).subscriptionUsd).toBe(340);
  });

  it('measures a period as the difference of two states, and reports null instead of dividing by zero', () => {
    const history: LedgerEvent[] = [{ type: 'subscribe', date: '2025-01-01', plan: 'premium-career' }];
    const from = ledgerStateAt(history, '2025-01-31');
    const c = effectiveCost(ledgerStateAt(history, '2025-03-31'), from);
    expect(c.spendUsd).toBe(60);
    expect(c.costPerReplyUsd).toBeNull();
    expect(c.costPerInMailUsd).toBeNull();
    expect(c.netCreditsPerInMail).toBeNull();
  });
});
