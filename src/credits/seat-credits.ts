import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { Database, Dialect, Db } from '../db/schema.ts';
import { addSeat, listSeats, readSeat, setSeatPlan, lockSeats } from '../seats/seat-store.ts';
import type { Seat } from '../seats/seat.ts';
import { requirePlan, type CreditConfig } from './credit-config.ts';
import { appendCreditEvents, loadCreditEvents, type StoredCreditEvent } from './credit-event-store.ts';
import { creditConfigFor } from './credit-settings-store.ts';
import { LedgerCursor, type LedgerEffect } from './ledger-cursor.ts';
import { ledgerEventSchema, type LedgerEvent } from './ledger-event.ts';
import { replayLedger } from './ledger.ts';
import type { LedgerState } from './ledger-state.ts';
import { dayOf, formatDay, parseDay, todayUtc } from './utc-day.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

/**
 * Seats' credit ledgers in storage. The state is never stored: every read
 * replays the seat's append-only history (a few thousand events replay in
 * well under a millisecond each, see `credits bench`), so it always equals
 * a replay. Every write replays first, applies the new event with the pure
 * ledger, and appends it only if the ledger accepts it; a refusal throws
 * AppError with the refusal code and nothing is written.
 *
 * A seat created with a plan but without any credit history (for example by
 * demo data or the seat store directly) is treated as subscribed on its
 * creation day; the first recorded event writes that subscribe down first.
 */
export interface SeatLedger {
  seat: Seat;
  config: CreditConfig;
  stored: StoredCreditEvent[];
  /** the history to replay: the stored events, or the implied subscribe */
  history: LedgerEvent[];
}


function findSeat(db: Db, workspaceId: string, seatId: string): Promise<Seat> {
  return readSeat(db, workspaceId, seatId, 'seatId');
}

function impliedHistory(seat: Seat, config: CreditConfig): LedgerEvent[] {
  if (!seat.plan || !Object.prototype.hasOwnProperty.call(config.plans, seat.plan)) return [];
  return [{ type: 'subscribe', date: seat.createdAt.slice(0, 10), plan: seat.plan, terms: config.plans[seat.plan] }];
}

export async function loadSeatLedger(db: Db, workspaceId: string, seatId: string, config?: CreditConfig): Promise<SeatLedger> {
  const seat = await findSeat(db, workspaceId, seatId);
  const cfg = config ?? (await creditConfigFor(db, workspaceId));
  const stored = await loadCreditEvents(db, seatId);
  return { seat, config: cfg, stored, history: stored.length > 0 ? stored.map((s) => s.event) : impliedHistory(seat, cfg) };
}

/** The seat's ledger state at the end of `date` (default: today, UTC). */
export async function seatCreditState(store: Store, workspaceId: string, seatId: string, date?: string): Promise<SeatLedger & { state: LedgerState; date: string }> {
  const ledger = await loadSeatLedger(store.db, workspaceId, seatId);
  const day = date === undefined ? todayUtc() : requireDate(date);
  const state = replayLedger(ledger.history, { config: ledger.config, until: day });
  return { ...ledger, state, date: formatDay(day) };
}

/** What a client may record: a ledger event without plan terms (they are taken from the catalogue), date optional. */
export type CreditEventInput = { date?: string } & (
  | { type: 'subscribe'; plan: string }
  | { type: 'switch'; plan: string }
  | { type: 'cancel' }
  | { type: 'inmail'; to: string; openProfile?: boolean }
  | { type: 'reply'; from: string; kind?: 'positive' | 'negative' | 'decline' | 'quick_reply' }
  | { type: 'purchase'; count: number }
);

/** Who writes ledger events and what else commits with them. */
export interface CreditWriteOptions<R> {
  /** the author stored on every row written: a user id, 'cli' (the local CLI) or 'system' (default: the outreach engine, demo data) */
  recordedBy?: string;
  /** runs in the same transaction once the rows are written, so what it writes (the audit entry) commits or rolls back with them */
  inTransaction?: (trx: Kysely<Database>, result: R) => Promise<void>;
}

export interface RecordedCreditEvent {
  seatId: string;
  seq: number;
  event: LedgerEvent;
  effect: LedgerEffect;
  balance: number;
}

/**
 * Records one event on a seat's ledger: subscribe, switch, cancel, inmail,
 * reply or purchase (transfers go through transferCredits). Throws
 * AppError(no_plan | no_credits | awaiting_reply | purchase_cap) when the
 * ledger refuses, and invalid_input for a date before the seat's last event.
 */
export async function recordCreditEvent(
  store: Store,
  workspaceId: string,
  seatId: string,
  input: CreditEventInput,
  now: Date = new Date(),
  opts: CreditWriteOptions<RecordedCreditEvent> = {},
): Promise<RecordedCreditEvent> {
  const event = parseCreditEventInput(input, now);
  return withWriteTransaction(
    store,
    async (trx) => {
      const recorded = await appendSeatEvent(trx, store.dialect, workspaceId, seatId, event, now, opts.recordedBy ?? 'system');
      await opts.inTransaction?.(trx, recorded);
      return recorded;
    },
    { retryUniqueViolations: true },
  );
}

