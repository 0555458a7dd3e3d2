import type { LedgerState, LedgerTotals } from './ledger-state.ts';

/**
 * What InMail actually cost a seat: money spent (subscription fees charged on
 * the start and each renewal day, plus purchased credits) divided by what it
 * bought. With `since`, only the period between the two states counts.
 * The whole subscription price is attributed to InMail (docs/credits.md).
 */
export interface EffectiveCost {
  spendUsd: number;
  subscriptionUsd: number;
  purchaseUsd: number;
  /** all InMails sent, Open Profile included */
  inmailsSent: number;
  inmailsCharged: number;
  replies: number;
  refunds: number;
  creditsAcquired: number;
  /** spend / credits granted and bought */
  costPerCreditUsd: number | null;
  costPerInMailUsd: number | null;
  costPerReplyUsd: number | null;
  /** credits an InMail really consumed once refunds came back: (charged - refunds) / charged */
  netCreditsPerInMail: number | null;
}

export function effectiveCost(state: LedgerState, since?: LedgerState): EffectiveCost {
  const t = since ? diff(state.totals, since.totals) : state.totals;
  const spendUsd = t.subscriptionUsd + t.purchaseUsd;
  const inmailsSent = t.inmailsCharged + t.inmailsFree;
  const creditsAcquired = t.granted + t.purchased;
  return {
    spendUsd: round2(spendUsd),
    subscriptionUsd: round2(t.subscriptionUsd),
    purchaseUsd: round2(t.purchaseUsd),
    inmailsSent,
    inmailsCharged: t.inmailsCharged,
    replies: t.replies,
    refunds: t.refunds,
    creditsAcquired,
    costPerCreditUsd: ratio(spendUsd, creditsAcquired),
    costPerInMailUsd: ratio(spendUsd, inmailsSent),
    costPerReplyUsd: ratio(spendUsd, t.replies),
    netCreditsPerInMail: t.inmailsCharged > 0 ? Math.round(((t.inmailsCharged - t.refunds) / t.inmailsCharged) * 1000) / 1000 : null,
  };
}

function diff(a: LedgerTotals, b: LedgerTotals): LedgerTotals {
  const out = {} as Record<keyof LedgerTotals, number>;
  for (const k of Object.keys(a) as (keyof LedgerTotals)[]) out[k] = a[k] - b[k];
  return out;
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? round2(a / b) : null;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
