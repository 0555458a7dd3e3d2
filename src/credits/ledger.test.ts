import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { resolveCreditConfig } from './credit-config.ts';
import { advanceLedger, applyLedgerEvent, canSendInMail, ledgerStateAt, replayLedger, type ReplayStep } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { emptyLedgerState, type LedgerState } from './ledger-state.ts';
import { dayOf, formatDay } from './utc-day.ts';

function replay(history: LedgerEvent[], until?: string): { state: LedgerState; steps: ReplayStep[] } {
  const steps: ReplayStep[] = [];
  const state = replayLedger(history, { until, onStep: (s) => steps.push(s) });
  return { state, steps };
}

function lotsOf(state: LedgerState) {
  return state.lots.map((l) => ({ source: l.source, granted: formatDay(l.granted), expires: formatDay(l.expires), remaining: l.remaining }));
}

function reasons(steps: ReplayStep[]) {
  return steps.map((s) => (s.outcome.ok ? null : s.outcome.code));
}

function sends(date: string, n: number, prefix = 'p'): LedgerEvent[] {
  return Array.from({ length: n }, (_, i) => ({ type: 'inmail' as const, date, to: `${prefix}${i}` }));
}

describe('spec 1: plans', () => {
  it('a seat without a paid plan has no InMail at all', () => {
    expect(canSendInMail(emptyLedgerState, 'x', false, '2025-01-01')).toMatchObject({ ok: false, code: 'no_plan' });
    expect(canSendInMail(emptyLedgerState, 'x', true, '2025-01-01')).toMatchObject({ ok: false, code: 'no_plan' });
    const { steps } = replay([{ type: 'inmail', date: '2025-01-01', to: 'x' }]);
    expect(reasons(steps)).toEqual(['no_plan']);
  });

  it('only a pooled plan can move credits', () => {
    const { steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'transfer_out', date: '2025-01-02', count: 5, toSeat: 'b', transferId: 't1' },
    ]);
    expect(reasons(steps)).toEqual([null, 'not_pooled']);
  });
});

describe('rule 1: lots', () => {
  it('the balance is the sum of the unexpired lots, each with grant and expiry dates', () => {
    const { state } = replay([
      { type: 'subscribe', date: '2025-01-10', plan: 'recruiter-lite' },
      { type: 'purchase', date: '2025-01-20', count: 5 },
    ]);
    expect(lotsOf(state)).toEqual([
      { source: 'grant', granted: '2025-01-10', expires: '2025-04-10', remaining: 30 },
      { source: 'purchase', granted: '2025-01-20', expires: '2025-04-20', remaining: 5 },
    ]);
    expect(state.balance).toBe(35);
  });
});

