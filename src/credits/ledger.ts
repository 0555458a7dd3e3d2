import { defaultCreditConfig, type CreditConfig } from './credit-config.ts';
import { LedgerCursor, type LedgerEffect, type LedgerRefusal, type LedgerRefusalCode } from './ledger-cursor.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { emptyLedgerState, type LedgerState } from './ledger-state.ts';
import { dayOf, type Day } from './utc-day.ts';

/**
 * The pure ledger API (spec section 2). A seat's state is a function of its
 * event history and a date; nothing here reads a clock or storage, and no
 * function changes a state it is given.
 *
 * Dates are `YYYY-MM-DD` strings or day numbers (utc-day.ts). Events must be
 * applied in date order: an event dated before the state's day throws
 * AppError('invalid_input'). Refusals (`no_plan`, `no_credits`,
 * `awaiting_reply`, `purchase_cap`, `not_pooled`) are values, and a refused
 * event changes nothing.
 */
export type DateLike = string | Day;

export type LedgerStep = { ok: true; state: LedgerState; effect: LedgerEffect } | LedgerRefusal;

export type { LedgerRefusal, LedgerRefusalCode, LedgerEffect };

function toDay(date: DateLike): Day {
  return typeof date === 'number' ? date : dayOf(date);
}

/** Applies one event to a state: the next state, or the refusal (and the old state stays current). */
export function applyLedgerEvent(state: LedgerState, event: LedgerEvent, config: CreditConfig = defaultCreditConfig): LedgerStep {
  const cursor = new LedgerCursor(state, config);
  const outcome = cursor.apply(event);
  if (!outcome.ok) return outcome;
  return { ok: true, state: cursor.snapshot(), effect: outcome.effect };
}

/** The state at the end of `date` with no new events: the day's expiries and renewal grants applied. */
export function advanceLedger(state: LedgerState, date: DateLike, config: CreditConfig = defaultCreditConfig): LedgerState {
  const cursor = new LedgerCursor(state, config);
  cursor.advanceTo(toDay(date));
  return cursor.snapshot();
}

export interface ReplayStep {
  index: number;
  event: LedgerEvent;
  outcome: { ok: true; effect: LedgerEffect } | LedgerRefusal;
  /** balance right after the event */
  balance: number;
}

/**
 * Replays a history from the empty state (or `from`), skipping refused
 * events, up to and including `until` (default: the last event's day).
 * `onStep` sees each event's outcome; events after `until` are ignored.
 */
export function replayLedger(
  history: readonly LedgerEvent[],
  options: { config?: CreditConfig; from?: LedgerState; until?: DateLike; onStep?: (step: ReplayStep) => void } = {},
): LedgerState {
  const cursor = new LedgerCursor(options.from ?? emptyLedgerState, options.config ?? defaultCreditConfig);
  const until = options.until === undefined ? Infinity : toDay(options.until);
  for (let index = 0; index < history.length; index += 1) {
    const event = history[index];
    const day = dayOf(event.date);
    if (day > until) break;
    const outcome = cursor.applyAt(day, event);
    options.onStep?.({ index, event, outcome, balance: cursor.currentBalance });
  }
  if (until !== Infinity) cursor.advanceTo(until);
  return cursor.snapshot();
}

/** The seat's state at the end of `date`: every event dated up to `date` replayed, refused ones skipped. */
export function ledgerStateAt(history: readonly LedgerEvent[], date: DateLike, config: CreditConfig = defaultCreditConfig): LedgerState {
  return replayLedger(history, { config, until: date });
}

export type InMailCheck = { ok: true; charged: boolean } | LedgerRefusal;

/**
 * Whether the seat may send an InMail to `personId` on `date` (rules 4, 5,
 * 6, 9, 11), and whether it would take a credit. Same checks, same order as
 * applying an `inmail` event: no_plan, then awaiting_reply, then no_credits.
 */
export function canSendInMail(
  state: LedgerState,
  personId: string,
  openProfile: boolean,
  date: DateLike,
  config: CreditConfig = defaultCreditConfig,
): InMailCheck {
  const cursor = new LedgerCursor(state, config);
  const refusal = cursor.checkInMail(toDay(date), personId, openProfile);
  return refusal ?? { ok: true, charged: !openProfile };
}
