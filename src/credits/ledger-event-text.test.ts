import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerEventText } from './ledger-event-text.ts';
import type { LedgerEvent } from './ledger-event.ts';

describe('a ledger event in words', () => {
  it('names what happened, seats by their names, and counts in the right number', () => {
    const names = (id: string) => ({ 'demo-london': 'Alex Morgan' })[id] ?? id;
    const cases: Array<[LedgerEvent, string]> = [
      [{ type: 'subscribe', date: '2026-11-01', plan: 'recruiter-lite' }, 'subscribed to recruiter-lite'],
      [{ type: 'cancel', date: '2026-11-01' }, 'cancelled the plan'],
      [{ type: 'inmail', date: '2026-11-02', to: 'ada@example.com', openProfile: true }, 'InMail to ada@example.com (Open Profile, free)'],
      [{ type: 'reply', date: '2026-11-03', from: 'ada@example.com', kind: 'quick_reply' }, 'reply from ada@example.com (quick reply)'],
      [{ type: 'purchase', date: '2026-11-04', count: 1 }, 'bought 1 credit'],
      [{ type: 'transfer_out', date: '2026-11-05', count: 5, toSeat: 'demo-london', transferId: 't1' }, 'moved 5 credits to Alex Morgan'],
    ];
    for (const [e, text] of cases) expect(ledgerEventText(e, names)).toBe(text);
  });
  it('property: never shows JSON, braces or "undefined"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom('purchase', 'transfer_out', 'transfer_in', 'cancel'), (count, type) => {
        const e = (type === 'purchase' ? { type, date: '2026-01-01', count } : type === 'cancel' ? { type, date: '2026-01-01' } : type === 'transfer_out' ? { type, date: '2026-01-01', count, toSeat: 's', transferId: 't' } : { type, date: '2026-01-01', count, fromSeat: 's', transferId: 't', lots: [] }) as LedgerEvent;
        expect(ledgerEventText(e)).not.toMatch(/[{}]|undefined/);
      }),
    );
  });
});