describe('rule 2: monthly grant', () => {
  it('grants min(allocation, cap - balance) on renewal days; a grant of 0 creates no lot', () => {
    const { state } = replay(
      [
        { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' }, // 30
        { type: 'purchase', date: '2025-01-02', count: 50 }, // 80
        { type: 'purchase', date: '2025-02-02', count: 50 }, // Feb 1 grant 30 -> 110, then 160
      ],
      '2025-03-01', // grant min(30, max(0, 120 - 160)) = 0
    );
    expect(state.balance).toBe(160);
    expect(lotsOf(state).filter((l) => l.source === 'grant').map((l) => l.granted)).toEqual(['2025-01-01', '2025-02-01']);
  });

  it('a grant stops at the cap (3x for most plans, 4x for Recruiter Lite, from the table)', () => {
    const career = ledgerStateAt([{ type: 'subscribe', date: '2025-01-01', plan: 'premium-career' }], '2025-03-15');
    expect(career.balance).toBe(15);
    const lite = ledgerStateAt([{ type: 'subscribe', date: '2025-01-05', plan: 'recruiter-lite' }], '2025-03-05');
    expect(lite.balance).toBe(90);
    // partial grant: 14 left of cap 15 after spending 1 -> next grant is 1 credit
    const partial = ledgerStateAt(
      [{ type: 'subscribe', date: '2025-01-01', plan: 'premium-career' }, ...sends('2025-03-01', 1)],
      '2025-03-01',
    );
    expect(partial.balance).toBe(14);
  });

  it('the balance for the grant is taken after that day\'s expiries', () => {
    // premium-career: lots of 5 on Jan 1, Feb 1, Mar 1 (cap 15). The Jan 1 lot expires Apr 1 (90 days),
    // the same day as the renewal: expiry first (10 left), then the grant of 5.
    const history: LedgerEvent[] = [{ type: 'subscribe', date: '2025-01-01', plan: 'premium-career' }];
    expect(ledgerStateAt(history, '2025-03-31').balance).toBe(15);
    const apr1 = ledgerStateAt(history, '2025-04-01');
    expect(apr1.balance).toBe(15);
    expect(lotsOf(apr1).map((l) => l.granted)).toEqual(['2025-02-01', '2025-03-01', '2025-04-01']);
  });

  it('renews on the start day of each month, clamped, anchored to the start (31st -> 28 Feb, 31 Mar, 30 Apr)', () => {
    const history: LedgerEvent[] = [{ type: 'subscribe', date: '2025-01-31', plan: 'recruiter-lite' }];
    const state = ledgerStateAt(history, '2025-07-01');
    const grants = lotsOf(state).map((l) => l.granted);
    expect(grants).toEqual(['2025-04-30', '2025-05-31', '2025-06-30']);
    expect(state.totals.granted).toBe(30 * 6);
    expect(formatDay(state.nextRenewal as number)).toBe('2025-07-31');
    const early = ledgerStateAt(history, '2025-04-01');
    expect(lotsOf(early).map((l) => l.granted)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
  });

  it('clamps to 29 February in a leap year', () => {
    const state = ledgerStateAt([{ type: 'subscribe', date: '2024-01-31', plan: 'recruiter-lite' }], '2024-03-01');
    expect(lotsOf(state).map((l) => l.granted)).toEqual(['2024-01-31', '2024-02-29']);
  });

  it('sales-navigator-core renews on the 1st of every month', () => {
    const state = ledgerStateAt([{ type: 'subscribe', date: '2025-01-15', plan: 'sales-navigator-core' }], '2025-03-01');
    expect(lotsOf(state).map((l) => l.granted)).toEqual(['2025-01-15', '2025-02-01', '2025-03-01']);
    expect(state.balance).toBe(150);
  });

  it('charges the plan price on the start day and each renewal day', () => {
    const state = ledgerStateAt([{ type: 'subscribe', date: '2025-01-15', plan: 'recruiter-lite' }], '2025-03-15');
    expect(state.totals.subscriptionUsd).toBe(3 * 170);
  });
});

describe('rule 3: expiry', () => {
  it('a lot expires 90 days after its grant date; on that day its remaining credits are gone', () => {
    // Mar 1 + 90 days = May 30; renewals Apr 1, May 1, Jun 1.
    const history: LedgerEvent[] = [{ type: 'subscribe', date: '2025-03-01', plan: 'recruiter-lite' }];
    expect(ledgerStateAt(history, '2025-05-29').balance).toBe(90);
    const may30 = ledgerStateAt(history, '2025-05-30');
    expect(may30.balance).toBe(60);
    expect(may30.totals.expired).toBe(30);
  });
});

describe('rule 4: spending', () => {
  it('takes one credit from the unexpired lot that expires soonest', () => {
    const { state } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'purchase', date: '2025-01-02', count: 2 },
      { type: 'inmail', date: '2025-01-03', to: 'a' },
    ]);
    expect(lotsOf(state).map((l) => [l.source, l.remaining])).toEqual([
      ['grant', 29],
      ['purchase', 2],
    ]);
  });

  it('with balance 0 the send is refused (no_credits) and nothing is spent', () => {
    const { state, steps } = replay([{ type: 'subscribe', date: '2025-01-01', plan: 'premium-career' }, ...sends('2025-01-02', 6)]);
    expect(reasons(steps)).toEqual([null, null, null, null, null, null, 'no_credits']);
    expect(state.balance).toBe(0);
    expect(state.totals.inmailsCharged).toBe(5);
    expect(state.open.has('p5')).toBe(false);
  });
});

