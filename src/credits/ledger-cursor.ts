import { AppError } from '../core/app-error.ts';
import { requirePlan, type CreditConfig } from './credit-config.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { emptyLedgerState, type LedgerState, type LedgerTotals, type Lot, type LotSource, type OpenInMail } from './ledger-state.ts';
import { OpenInMails } from './open-inmails.ts';
import type { Plan } from './plan-catalogue.ts';
import { addMonthsClamped, dayOf, firstOfNextMonth, formatDay, calendarMonthIndex, type Day } from './utc-day.ts';

/** The refusals of spec section 2 (plus not_pooled for transfers), returned as values. */
export type LedgerRefusalCode = 'no_plan' | 'no_credits' | 'awaiting_reply' | 'purchase_cap' | 'not_pooled';

export interface LedgerRefusal {
  ok: false;
  code: LedgerRefusalCode;
  message: string;
}

/** What an accepted event did, beyond the new state. */
export interface LedgerEffect {
  /** subscribe/switch: credits granted on the day */
  granted?: number;
  /** cancel/switch: credits wiped */
  forfeited?: number;
  /** inmail: its number in the history, whether it took a credit, last day a reply earns a refund */
  inmailId?: number;
  charged?: boolean;
  refundableUntil?: Day | null;
  /** reply: the InMail it closed (null if none was open) and whether a credit came back */
  closedInMailId?: number | null;
  refunded?: boolean;
  /** purchase: price paid */
  costUsd?: number;
  /** transfer_out: the credits moved, soonest expiry first, keeping their dates */
  movedLots?: { granted: Day; expires: Day; count: number }[];
}

export type CursorOutcome = { ok: true; effect: LedgerEffect } | LedgerRefusal;

type MutableTotals = { -readonly [K in keyof LedgerTotals]: number };

function refuse(code: LedgerRefusalCode, message: string): LedgerRefusal {
  return { ok: false, code, message };
}

/**
 * The ledger's engine: a mutable position that events are applied to in
 * place, in date order. It copies the lot list and the open-InMail map only
 * when it first changes them (copy on write), so starting a cursor from a
 * state, checking or snapshotting are cheap and never alter the state it
 * started from. Every refusal is decided before anything changes.
 *
 * Use the pure functions in ledger.ts; the cursor is for replays and
 * simulations that apply many events in a row.
 */
export class LedgerCursor {
  private day: Day | null;
  private plan: Plan | null;
  private anchor: Day | null;
  private renewals: number;
  private nextRenewal: Day | null;
  private epoch: number;
  private lots: Lot[];
  private balance: number;
  /** the open InMails as an immutable map, unless `openDraft` holds them */
  private open: OpenInMails;
  /** a private mutable copy, made once a cursor changes the open InMails more than a few times (replays) */
  private openDraft: Map<string, OpenInMail> | null = null;
  private openChanges = 0;
  private purchaseMonth: number;
  private purchasedThisMonth: number;
  private nextInMailId: number;
  private totals: MutableTotals;
  private ownsLots = false;

  constructor(
    state: LedgerState = emptyLedgerState,
    private readonly config: CreditConfig,
  ) {
    this.day = state.day;
    this.plan = state.plan;
    this.anchor = state.anchor;
    this.renewals = state.renewals;
    this.nextRenewal = state.nextRenewal;
    this.epoch = state.epoch;
    this.lots = state.lots as Lot[];
    this.balance = state.balance;
    this.open = OpenInMails.adopt(state.open);
    this.purchaseMonth = state.purchaseMonth;
    this.purchasedThisMonth = state.purchasedThisMonth;
    this.nextInMailId = state.nextInMailId;
    this.totals = { ...state.totals };
  }

  get currentDay(): Day | null {
    return this.day;
  }

  get currentBalance(): number {
    return this.balance;
  }

