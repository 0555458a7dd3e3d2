import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditAuditEntry } from './credit-audit-entry.ts';
import type { LedgerEvent } from './ledger-event.ts';

describe('creditAuditEntry', () => {
  it('names purchases with their count and other events with their type, and never copies who an InMail went to or came from', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).map((s) => `Ms ${s}`), fc.integer({ min: 1, max: 60 }), fc.boolean(), (person, count, buy) => {
        const events: LedgerEvent[] = buy
          ? [{ type: 'purchase', date: '2025-01-02', count }]
          : [
              { type: 'inmail', date: '2025-01-02', to: person },
              { type: 'reply', date: '2025-01-03', from: person, kind: 'positive' },
            ];
        for (const e of events) {
          const entry = creditAuditEntry('s1', e, 7);
          expect(entry.action).toBe(e.type === 'purchase' ? 'credits_purchased' : 'credits_recorded');
          expect(entry.target).toBe('seat:s1');
          expect(entry.details).toMatchObject({ type: e.type, date: e.date, seq: 7 });
          if (e.type === 'purchase') expect(entry.details.count).toBe(count);
          expect(Object.values(entry.details)).not.toContain(person);
        }
      }),
    );
  });
});