describe('rule 5: Open Profile', () => {
  it('is free, also with a zero balance, and its reply refunds nothing', () => {
    const { state, steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'premium-career' },
      ...sends('2025-01-02', 5),
      { type: 'inmail', date: '2025-01-03', to: 'open', openProfile: true },
      { type: 'reply', date: '2025-01-04', from: 'open', kind: 'positive' },
    ]);
    expect(reasons(steps).every((r) => r === null)).toBe(true);
    expect(state.balance).toBe(0);
    expect(state.totals).toMatchObject({ inmailsFree: 1, refunds: 0, replies: 1 });
  });
});

describe('rule 6: one attempt per person', () => {
  it('refuses a second InMail while the first is unanswered, allows one after any reply', () => {
    const { state, steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'inmail', date: '2025-01-02', to: 'a' },
      { type: 'inmail', date: '2025-03-02', to: 'a' },
      { type: 'inmail', date: '2025-03-02', to: 'a', openProfile: true },
      { type: 'reply', date: '2025-06-01', from: 'a', kind: 'decline' },
      { type: 'inmail', date: '2025-06-02', to: 'a' },
    ]);
    expect(reasons(steps)).toEqual([null, null, 'awaiting_reply', 'awaiting_reply', null, null]);
    expect(state.open.get('a')?.sent).toBe(dayOf('2025-06-02'));
  });

  it('checks no_plan before awaiting_reply before no_credits', () => {
    const base: LedgerEvent[] = [{ type: 'subscribe', date: '2025-01-01', plan: 'premium-career' }, ...sends('2025-01-01', 5)];
    const s = ledgerStateAt(base, '2025-01-01');
    expect(canSendInMail(s, 'p0', false, '2025-01-02')).toMatchObject({ ok: false, code: 'awaiting_reply' });
    expect(canSendInMail(s, 'new', false, '2025-01-02')).toMatchObject({ ok: false, code: 'no_credits' });
    expect(canSendInMail(s, 'new', true, '2025-01-02')).toEqual({ ok: true, charged: false });
    const cancelled = ledgerStateAt([...base, { type: 'cancel', date: '2025-01-02' }], '2025-01-02');
    expect(canSendInMail(cancelled, 'p0', false, '2025-01-03')).toMatchObject({ ok: false, code: 'no_plan' });
  });
});

describe('rule 7: refund', () => {
  it('a reply on day 90 (send day = day 0) refunds one credit; day 91 does not', () => {
    const base: LedgerEvent[] = [
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-corporate' },
      { type: 'inmail', date: '2025-01-01', to: 'on-time' },
      { type: 'inmail', date: '2025-01-01', to: 'late' },
    ];
    const { state, steps } = replay([
      ...base,
      { type: 'reply', date: '2025-04-01', from: 'on-time', kind: 'negative' }, // day 90
      { type: 'reply', date: '2025-04-02', from: 'late', kind: 'positive' }, // day 91
    ]);
    expect(steps[3].outcome).toMatchObject({ ok: true, effect: { refunded: true } });
    expect(steps[4].outcome).toMatchObject({ ok: true, effect: { refunded: false } });
    expect(state.totals.refunds).toBe(1);
    expect(state.totals.replies).toBe(2);
  });

  it('every kind of reply counts', () => {
    for (const kind of ['positive', 'negative', 'decline', 'quick_reply'] as const) {
      const { steps } = replay([
        { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
        { type: 'inmail', date: '2025-01-02', to: 'a' },
        { type: 'reply', date: '2025-01-03', from: 'a', kind },
      ]);
      expect(steps[2].outcome).toMatchObject({ ok: true, effect: { refunded: true } });
      expect(steps[2].balance).toBe(30);
    }
  });

  it('refunds an InMail at most once', () => {
    const { state } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'inmail', date: '2025-01-02', to: 'a' },
      { type: 'reply', date: '2025-01-03', from: 'a' },
      { type: 'reply', date: '2025-01-04', from: 'a' },
      { type: 'reply', date: '2025-01-05', from: 'a', kind: 'quick_reply' },
    ]);
    expect(state.totals.refunds).toBe(1);
    expect(state.balance).toBe(30);
  });

  it('the refund is a new lot expiring 90 days after the reply, not limited by the cap', () => {
    const { state } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'premium-career' },
      ...sends('2025-03-01', 3), // Mar 1: balance 15 (cap) -> 12
      { type: 'purchase', date: '2025-03-01', count: 3 }, // 15
      { type: 'reply', date: '2025-03-05', from: 'p0' },
      { type: 'reply', date: '2025-03-05', from: 'p1' },
      { type: 'reply', date: '2025-03-05', from: 'p2' },
    ]);
    expect(state.balance).toBe(18);
    expect(lotsOf(state).filter((l) => l.source === 'refund')).toEqual([{ source: 'refund', granted: '2025-03-05', expires: '2025-06-03', remaining: 3 }]);
  });

  it('worked example: 50 sends at 30% replies bring back 15 credits, so 50 credits fund 65 sends', () => {
    const history: LedgerEvent[] = [{ type: 'subscribe', date: '2025-01-15', plan: 'sales-navigator-core' }, ...sends('2025-01-16', 50)];
    for (let i = 0; i < 15; i += 1) history.push({ type: 'reply', date: '2025-01-20', from: `p${i}` });
    history.push(...sends('2025-01-21', 16, 'q'));
    const { state, steps } = replay(history);
    expect(reasons(steps).filter((r) => r === 'no_credits')).toHaveLength(1); // the 66th send
    expect(state.totals.inmailsCharged).toBe(65);
  });
});

