import type { Kysely } from 'kysely';
import { replayLedger } from '../credits/ledger.ts';
import type { LedgerEvent } from '../credits/ledger-event.ts';
import type { LedgerState } from '../credits/ledger-state.ts';
import type { Database } from '../db/schema.ts';
import { ledgerPersonId } from './plan-day.ts';

/**
 * ADAPTER (until the credits domain's storage lands): a seat's credit
 * history as the pure ledger (src/credits/ledger.ts) needs it, derived from
 * facts Scoutline already stores — the seat's plan (a `subscribe` on the day
 * the seat was added), every InMail the outreach engine sent from the seat,
 * and every reply recorded for those candidates. The ledger then applies
 * spec section 2 itself: spending, awaiting reply, refunds on reply within
 * 90 days. When src/credits stores its append-only `credit_events`, this
 * file switches to reading that history and appending `inmail` / `reply`
 * events there; its callers do not change.
 */
export async function seatLedgerHistory(db: Kysely<Database>, seatId: string): Promise<LedgerEvent[]> {
  const seat = await db.selectFrom('seats').select(['plan', 'created_at']).where('id', '=', seatId).executeTakeFirst();
  if (!seat?.plan) return [];
  const events: Array<{ at: string; event: LedgerEvent }> = [{ at: seat.created_at, event: { type: 'subscribe', date: seat.created_at.slice(0, 10), plan: seat.plan } }];
  const sent = await db
    .selectFrom('outreach_actions')
    .select(['candidate_id', 'charged', 'executed_at'])
    .where('seat_id', '=', seatId)
    .where('channel', '=', 'inmail')
    .where('status', '=', 'sent')
    .execute();
  const people = new Set<number>();
  for (const a of sent) {
    if (!a.executed_at) continue;
    people.add(Number(a.candidate_id));
    events.push({ at: a.executed_at, event: { type: 'inmail', date: a.executed_at.slice(0, 10), to: ledgerPersonId(Number(a.candidate_id)), openProfile: Number(a.charged) === 0 } });
  }
  if (people.size) {
    const replies = await db
      .selectFrom('outreach_outcomes')
      .select(['candidate_id', 'at', 'reply_kind', 'channel'])
      .where('kind', '=', 'replied')
      .where('candidate_id', 'in', [...people])
      .execute();
    for (const r of replies) {
      if (r.channel !== null && r.channel !== 'inmail') continue;
      events.push({ at: r.at, event: { type: 'reply', date: r.at.slice(0, 10), from: ledgerPersonId(Number(r.candidate_id)), kind: (r.reply_kind ?? 'positive') as 'positive' } });
    }
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return events.map((e) => e.event);
}

/** The seat's ledger state at the end of `date` (YYYY-MM-DD), or null for a seat without a plan. */
export async function seatLedgerState(db: Kysely<Database>, seatId: string, date: string): Promise<LedgerState | null> {
  const history = await seatLedgerHistory(db, seatId);
  if (history.length === 0) return null;
  return replayLedger(history, { until: date < history[0].date ? history[0].date : date });
}
