import type { Channel } from '../core/channel.ts';
import type { OutcomeKind, ReplyKind } from '../outreach/delivery/executor.ts';

/**
 * What analytics counts: actions that were executed and outcomes that came
 * back. Read from the outreach tables (analytics-store.ts) or produced by a
 * simulation; every analytics function is pure over these two lists.
 */
export interface SentAction {
  campaignId: string;
  candidateId: number;
  seatId: string;
  stepKey: string;
  channel: Channel;
  variant: string | null;
  /** when it was executed (ISO) */
  sentAt: string;
  /** ISO weekday of the send in the seat's time zone, 1 = Monday */
  weekday: number;
  /** code points of subject + body; null when the text is unknown */
  length: number | null;
  /** an InMail that took a credit */
  charged: boolean;
}

export interface OutcomeEvent {
  campaignId: string | null;
  candidateId: number;
  kind: OutcomeKind;
  replyKind: ReplyKind | null;
  channel: Channel | null;
  at: string;
  /** a credit came back through the ledger */
  refunded: boolean;
}

export interface EnrollmentCount {
  campaignId: string;
  name: string;
  enrolled: number;
}

export const weekdayLabels = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function ratio(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