describe('rule 8: purchase', () => {
  it('creates a lot of N expiring 90 days later, priced at the plan\'s extra-credit price', () => {
    const { state, steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'purchase', date: '2025-01-10', count: 7 },
    ]);
    expect(steps[1].outcome).toMatchObject({ ok: true, effect: { costUsd: 70 } });
    expect(lotsOf(state)[1]).toEqual({ source: 'purchase', granted: '2025-01-10', expires: '2025-04-10', remaining: 7 });
    expect(state.totals.purchaseUsd).toBe(70);
  });

  it('refuses a purchase over the cap of 50 per calendar month (purchase_cap); a new month starts afresh', () => {
    const { state, steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'purchase', date: '2025-01-10', count: 40 },
      { type: 'purchase', date: '2025-01-20', count: 11 },
      { type: 'purchase', date: '2025-01-31', count: 10 },
      { type: 'purchase', date: '2025-02-01', count: 50 },
      { type: 'purchase', date: '2025-02-02', count: 1 },
    ]);
    expect(reasons(steps)).toEqual([null, null, 'purchase_cap', null, null, 'purchase_cap']);
    expect(state.totals.purchased).toBe(100);
  });

  it('the purchase cap is configurable per plan', () => {
    const config = resolveCreditConfig({ plans: { 'recruiter-lite': { purchaseCapPerMonth: 5, extraCreditPriceUsd: 8 } } });
    const steps: ReplayStep[] = [];
    replayLedger(
      [
        { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
        { type: 'purchase', date: '2025-01-10', count: 5 },
        { type: 'purchase', date: '2025-01-10', count: 1 },
      ],
      { config, onStep: (s) => steps.push(s) },
    );
    expect(reasons(steps)).toEqual([null, null, 'purchase_cap']);
    expect(steps[1].outcome).toMatchObject({ effect: { costUsd: 40 } });
  });

  it('without a plan a purchase is refused (no_plan)', () => {
    const { steps } = replay([{ type: 'purchase', date: '2025-01-10', count: 1 }]);
    expect(reasons(steps)).toEqual(['no_plan']);
  });
});

describe('rule 9: cancel', () => {
  it('sets the balance to 0 at once, stops grants, and refuses every later send (no_plan)', () => {
    const { state, steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'purchase', date: '2025-01-05', count: 10 },
      { type: 'cancel', date: '2025-01-06' },
      { type: 'inmail', date: '2025-01-06', to: 'a' },
      { type: 'inmail', date: '2025-03-06', to: 'b', openProfile: true },
      { type: 'purchase', date: '2025-03-07', count: 1 },
    ]);
    expect(steps[2].balance).toBe(0);
    expect(steps[2].outcome).toMatchObject({ ok: true, effect: { forfeited: 40 } });
    expect(reasons(steps).slice(3)).toEqual(['no_plan', 'no_plan', 'no_plan']);
    expect(state.balance).toBe(0);
    expect(advanceLedger(state, '2026-01-01').balance).toBe(0);
    expect(state.totals.granted).toBe(30);
  });
});

