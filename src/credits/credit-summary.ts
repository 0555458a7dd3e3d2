import { defaultCreditConfig, type CreditConfig } from './credit-config.ts';
import { advanceLedger, type DateLike } from './ledger.ts';
import type { LedgerState, LedgerTotals, LotSource } from './ledger-state.ts';
import { dayOf, formatDay, calendarMonthIndex, type Day } from './utc-day.ts';

/**
 * What `credits show` prints: a seat's position on one day, in dates a
 * person reads. Derived from a ledger state only.
 */
export interface CreditSummary {
  date: string;
  plan: { id: string; name: string; monthlyAllocation: number; cap: number; renewal: string; pooled: boolean } | null;
  balance: number;
  /** next renewal grant day, null without a plan */
  nextRenewal: string | null;
  lots: { source: LotSource; granted: string; expires: string; remaining: number }[];
  /** credits whose lots expire within the window (they are gone on their expiry day) */
  expiringSoon: { withinDays: number; until: string; count: number; lots: { expires: string; remaining: number }[] };
  /** InMails awaiting a reply, the ones whose refund window closes first listed first */
  awaitingReply: { to: string; sent: string; openProfile: boolean; refundableUntil: string | null }[];
  purchases: { thisMonth: number; cap: number | null };
  totals: LedgerTotals;
}

export function summarizeCredits(
  state: LedgerState,
  date: DateLike,
  options: { config?: CreditConfig; expiringWithinDays?: number } = {},
): CreditSummary {
  const config = options.config ?? defaultCreditConfig;
  const within = options.expiringWithinDays ?? 14;
  const day: Day = typeof date === 'number' ? date : dayOf(date);
  const s = state.day !== null && state.day > day ? state : advanceLedger(state, day, config);
  const until = day + within;
  const soon = s.lots.filter((l) => l.expires <= until);
  const window = config.rules.refundWindowDays;
  const awaiting = [...s.open.values()]
    .map((o) => {
      const last = o.sent + window;
      const refundable = o.charged && o.epoch === s.epoch && s.plan !== null && last >= day;
      return { to: o.to, sent: o.sent, openProfile: !o.charged, refundableUntil: refundable ? last : null };
    })
    .sort((a, b) => (a.refundableUntil ?? Infinity) - (b.refundableUntil ?? Infinity) || a.sent - b.sent || (a.to < b.to ? -1 : 1));
  return {
    date: formatDay(day),
    plan: s.plan && {
      id: s.plan.id,
      name: s.plan.name,
      monthlyAllocation: s.plan.monthlyAllocation,
      cap: s.plan.cap,
      renewal: s.plan.renewal,
      pooled: s.plan.pooled,
    },
    balance: s.balance,
    nextRenewal: s.plan && s.nextRenewal !== null ? formatDay(s.nextRenewal) : null,
    lots: s.lots.map((l) => ({ source: l.source, granted: formatDay(l.granted), expires: formatDay(l.expires), remaining: l.remaining })),
    expiringSoon: {
      withinDays: within,
      until: formatDay(until),
      count: soon.reduce((n, l) => n + l.remaining, 0),
      lots: soon.map((l) => ({ expires: formatDay(l.expires), remaining: l.remaining })),
    },
    awaitingReply: awaiting.map((a) => ({ ...a, sent: formatDay(a.sent), refundableUntil: a.refundableUntil === null ? null : formatDay(a.refundableUntil) })),
    purchases: {
      thisMonth: s.day !== null && s.purchaseMonth === calendarMonthIndex(day) ? s.purchasedThisMonth : 0,
      cap: s.plan ? s.plan.purchaseCapPerMonth : null,
    },
    totals: s.totals,
  };
}
