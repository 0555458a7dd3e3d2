import { describe, expect, it } from 'vitest';
import { ledgerStateAt } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { summarizeCredits } from './credit-summary.ts';

describe('credit summary (credits show)', () => {
  const history: LedgerEvent[] = [
    { type: 'subscribe', date: '2025-01-10', plan: 'recruiter-lite' },
    { type: 'purchase', date: '2025-02-20', count: 4 },
    { type: 'inmail', date: '2025-01-15', to: 'ann' },
    { type: 'inmail', date: '2025-03-01', to: 'bob' },
    { type: 'inmail', date: '2025-03-02', to: 'cy', openProfile: true },
  ].sort((a, b) => a.date.localeCompare(b.date)) as LedgerEvent[];

  it('shows balance, lots with expiry dates, credits expiring in 14 days and InMails awaiting reply with their last refund day', () => {
    const s = summarizeCredits(ledgerStateAt(history, '2025-04-01'), '2025-04-01');
    expect(s.balance).toBe(29 + 30 + 30 + 4 - 1);
    expect(s.plan?.id).toBe('recruiter-lite');
    expect(s.nextRenewal).toBe('2025-04-10');
    expect(s.lots[0]).toEqual({ source: 'grant', granted: '2025-01-10', expires: '2025-04-10', remaining: 28 });
    expect(s.expiringSoon).toEqual({ withinDays: 14, until: '2025-04-15', count: 28, lots: [{ expires: '2025-04-10', remaining: 28 }] });
    expect(s.awaitingReply).toEqual([
      { to: 'ann', sent: '2025-01-15', openProfile: false, refundableUntil: '2025-04-15' },
      { to: 'bob', sent: '2025-03-01', openProfile: false, refundableUntil: '2025-05-30' },
      { to: 'cy', sent: '2025-03-02', openProfile: true, refundableUntil: null },
    ]);
    expect(s.purchases).toEqual({ thisMonth: 0, cap: 50 });
  });

  it('drops the refund day once it has passed, or after a cancel', () => {
    const late = summarizeCredits(ledgerStateAt(history, '2025-04-16'), '2025-04-16');
    expect(late.awaitingReply.find((a) => a.to === 'ann')?.refundableUntil).toBeNull();
    const cancelled = summarizeCredits(ledgerStateAt([...history, { type: 'cancel', date: '2025-03-03' }], '2025-03-03'), '2025-03-03');
    expect(cancelled.awaitingReply.every((a) => a.refundableUntil === null)).toBe(true);
    expect(cancelled.plan).toBeNull();
    expect(cancelled.purchases.cap).toBeNull();
  });
});
