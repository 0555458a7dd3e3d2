import type { AuditAction } from '../access/audit-action.ts';
import type { LedgerEvent } from './ledger-event.ts';

/**
 * What the audit log says about a recorded credit event (API and CLI alike):
 * a purchase is `credits_purchased` with its count, anything else
 * `credits_recorded` with its type and day. The recipient of an InMail or
 * the sender of a reply is never copied: it may be a person's name.
 */
export function creditAuditEntry(seatId: string, event: LedgerEvent, seq: number): { action: AuditAction; target: string; details: Record<string, unknown> } {
  const details: Record<string, unknown> = { type: event.type, date: event.date, seq };
  if (event.type === 'purchase') details.count = event.count;
  if (event.type === 'subscribe' || event.type === 'switch') details.plan = event.plan;
  return { action: event.type === 'purchase' ? 'credits_purchased' : 'credits_recorded', target: `seat:${seatId}`, details };
}