/**
 * recordCreditEvent inside the caller's write transaction, so the ledger
 * event commits or rolls back together with what the caller writes (the
 * outreach engine: an InMail sent with its action, a reply with its
 * outcome). The caller's transaction must be a write transaction (SQLite
 * `BEGIN IMMEDIATE`); on PostgreSQL the seat row is locked here. A refusal
 * throws AppError before anything is written, so the caller's transaction
 * stays usable.
 */
export async function recordCreditEventIn(
  trx: Kysely<Database>,
  dialect: Dialect,
  workspaceId: string,
  seatId: string,
  input: CreditEventInput,
  now: Date = new Date(),
  recordedBy = 'system',
): Promise<RecordedCreditEvent> {
  return appendSeatEvent(trx, dialect, workspaceId, seatId, parseCreditEventInput(input, now), now, recordedBy);
}

function parseCreditEventInput(input: CreditEventInput, now: Date): LedgerEvent {
  const date = input.date ?? formatDay(todayUtc(now));
  if (input.type === ('transfer_in' as string) || input.type === ('transfer_out' as string)) {
    throw new AppError('invalid_input', 'transfers are recorded with a transfer between two seats, not as a single event');
  }
  const parsed = ledgerEventSchema.safeParse({ ...input, date });
  if (!parsed.success) {
    throw zodIssuesToAppError(parsed.error.issues, 'credit event', { root: 'event' });
  }
  return parsed.data as LedgerEvent;
}

async function appendSeatEvent(trx: Kysely<Database>, dialect: Dialect, workspaceId: string, seatId: string, event: LedgerEvent, now: Date, recordedBy: string): Promise<RecordedCreditEvent> {
  await lockSeats(trx, dialect, [seatId]);
  const ledger = await loadSeatLedger(trx, workspaceId, seatId);
  const withTerms = event.type === 'subscribe' || event.type === 'switch' ? { ...event, terms: requirePlan(ledger.config, event.plan) } : event;
  const { cursor, pending } = prepare(ledger, seatId, withTerms);
  const outcome = cursor.apply(withTerms);
  if (!outcome.ok) throw new AppError(outcome.code, outcome.message, { seatId, event: withTerms });
  const seq = await appendCreditEvents(trx, seatId, lastSeq(ledger), [...pending, withTerms], now.toISOString(), recordedBy);
  await syncSeatPlan(trx, seatId, withTerms);
  return { seatId, seq, event: withTerms, effect: outcome.effect, balance: cursor.currentBalance };
}

export interface CreditTransfer {
  transferId: string;
  fromSeat: string;
  toSeat: string;
  count: number;
  date: string;
  lots: { granted: string; expires: string; count: number }[];
  balances: { from: number; to: number };
}

/**
 * Moves credits between two seats of one recruiter-corporate contract:
 * `transfer_out` on the giver and `transfer_in` on the receiver, in one
 * transaction. The credits leave the giver's soonest-expiring lots and keep
 * their grant and expiry dates. Refused with not_pooled unless both seats
 * share a contract id and are on a pooled plan; no_credits if the giver
 * has fewer credits than asked.
 */
export async function transferCredits(
  store: Store,
  workspaceId: string,
  input: { fromSeat: string; toSeat: string; count: number; date?: string },
  now: Date = new Date(),
  opts: CreditWriteOptions<CreditTransfer> = {},
): Promise<CreditTransfer> {
  if (!Number.isInteger(input.count) || input.count < 1) throw new AppError('invalid_input', 'count must be a whole number of at least 1');
  if (input.fromSeat === input.toSeat) throw new AppError('invalid_input', 'a transfer needs two different seats');
  const date = input.date ?? formatDay(todayUtc(now));
  requireDate(date);
  return withWriteTransaction(
    store,
    async (trx) => {
      await lockSeats(trx, store.dialect, [input.fromSeat, input.toSeat]);
      const config = await creditConfigFor(trx, workspaceId);
      const from = await loadSeatLedger(trx, workspaceId, input.fromSeat, config);
      const to = await loadSeatLedger(trx, workspaceId, input.toSeat, config);
      if (!from.seat.contractId || from.seat.contractId !== to.seat.contractId) {
        throw new AppError('not_pooled', `seats '${input.fromSeat}' and '${input.toSeat}' are not on the same contract`, {
          fromContract: from.seat.contractId,
          toContract: to.seat.contractId,
        });
      }
      const transferId = randomUUID();
      const out: LedgerEvent = { type: 'transfer_out', date, count: input.count, toSeat: input.toSeat, transferId };
      const giver = prepare(from, input.fromSeat, out);
      const taker = prepare(to, input.toSeat, out);
      // the receiver is checked first: it needs a pooled plan on the day
      const receiving = taker.cursor.checkPlan(dayOf(date), true);
      if (receiving) throw new AppError(receiving.code, `receiving seat '${input.toSeat}': ${receiving.message}`, { seatId: input.toSeat });
      const gave = giver.cursor.apply(out);
      if (!gave.ok) throw new AppError(gave.code, `giving seat '${input.fromSeat}': ${gave.message}`, { seatId: input.fromSeat });
      const lots = (gave.effect.movedLots ?? []).map((l) => ({ granted: formatDay(l.granted), expires: formatDay(l.expires), count: l.count }));
      const inn: LedgerEvent = { type: 'transfer_in', date, count: input.count, fromSeat: input.fromSeat, transferId, lots };
      const received = taker.cursor.apply(inn);
      if (!received.ok) throw new AppError(received.code, `receiving seat '${input.toSeat}': ${received.message}`, { seatId: input.toSeat });
      const stamp = now.toISOString();
      // both rows of a move carry its author
      const by = opts.recordedBy ?? 'system';
      await appendCreditEvents(trx, input.fromSeat, lastSeq(from), [...giver.pending, out], stamp, by);
      await appendCreditEvents(trx, input.toSeat, lastSeq(to), [...taker.pending, inn], stamp, by);
      const transfer: CreditTransfer = {
        transferId,
        fromSeat: input.fromSeat,
        toSeat: input.toSeat,
        count: input.count,
        date,
        lots,
        balances: { from: giver.cursor.currentBalance, to: taker.cursor.currentBalance },
      };
      await opts.inTransaction?.(trx, transfer);
      return transfer;
    },
    { retryUniqueViolations: true },
  );
}