  /** An immutable state; later changes through this cursor do not affect it. */
  snapshot(): LedgerState {
    this.ownsLots = false;
    if (this.openDraft) {
      // hand the draft over: this cursor never changes it again
      this.open = OpenInMails.adopt(this.openDraft);
      this.openDraft = null;
      this.openChanges = 0;
    }
    return {
      day: this.day,
      plan: this.plan,
      anchor: this.anchor,
      renewals: this.renewals,
      nextRenewal: this.nextRenewal,
      epoch: this.epoch,
      lots: this.lots,
      balance: this.balance,
      open: this.open,
      purchaseMonth: this.purchaseMonth,
      purchasedThisMonth: this.purchasedThisMonth,
      nextInMailId: this.nextInMailId,
      totals: { ...this.totals },
    };
  }

  /** Runs every expiry and renewal grant up to and including `target` (expiries before the grant on each day). */
  advanceTo(target: Day): void {
    if (this.day !== null && target < this.day) {
      throw new AppError('invalid_input', `ledger dates must not go back: ${formatDay(target)} is before ${formatDay(this.day)}`, {
        date: formatDay(target),
        after: formatDay(this.day),
      });
    }
    for (;;) {
      const nextExpiry = this.lots.length > 0 ? this.lots[0].expires : Infinity;
      const nextRenewal = this.plan !== null && this.nextRenewal !== null ? this.nextRenewal : Infinity;
      const d = nextExpiry < nextRenewal ? nextExpiry : nextRenewal;
      if (d > target) break;
      this.expireThrough(d);
      if (nextRenewal === d) {
        const plan = this.plan as Plan;
        this.totals.subscriptionUsd += plan.priceUsd;
        this.grant(d);
        this.renewals += 1;
        this.nextRenewal = renewalAfter(plan, this.anchor as Day, this.renewals, d);
      }
    }
    this.day = target;
  }

  /** Parses the event's date, advances to it and applies the event. */
  apply(event: LedgerEvent): CursorOutcome {
    return this.applyAt(dayOf(event.date), event);
  }

  /** Same as apply, with the event's day already parsed. */
  applyAt(day: Day, event: LedgerEvent): CursorOutcome {
    this.advanceTo(day);
    switch (event.type) {
      case 'subscribe':
        return this.subscribe(day, event.terms ?? requirePlan(this.config, event.plan));
      case 'switch':
        if (this.plan === null) return refuse('no_plan', 'no active plan to switch from; subscribe first');
        return this.subscribe(day, event.terms ?? requirePlan(this.config, event.plan));
      case 'cancel': {
        if (this.plan === null) return refuse('no_plan', 'no active plan to cancel');
        const forfeited = this.forfeitAll();
        this.plan = null;
        this.anchor = null;
        this.nextRenewal = null;
        this.renewals = 0;
        this.epoch += 1;
        return { ok: true, effect: { forfeited } };
      }
      case 'inmail':
        return this.inmail(day, event.to, event.openProfile === true);
      case 'reply':
        return this.reply(day, event.from);
      case 'purchase':
        return this.purchase(day, event.count);
      case 'transfer_out':
        return this.transferOut(event.count);
      case 'transfer_in':
        return this.transferIn(day, event);
      default: {
        const never: never = event;
        throw new AppError('invalid_input', `unknown ledger event type ${JSON.stringify((never as { type?: unknown }).type)}`);
      }
    }
  }

  /** The refusal an InMail on `day` would meet, or null if it may be sent; advances the cursor to `day`. */
  checkInMail(day: Day, to: string, openProfile: boolean): LedgerRefusal | null {
    this.advanceTo(day);
    if (this.plan === null) return refuse('no_plan', 'the seat has no paid plan, so no InMail at all');
    if ((this.openDraft ?? this.open).has(to)) return refuse('awaiting_reply', `an InMail to ${to} is still awaiting a reply`);
    if (!openProfile && this.balance < 1) return refuse('no_credits', 'no InMail credits left');
    return null;
  }

  /** The refusal a plan-dependent event on `day` would meet (no_plan, or not_pooled when `pooled` is required); advances to `day`. */
  checkPlan(day: Day, pooled: boolean): LedgerRefusal | null {
    this.advanceTo(day);
    if (this.plan === null) return refuse('no_plan', 'the seat has no paid plan');
    if (pooled && !this.plan.pooled) return refuse('not_pooled', `plan ${this.plan.id} does not pool credits`);
    return null;
  }

