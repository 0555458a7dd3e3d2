import { OpenInMails } from './open-inmails.ts';
import type { Plan } from './plan-catalogue.ts';
import type { Day } from './utc-day.ts';

/**
 * A seat's credit position at the end of one UTC day, derived from its
 * history by the ledger (ledger.ts). Immutable by contract: the pure API
 * never changes a state it was given.
 */
export type LotSource = 'grant' | 'refund' | 'purchase' | 'transfer';

export interface Lot {
  readonly source: LotSource;
  readonly granted: Day;
  /** the first day on which the lot is gone */
  readonly expires: Day;
  /** always >= 1: exhausted lots are dropped */
  readonly remaining: number;
}

/** An InMail still awaiting a reply (rule 6). */
export interface OpenInMail {
  /** the InMail's number in this seat's history (0, 1, 2, ...) */
  readonly id: number;
  readonly to: string;
  readonly sent: Day;
  /** false for Open Profile messages: nothing taken, nothing to refund */
  readonly charged: boolean;
  /** subscription epoch at send time; a cancel or switch starts a new epoch and voids refunds (rule 11) */
  readonly epoch: number;
}

export interface LedgerTotals {
  /** InMails that took a credit */
  readonly inmailsCharged: number;
  /** free Open Profile messages */
  readonly inmailsFree: number;
  /** replies that closed an InMail (any kind) */
  readonly replies: number;
  /** replies that earned a refund */
  readonly refunds: number;
  readonly granted: number;
  readonly purchased: number;
  readonly transferredIn: number;
  readonly transferredOut: number;
  /** credits that reached their expiry unused */
  readonly expired: number;
  /** credits wiped by a cancel or switch */
  readonly forfeited: number;
  /** subscription fees charged (start and every renewal day) */
  readonly subscriptionUsd: number;
  readonly purchaseUsd: number;
}

export interface LedgerState {
  /** the day this state describes (end of day); null before the first event */
  readonly day: Day | null;
  /** the active plan's terms, null without a paid plan */
  readonly plan: Plan | null;
  /** the subscription's anchor: start or last switch day */
  readonly anchor: Day | null;
  /** renewals already granted since the anchor */
  readonly renewals: number;
  readonly nextRenewal: Day | null;
  readonly epoch: number;
  /** unexpired lots with credits left, soonest expiry first */
  readonly lots: readonly Lot[];
  /** sum of the lots' remaining counts */
  readonly balance: number;
  /** InMails awaiting a reply, by recipient */
  readonly open: ReadonlyMap<string, OpenInMail>;
  /** calendar month (year * 12 + month - 1) that `purchasedThisMonth` counts */
  readonly purchaseMonth: number;
  readonly purchasedThisMonth: number;
  readonly nextInMailId: number;
  readonly totals: LedgerTotals;
}

export const zeroTotals: LedgerTotals = Object.freeze({
  inmailsCharged: 0,
  inmailsFree: 0,
  replies: 0,
  refunds: 0,
  granted: 0,
  purchased: 0,
  transferredIn: 0,
  transferredOut: 0,
  expired: 0,
  forfeited: 0,
  subscriptionUsd: 0,
  purchaseUsd: 0,
});

/** A seat that never had a plan. */
export const emptyLedgerState: LedgerState = Object.freeze({
  day: null,
  plan: null,
  anchor: null,
  renewals: 0,
  nextRenewal: null,
  epoch: 0,
  lots: Object.freeze([]) as readonly Lot[],
  balance: 0,
  open: OpenInMails.empty,
  purchaseMonth: -1,
  purchasedThisMonth: 0,
  nextInMailId: 0,
  totals: zeroTotals,
});
