import type { Kysely } from 'kysely';
import { isAppError } from '../../core/app-error.ts';
import { replayLedger } from '../../credits/ledger.ts';
import type { LedgerState } from '../../credits/ledger-state.ts';
import { loadSeatLedger, recordCreditEventIn, type CreditEventInput } from '../../credits/seat-credits.ts';
import type { Database, Dialect } from '../../db/schema.ts';
import { ledgerPersonId } from '../planning/plan-day.ts';
import { workspaceOfSeat } from '../../seats/seat-store.ts';

/**
 * The outreach engine's link to each seat's credit ledger (src/credits:
 * append-only `credit_events`, replayed by the pure ledger). Reads give the
 * planner and the claim the ledger state; writes record an `inmail` when an
 * InMail is sent and a `reply` when its recipient answers (the ledger
 * decides the spend, the awaiting-reply rule and the refund).
 *
 * Writes take the outreach transaction (`recordCreditEventIn`): the InMail
 * event commits with the action marked sent, the reply event (and its
 * refund) with the outcome, so a crash can never leave one without the
 * other. A ledger refusal (awaiting reply, no credits, a date before the
 * seat's last event) is returned as a value and writes nothing; the caller
 * still records what happened on LinkedIn.
 */
export async function seatLedgerState(db: Kysely<Database>, seatId: string, date: string): Promise<LedgerState | null> {
  const workspaceId = await workspaceOfSeat(db, seatId);
  if (!workspaceId) return null;
  const ledger = await loadSeatLedger(db, workspaceId, seatId);
  if (ledger.history.length === 0) return null;
  const first = ledger.history[0].date;
  return replayLedger(ledger.history, { config: ledger.config, until: date < first ? first : date });
}

export type LedgerWrite = { ok: true; refunded?: boolean } | { ok: false; code: string; message: string };

async function record(trx: Kysely<Database>, dialect: Dialect, workspaceId: string, seatId: string, event: CreditEventInput, at: string, recordedBy: string): Promise<LedgerWrite> {
  try {
    const r = await recordCreditEventIn(trx, dialect, workspaceId, seatId, event, new Date(at), recordedBy);
    return { ok: true, refunded: r.effect.refunded };
  } catch (err) {
    if (isAppError(err)) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** `recordedBy`: the recruiter who reported the InMail sent (a task done), else the engine ('system'). */
export function recordInMailSent(trx: Kysely<Database>, dialect: Dialect, workspaceId: string, seatId: string, candidateId: number, openProfile: boolean, at: string, recordedBy = 'system'): Promise<LedgerWrite> {
  return record(trx, dialect, workspaceId, seatId, { type: 'inmail', date: at.slice(0, 10), to: ledgerPersonId(candidateId), openProfile }, at, recordedBy);
}

export function recordInMailReply(trx: Kysely<Database>, dialect: Dialect, workspaceId: string, seatId: string, candidateId: number, kind: 'positive' | 'negative' | 'decline' | 'quick_reply', at: string): Promise<LedgerWrite> {
  return record(trx, dialect, workspaceId, seatId, { type: 'reply', date: at.slice(0, 10), from: ledgerPersonId(candidateId), kind }, at, 'system');
}