describe('rule 10: switch', () => {
  it('zeroes the balance, grants the new allocation that day, and the switch day becomes the anniversary', () => {
    const history: LedgerEvent[] = [
      { type: 'subscribe', date: '2025-01-01', plan: 'premium-business' },
      { type: 'purchase', date: '2025-01-02', count: 5 },
      { type: 'switch', date: '2025-01-20', plan: 'recruiter-lite' },
    ];
    const { state, steps } = replay(history);
    expect(steps[2].outcome).toMatchObject({ ok: true, effect: { forfeited: 20, granted: 30 } });
    expect(lotsOf(state)).toEqual([{ source: 'grant', granted: '2025-01-20', expires: '2025-04-20', remaining: 30 }]);
    const later = ledgerStateAt(history, '2025-02-20');
    expect(lotsOf(later).map((l) => l.granted)).toEqual(['2025-01-20', '2025-02-20']);
    expect(ledgerStateAt(history, '2025-02-01').balance).toBe(30);
  });

  it('without a plan there is nothing to switch from (no_plan)', () => {
    expect(reasons(replay([{ type: 'switch', date: '2025-01-01', plan: 'recruiter-lite' }]).steps)).toEqual(['no_plan']);
  });
});

describe('rule 11: across subscriptions', () => {
  it('a reply to an InMail sent before a switch closes it but refunds nothing', () => {
    const { state, steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'inmail', date: '2025-01-02', to: 'a' },
      { type: 'switch', date: '2025-01-03', plan: 'recruiter-corporate' },
      { type: 'inmail', date: '2025-01-04', to: 'a' },
      { type: 'reply', date: '2025-01-05', from: 'a' },
      { type: 'inmail', date: '2025-01-06', to: 'a' },
    ]);
    expect(reasons(steps)).toEqual([null, null, null, 'awaiting_reply', null, null]);
    expect(steps[4].outcome).toMatchObject({ ok: true, effect: { refunded: false } });
    expect(state.balance).toBe(149);
  });

  it('a reply after a cancel closes the InMail without a refund, and Open Profile needs a plan too', () => {
    const { state, steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'inmail', date: '2025-01-02', to: 'a' },
      { type: 'cancel', date: '2025-01-03' },
      { type: 'reply', date: '2025-01-04', from: 'a' },
      { type: 'inmail', date: '2025-01-05', to: 'b', openProfile: true },
      { type: 'subscribe', date: '2025-02-01', plan: 'recruiter-lite' },
      { type: 'inmail', date: '2025-02-02', to: 'a' },
    ]);
    expect(reasons(steps)).toEqual([null, null, null, null, 'no_plan', null, null]);
    expect(steps[3].outcome).toMatchObject({ ok: true, effect: { refunded: false } });
    expect(state.totals.refunds).toBe(0);
    expect(state.balance).toBe(29);
  });

  it('an InMail left open over a cancel still blocks a new one after re-subscribing', () => {
    const { steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' },
      { type: 'inmail', date: '2025-01-02', to: 'a' },
      { type: 'cancel', date: '2025-01-03' },
      { type: 'subscribe', date: '2025-02-01', plan: 'recruiter-lite' },
      { type: 'inmail', date: '2025-02-02', to: 'a' },
      { type: 'reply', date: '2025-02-03', from: 'a' },
    ]);
    expect(reasons(steps)).toEqual([null, null, null, null, 'awaiting_reply', null]);
    expect(steps[5].outcome).toMatchObject({ ok: true, effect: { refunded: false } });
  });
});

describe('same-day order', () => {
  it('expiries first, then the grant, then the day\'s events in the given order', () => {
    // career: renewal on Apr 1 coincides with the Jan 1 lot's expiry. Spend everything on Mar 31.
    const history: LedgerEvent[] = [{ type: 'subscribe', date: '2025-01-01', plan: 'premium-career' }, ...sends('2025-03-31', 15)];
    history.push(...sends('2025-04-01', 6, 'q'));
    const { steps } = replay(history);
    // the day's grant (5) is usable by that day's sends; the sixth is refused
    expect(reasons(steps).slice(-6)).toEqual([null, null, null, null, null, 'no_credits']);
  });
});

