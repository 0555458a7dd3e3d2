import type { Kysely } from 'kysely';
import { isAppError } from '../core/app-error.ts';
import { replayLedger } from '../credits/ledger.ts';
import type { LedgerState } from '../credits/ledger-state.ts';
import { loadSeatLedger, recordCreditEvent } from '../credits/seat-credits.ts';
import type { Store } from '../db/open-database.ts';
import type { Database } from '../db/schema.ts';
import { ledgerPersonId } from './plan-day.ts';

/**
 * The outreach engine's link to each seat's credit ledger (src/credits:
 * append-only `credit_events`, replayed by the pure ledger). Reads give the
 * planner and the claim the ledger state; writes record an `inmail` when an
 * InMail is sent and a `reply` when its recipient answers (the ledger
 * decides the spend, the awaiting-reply rule and the refund).
 *
 * Writes happen right after the outreach transaction commits (the credits
 * store runs its own transaction). A crash in between can at worst miss one
 * ledger event; a repeated write is refused by the ledger itself (a second
 * InMail to a person awaiting a reply), so nothing is counted twice.
 */
export async function seatLedgerState(db: Kysely<Database>, seatId: string, date: string): Promise<LedgerState | null> {
  const seat = await db.selectFrom('seats').select('workspace_id').where('id', '=', seatId).executeTakeFirst();
  if (!seat) return null;
  const ledger = await loadSeatLedger(db as Store['db'], seat.workspace_id, seatId);
  if (ledger.history.length === 0) return null;
  const first = ledger.history[0].date;
  return replayLedger(ledger.history, { config: ledger.config, until: date < first ? first : date });
}

export type LedgerWrite = { ok: true; refunded?: boolean } | { ok: false; code: string; message: string };

async function record(store: Store, workspaceId: string, seatId: string, event: Parameters<typeof recordCreditEvent>[3], at: string): Promise<LedgerWrite> {
  try {
    const r = await recordCreditEvent(store, workspaceId, seatId, event, new Date(at));
    return { ok: true, refunded: r.effect.refunded };
  } catch (err) {
    if (isAppError(err)) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

export function recordInMailSent(store: Store, workspaceId: string, seatId: string, candidateId: number, openProfile: boolean, at: string): Promise<LedgerWrite> {
  return record(store, workspaceId, seatId, { type: 'inmail', date: at.slice(0, 10), to: ledgerPersonId(candidateId), openProfile }, at);
}

export function recordInMailReply(store: Store, workspaceId: string, seatId: string, candidateId: number, kind: 'positive' | 'negative' | 'decline' | 'quick_reply', at: string): Promise<LedgerWrite> {
  return record(store, workspaceId, seatId, { type: 'reply', date: at.slice(0, 10), from: ledgerPersonId(candidateId), kind }, at);
}