  private subscribe(day: Day, plan: Plan): CursorOutcome {
    // A subscribe while a plan is active is treated as a switch (docs/credits.md).
    const forfeited = this.plan !== null ? this.forfeitAll() : 0;
    this.plan = plan;
    this.anchor = day;
    this.renewals = 0;
    this.nextRenewal = renewalAfter(plan, day, 0, day);
    this.epoch += 1;
    this.totals.subscriptionUsd += plan.priceUsd;
    const granted = this.grant(day);
    return { ok: true, effect: { granted, forfeited } };
  }

  private inmail(day: Day, to: string, openProfile: boolean): CursorOutcome {
    const refusal = this.checkInMail(day, to, openProfile);
    if (refusal) return refusal;
    const charged = !openProfile;
    if (charged) {
      this.take(1);
      this.totals.inmailsCharged += 1;
    } else {
      this.totals.inmailsFree += 1;
    }
    const id = this.nextInMailId++;
    this.setOpen(to, { id, to, sent: day, charged, epoch: this.epoch });
    return { ok: true, effect: { inmailId: id, charged, refundableUntil: charged ? day + this.config.rules.refundWindowDays : null } };
  }

  private reply(day: Day, from: string): CursorOutcome {
    const sent = (this.openDraft ?? this.open).get(from);
    if (!sent) return { ok: true, effect: { closedInMailId: null, refunded: false } };
    this.deleteOpen(from);
    this.totals.replies += 1;
    const refunded = sent.charged && sent.epoch === this.epoch && this.plan !== null && day - sent.sent <= this.config.rules.refundWindowDays;
    if (refunded) {
      this.addLot('refund', day, day + this.config.rules.refundLotLifetimeDays, 1);
      this.totals.refunds += 1;
    }
    return { ok: true, effect: { closedInMailId: sent.id, refunded } };
  }

  private purchase(day: Day, count: number): CursorOutcome {
    const plan = this.plan;
    if (plan === null) return refuse('no_plan', 'credits can only be bought on a paid plan');
    const month = calendarMonthIndex(day);
    const used = month === this.purchaseMonth ? this.purchasedThisMonth : 0;
    if (used + count > plan.purchaseCapPerMonth) {
      return refuse('purchase_cap', `buying ${count} would make ${used + count} this month; the cap is ${plan.purchaseCapPerMonth}`);
    }
    this.purchaseMonth = month;
    this.purchasedThisMonth = used + count;
    this.addLot('purchase', day, day + this.config.rules.purchaseLotLifetimeDays, count);
    this.totals.purchased += count;
    const costUsd = count * plan.extraCreditPriceUsd;
    this.totals.purchaseUsd += costUsd;
    return { ok: true, effect: { costUsd } };
  }

  private transferOut(count: number): CursorOutcome {
    if (this.plan === null) return refuse('no_plan', 'the seat has no paid plan');
    if (!this.plan.pooled) return refuse('not_pooled', `plan ${this.plan.id} does not pool credits`);
    if (this.balance < count) return refuse('no_credits', `cannot move ${count} credits: the balance is ${this.balance}`);
    const movedLots = this.take(count);
    this.totals.transferredOut += count;
    return { ok: true, effect: { movedLots } };
  }

  private transferIn(day: Day, event: Extract<LedgerEvent, { type: 'transfer_in' }>): CursorOutcome {
    const sum = event.lots.reduce((n, l) => n + l.count, 0);
    if (sum !== event.count) throw new AppError('invalid_input', `transfer_in ${event.transferId}: lots add up to ${sum}, not ${event.count}`);
    if (this.plan === null) return refuse('no_plan', 'the seat has no paid plan');
    if (!this.plan.pooled) return refuse('not_pooled', `plan ${this.plan.id} does not pool credits`);
    for (const lot of event.lots) {
      const expires = dayOf(lot.expires);
      if (expires <= day) {
        this.totals.expired += lot.count;
        continue;
      }
      this.addLot('transfer', dayOf(lot.granted), expires, lot.count);
      this.totals.transferredIn += lot.count;
    }
    return { ok: true, effect: {} };
  }