describe('transfers (recruiter-corporate pooling)', () => {
  it('moves credits out of the soonest-expiring lots, and they keep their dates on the other seat', () => {
    const giver = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-corporate' },
      { type: 'purchase', date: '2025-01-02', count: 10 },
      { type: 'transfer_out', date: '2025-01-05', count: 155, toSeat: 'b', transferId: 't1' },
    ]);
    const out = giver.steps[2].outcome;
    expect(out.ok && out.effect.movedLots?.map((l) => [formatDay(l.granted), formatDay(l.expires), l.count])).toEqual([
      ['2025-01-01', '2025-04-01', 150],
      ['2025-01-02', '2025-04-02', 5],
    ]);
    expect(giver.state.balance).toBe(5);
    const taker = replay([
      { type: 'subscribe', date: '2025-01-03', plan: 'recruiter-corporate' },
      {
        type: 'transfer_in',
        date: '2025-01-05',
        count: 155,
        fromSeat: 'a',
        transferId: 't1',
        lots: [
          { granted: '2025-01-01', expires: '2025-04-01', count: 150 },
          { granted: '2025-01-02', expires: '2025-04-02', count: 5 },
        ],
      },
    ]);
    expect(taker.state.balance).toBe(305);
    expect(lotsOf(taker.state)[0]).toEqual({ source: 'transfer', granted: '2025-01-01', expires: '2025-04-01', remaining: 150 });
    const takerHistory = taker.steps.map((s) => s.event);
    // the moved lot still expires on Apr 1, as it would have on the giving seat
    expect(ledgerStateAt(takerHistory, '2025-03-31').balance - ledgerStateAt(takerHistory, '2025-04-01').balance).toBe(150);
  });

  it('cannot move more than the balance (no_credits)', () => {
    const { steps } = replay([
      { type: 'subscribe', date: '2025-01-01', plan: 'recruiter-corporate' },
      { type: 'transfer_out', date: '2025-01-05', count: 151, toSeat: 'b', transferId: 't1' },
    ]);
    expect(reasons(steps)).toEqual([null, 'no_credits']);
  });
});

describe('pure API', () => {
  it('applyLedgerEvent returns a new state and never changes the one it was given', () => {
    const s0 = ledgerStateAt([{ type: 'subscribe', date: '2025-01-01', plan: 'recruiter-lite' }], '2025-01-01');
    const before = structuredClone({ ...s0, open: [...s0.open] });
    const r = applyLedgerEvent(s0, { type: 'inmail', date: '2025-01-02', to: 'a' });
    expect(r.ok && r.state.balance).toBe(29);
    expect({ ...s0, open: [...s0.open] }).toEqual(before);
    const refused = applyLedgerEvent(s0, { type: 'purchase', date: '2025-01-02', count: 51 });
    expect(refused).toMatchObject({ ok: false, code: 'purchase_cap' });
  });

  it('rejects an event dated before the state (invalid_input) and an unknown plan', () => {
    const s0 = ledgerStateAt([{ type: 'subscribe', date: '2025-01-10', plan: 'recruiter-lite' }], '2025-01-10');
    expect(() => applyLedgerEvent(s0, { type: 'inmail', date: '2025-01-09', to: 'a' })).toThrow(AppError);
    expect(() => applyLedgerEvent(s0, { type: 'switch', date: '2025-01-11', plan: 'gold' })).toThrow(/unknown plan/);
  });

  it('uses the plan terms recorded in the event over the catalogue', () => {
    const terms = { id: 'recruiter-lite', name: 'Lite (old terms)', monthlyAllocation: 25, cap: 100, priceUsd: 150, extraCreditPriceUsd: 10, purchaseCapPerMonth: 50, renewal: 'anniversary' as const, pooled: false };
    expect(ledgerStateAt([{ type: 'subscribe', date: '2025-01-10', plan: 'recruiter-lite', terms }], '2025-01-10').balance).toBe(25);
  });
});