/** Adds a seat and, with a plan, records its subscription on `since` (default today), by `recordedBy`. */
export async function addSeatWithPlan(
  store: Store,
  workspaceId: string,
  raw: Record<string, unknown> & { since?: string },
  now: Date = new Date(),
  opts: Pick<CreditWriteOptions<RecordedCreditEvent>, 'recordedBy'> = {},
): Promise<{ seat: Seat; balance: number }> {
  const { since, ...seatInput } = raw;
  const config = await creditConfigFor(store.db, workspaceId);
  const plan = typeof seatInput.plan === 'string' ? requirePlan(config, seatInput.plan) : null;
  const date = since ?? formatDay(todayUtc(now));
  requireDate(date);
  const seat = await addSeat(store, workspaceId, seatInput, now.toISOString());
  if (!plan) return { seat, balance: 0 };
  const recorded = await recordCreditEvent(store, workspaceId, seat.id, { type: 'subscribe', plan: plan.id, date }, now, opts);
  return { seat, balance: recorded.balance };
}

/** The workspace's seats with their balance and open InMails on `date` (default today). */
export async function listSeatsWithCredits(store: Store, workspaceId: string, date?: string): Promise<(Seat & { balance: number; awaitingReply: number })[]> {
  const config = await creditConfigFor(store.db, workspaceId);
  const day = date === undefined ? todayUtc() : requireDate(date);
  const out: (Seat & { balance: number; awaitingReply: number })[] = [];
  for (const seat of await listSeats(store, workspaceId)) {
    const ledger = await loadSeatLedger(store.db, workspaceId, seat.id, config);
    const state = replayLedger(ledger.history, { config, until: day });
    out.push({ ...seat, balance: state.balance, awaitingReply: state.open.size });
  }
  return out;
}

/**
 * Replays the history into a cursor ready for the new event. When the seat's
 * history is only implied (plan set, nothing stored), the implied subscribe
 * is returned in `pending` to be written before the event — unless the new
 * event is itself a subscribe.
 */
function prepare(ledger: SeatLedger, seatId: string, next: LedgerEvent): { cursor: LedgerCursor; pending: LedgerEvent[] } {
  const implied = ledger.stored.length === 0 && next.type !== 'subscribe' ? ledger.history : [];
  const history = ledger.stored.length > 0 ? ledger.history : implied;
  const last = history.length > 0 ? history[history.length - 1].date : null;
  if (last !== null && next.date < last) {
    throw new AppError('invalid_input', `seat '${seatId}': ${next.date} is before its last credit event (${last}); the history is append-only`, { seatId, last });
  }
  const cursor = new LedgerCursor(replayLedger(history, { config: ledger.config }), ledger.config);
  return { cursor, pending: implied };
}

function lastSeq(ledger: SeatLedger): number {
  return ledger.stored.length > 0 ? ledger.stored[ledger.stored.length - 1].seq : 0;
}

/** Keeps the seat row's plan column in step with the ledger (a plan implies a paid seat). */
async function syncSeatPlan(trx: Kysely<Database>, seatId: string, event: LedgerEvent): Promise<void> {
  if (event.type === 'subscribe' || event.type === 'switch') await setSeatPlan(trx, seatId, { plan: event.plan });
  else if (event.type === 'cancel') await setSeatPlan(trx, seatId, { cancelled: true });
}

function requireDate(date: string): number {
  const day = parseDay(date);
  if (day === null) throw new AppError('invalid_input', `expected a date YYYY-MM-DD, got '${date}'`);
  return day;
}