  /** Rule 2: min(allocation, max(0, cap - balance)); a grant of 0 creates no lot. */
  private grant(day: Day): number {
    const plan = this.plan as Plan;
    const amount = Math.min(plan.monthlyAllocation, Math.max(0, plan.cap - this.balance));
    if (amount > 0) {
      this.addLot('grant', day, day + this.config.rules.lotLifetimeDays, amount);
      this.totals.granted += amount;
    }
    return amount;
  }

  private expireThrough(day: Day): void {
    if (this.lots.length === 0 || this.lots[0].expires > day) return;
    const lots = this.mutableLots();
    while (lots.length > 0 && lots[0].expires <= day) {
      const lot = lots.shift() as Lot;
      this.balance -= lot.remaining;
      this.totals.expired += lot.remaining;
    }
  }

  private forfeitAll(): number {
    const n = this.balance;
    this.totals.forfeited += n;
    this.lots = [];
    this.ownsLots = true;
    this.balance = 0;
    return n;
  }

  /** Takes credits from the soonest-expiring lots; the caller has checked the balance. */
  private take(count: number): { granted: Day; expires: Day; count: number }[] {
    const lots = this.mutableLots();
    const moved: { granted: Day; expires: Day; count: number }[] = [];
    let left = count;
    while (left > 0) {
      const lot = lots[0];
      const n = lot.remaining < left ? lot.remaining : left;
      moved.push({ granted: lot.granted, expires: lot.expires, count: n });
      if (n === lot.remaining) lots.shift();
      else lots[0] = { source: lot.source, granted: lot.granted, expires: lot.expires, remaining: lot.remaining - n };
      left -= n;
    }
    this.balance -= count;
    return moved;
  }

  /** Inserts a lot in expiry order, merging with a lot of the same source and dates. */
  private addLot(source: LotSource, granted: Day, expires: Day, count: number): void {
    const lots = this.mutableLots();
    let i = lots.length;
    while (i > 0) {
      const prev = lots[i - 1];
      if (prev.expires < expires || (prev.expires === expires && prev.granted <= granted)) break;
      i -= 1;
    }
    // merge candidates sit just before the insertion point (same expiry and grant day)
    for (let j = i - 1; j >= 0 && lots[j].expires === expires && lots[j].granted === granted; j -= 1) {
      if (lots[j].source === source) {
        lots[j] = { source, granted, expires, remaining: lots[j].remaining + count };
        this.balance += count;
        return;
      }
    }
    lots.splice(i, 0, { source, granted, expires, remaining: count });
    this.balance += count;
  }

  private mutableLots(): Lot[] {
    if (!this.ownsLots) {
      this.lots = this.lots.slice();
      this.ownsLots = true;
    }
    return this.lots;
  }

  private setOpen(to: string, sent: OpenInMail): void {
    if (this.draftOpen()) (this.openDraft as Map<string, OpenInMail>).set(to, sent);
    else this.open = this.open.with(to, sent);
  }

  private deleteOpen(to: string): void {
    if (this.draftOpen()) (this.openDraft as Map<string, OpenInMail>).delete(to);
    else this.open = this.open.without(to);
  }

  /** A few changes go through the immutable map; after that one private copy is cheaper. */
  private draftOpen(): boolean {
    if (this.openDraft) return true;
    this.openChanges += 1;
    if (this.openChanges <= 8) return false;
    this.openDraft = this.open.toMap();
    return true;
  }
}

/**
 * The renewal day after `renewalsDone` renewals (rule 2). Anniversary plans
 * count months from the anchor (so a 31 Jan start renews 28 Feb, 31 Mar,
 * 30 Apr); first-of-month plans renew on the 1st after the last grant.
 */
export function renewalAfter(plan: Plan, anchor: Day, renewalsDone: number, lastGrantDay: Day): Day {
  return plan.renewal === 'first-of-month' ? firstOfNextMonth(lastGrantDay) : addMonthsClamped(anchor, renewalsDone + 1);
}
