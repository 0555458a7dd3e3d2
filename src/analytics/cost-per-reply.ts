import type { Channel } from '../core/channel.ts';
import { actionResults } from './attribute-outcomes.ts';
import { channelOrder } from './funnel.ts';
import { round2, type OutcomeEvent, type SentAction } from './analytics-event.ts';

/**
 * Cost per reply by channel (pure). Only InMail costs money per message:
 * each charged InMail costs the seat plan's price per credit (monthly price /
 * monthly allocation, docs/analytics.md), and each refunded credit gives that
 * back. Connection requests, messages, emails and phone tasks cost 0 here
 * (the subscription is a fixed cost; see docs/analytics.md).
 */
export interface ChannelCostRow {
  channel: Channel;
  sent: number;
  replied: number;
  creditsSpent: number;
  creditsRefunded: number;
  costUsd: number;
  costPerReply: number | null;
}

/** price per credit for a seat, or null when it has no plan */
export type SeatCreditPrice = (seatId: string) => number | null;

export function costPerReplyByChannel(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[], priceOf: SeatCreditPrice): ChannelCostRow[] {
  const results = actionResults(actions, outcomes);
  const rows = new Map<Channel, ChannelCostRow>();
  actions.forEach((a, i) => {
    if (a.channel === 'withdraw_invitation') return;
    const row = rows.get(a.channel) ?? { channel: a.channel, sent: 0, replied: 0, creditsSpent: 0, creditsRefunded: 0, costUsd: 0, costPerReply: null };
    row.sent += 1;
    const r = results[i];
    if (r.replied) row.replied += 1;
    const price = priceOf(a.seatId) ?? 0;
    if (a.charged) {
      row.creditsSpent += 1;
      row.costUsd += price;
    }
    if (r.refunded) {
      row.creditsRefunded += 1;
      row.costUsd -= price;
    }
    rows.set(a.channel, row);
  });
  return channelOrder
    .filter((c) => rows.has(c))
    .map((c) => {
      const row = rows.get(c)!;
      return { ...row, costUsd: round2(row.costUsd), costPerReply: row.replied > 0 ? round2(row.costUsd / row.replied) : null };
    });
}
