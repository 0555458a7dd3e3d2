import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { addSeat } from '../seats/seat-store.ts';
import { loadCreditEvents } from './credit-event-store.ts';
import { creditConfigFor, saveCreditOverrides } from './credit-settings-store.ts';
import { applyLedgerEvent, ledgerStateAt } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { emptyLedgerState } from './ledger-state.ts';
import { addSeatWithPlan, recordCreditEvent, seatCreditState, transferCredits, type CreditEventInput } from './seat-credits.ts';

const now = new Date('2025-03-01T12:00:00Z');
const W = 'default';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('expected a refusal');
}

function comparable(s: ReturnType<typeof ledgerStateAt>) {
  return { ...s, open: [...s.open.entries()] };
}

describeEachBackend('seat credit ledgers in storage', (getStore) => {
  it('adds a seat with a plan, records its subscription and derives the state by replay', async () => {
    const store = getStore();
    const { seat, balance } = await addSeatWithPlan(store, W, { id: 'ann', name: 'Ann', plan: 'recruiter-lite', since: '2025-01-31' }, now);
    expect(balance).toBe(30);
    const row = await store.db.selectFrom('seats').select(['plan', 'paid']).where('id', '=', seat.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ plan: 'recruiter-lite', paid: 1 });
    const s = await seatCreditState(store, W, 'ann', '2025-03-31');
    expect(s.state.balance).toBe(90); // Jan 31, Feb 28, Mar 31
    const stored = await loadCreditEvents(store.db, 'ann');
    expect(stored.map((e) => [e.seq, e.event.type, e.event.date])).toEqual([[1, 'subscribe', '2025-01-31']]);
    expect(stored[0].event).toMatchObject({ terms: { id: 'recruiter-lite', cap: 120 } });
    await expect(addSeatWithPlan(store, W, { id: 'bad', name: 'Bad', plan: 'gold' }, now)).rejects.toThrow(/unknown plan/);
  });

  it('records events, refuses with the ledger\'s codes and writes nothing on a refusal', async () => {
    const store = getStore();
    await addSeatWithPlan(store, W, { id: 'bo', name: 'Bo', plan: 'premium-career', since: '2025-02-01' }, now);
    const send = (to: string, date = '2025-02-02') => recordCreditEvent(store, W, 'bo', { type: 'inmail', to, date }, now);
    for (const to of ['a', 'b', 'c', 'd', 'e']) await send(to);
    const before = (await loadCreditEvents(store.db, 'bo')).length;
    expect(await refusal(send('f'))).toBe('no_credits');
    expect(await refusal(send('a'))).toBe('awaiting_reply');
    expect(await refusal(recordCreditEvent(store, W, 'bo', { type: 'purchase', count: 51, date: '2025-02-02' }, now))).toBe('purchase_cap');
    expect((await loadCreditEvents(store.db, 'bo')).length).toBe(before);
    const reply = await recordCreditEvent(store, W, 'bo', { type: 'reply', from: 'a', kind: 'negative', date: '2025-02-03' }, now);
    expect(reply).toMatchObject({ balance: 1, effect: { refunded: true } });
    expect(await refusal(recordCreditEvent(store, W, 'bo', { type: 'inmail', to: 'z', date: '2025-02-01' }, now))).toBe('invalid_input');
    await recordCreditEvent(store, W, 'bo', { type: 'cancel', date: '2025-02-04' }, now);
    expect((await store.db.selectFrom('seats').select('plan').where('id', '=', 'bo').executeTakeFirstOrThrow()).plan).toBeNull();
    expect(await refusal(send('q', '2025-02-05'))).toBe('no_plan');
    await recordCreditEvent(store, W, 'bo', { type: 'subscribe', plan: 'recruiter-lite', date: '2025-02-06' }, now);
    await recordCreditEvent(store, W, 'bo', { type: 'switch', plan: 'sales-navigator-core', date: '2025-02-07' }, now);
    expect((await seatCreditState(store, W, 'bo', '2025-02-07')).state.balance).toBe(50);
    expect(await refusal(recordCreditEvent(store, W, 'nobody', { type: 'cancel' }, now))).toBe('not_found');
  });

  it('keeps the history append-only: rows cannot be updated', async () => {
    const store = getStore();
    await expect(sql`UPDATE credit_events SET payload = '{}' WHERE seat_id = 'bo'`.execute(store.db)).rejects.toThrow(/append-only/);
  });

  it('the stored state always equals a replay of the accepted events (fast-check)', async () => {
    const store = getStore();
    let n = 0;
    const input = fc.oneof(
      fc.constantFrom('a', 'b', 'c').map((to): CreditEventInput => ({ type: 'inmail', to })),
      fc.constantFrom('a', 'b', 'c').map((from): CreditEventInput => ({ type: 'reply', from })),
      fc.integer({ min: 1, max: 30 }).map((count): CreditEventInput => ({ type: 'purchase', count })),
      fc.constantFrom('premium-career', 'recruiter-lite').map((plan): CreditEventInput => ({ type: 'switch', plan })),
      fc.constant<CreditEventInput>({ type: 'cancel' }),
      fc.constantFrom('premium-career', 'recruiter-lite').map((plan): CreditEventInput => ({ type: 'subscribe', plan })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), input), { maxLength: 25 }), async (steps) => {
        const id = `prop-${n++}`;
        await addSeatWithPlan(store, W, { id, name: id, plan: 'premium-career', since: '2025-01-01' }, now);
        let state = applyLedgerEvent(emptyLedgerState, { type: 'subscribe', date: '2025-01-01', plan: 'premium-career' });
        let pure = state.ok ? state.state : emptyLedgerState;
        let day = Date.UTC(2025, 0, 1);
        for (const [gap, step] of steps) {
          day += gap * 86_400_000;
          const date = new Date(day).toISOString().slice(0, 10);
          const event = { ...step, date } as LedgerEvent;
          state = applyLedgerEvent(pure, event);
          const stored = recordCreditEvent(store, W, id, { ...step, date } as CreditEventInput, now);
          if (state.ok) {
            expect((await stored).balance).toBe(state.state.balance);
            pure = state.state;
          } else expect(await refusal(stored)).toBe(state.code);
        }
        const end = new Date(day + 40 * 86_400_000).toISOString().slice(0, 10);
        const fromStore = await seatCreditState(store, W, id, end);
        const replayed = ledgerStateAt((await loadCreditEvents(store.db, id)).map((e) => e.event), end);
        expect(comparable(fromStore.state)).toEqual(comparable(replayed));
      }),
      { numRuns: 12 },
    );
  });

  it('serialises concurrent writers of one seat', async () => {
    const store = getStore();
    await addSeatWithPlan(store, W, { id: 'busy', name: 'Busy', plan: 'recruiter-lite', since: '2025-02-01' }, now);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => recordCreditEvent(store, W, 'busy', { type: 'inmail', to: `p${i}`, date: '2025-02-02' }, now)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(12);
    const stored = await loadCreditEvents(store.db, 'busy');
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect((await seatCreditState(store, W, 'busy', '2025-02-02')).state.balance).toBe(18);
  });

  it('treats a seat with a plan but no history as subscribed on its creation day', async () => {
    const store = getStore();
    await addSeat(store, W, { id: 'legacy', name: 'Legacy', plan: 'recruiter-lite' }, '2025-02-10T09:00:00.000Z');
    expect((await seatCreditState(store, W, 'legacy', '2025-02-10')).state.balance).toBe(30);
    await recordCreditEvent(store, W, 'legacy', { type: 'inmail', to: 'x', date: '2025-02-11' }, now);
    const stored = await loadCreditEvents(store.db, 'legacy');
    expect(stored.map((e) => [e.event.type, e.event.date])).toEqual([
      ['subscribe', '2025-02-10'],
      ['inmail', '2025-02-11'],
    ]);
  });

  it('moves credits between seats of one recruiter-corporate contract only', async () => {
    const store = getStore();
    await addSeatWithPlan(store, W, { id: 'c1', name: 'C1', plan: 'recruiter-corporate', contractId: 'acme', since: '2025-01-01' }, now);
    await addSeatWithPlan(store, W, { id: 'c2', name: 'C2', plan: 'recruiter-corporate', contractId: 'acme', since: '2025-01-20' }, now);
    await addSeatWithPlan(store, W, { id: 'c3', name: 'C3', plan: 'recruiter-corporate', contractId: 'other', since: '2025-01-20' }, now);
    await addSeatWithPlan(store, W, { id: 'l1', name: 'L1', plan: 'recruiter-lite', contractId: 'acme', since: '2025-01-20' }, now);
    await recordCreditEvent(store, W, 'c1', { type: 'purchase', count: 10, date: '2025-01-25' }, now);
    const t = await transferCredits(store, W, { fromSeat: 'c1', toSeat: 'c2', count: 155, date: '2025-01-25' }, now);
    expect(t.lots).toEqual([
      { granted: '2025-01-01', expires: '2025-04-01', count: 150 },
      { granted: '2025-01-25', expires: '2025-04-25', count: 5 },
    ]);
    expect(t.balances).toEqual({ from: 5, to: 305 });
    const c2 = await seatCreditState(store, W, 'c2', '2025-01-25');
    expect(c2.state.lots.map((l) => l.source)).toEqual(['transfer', 'grant', 'transfer']);
    const c1Events = (await loadCreditEvents(store.db, 'c1')).map((e) => e.event);
    const c2Events = (await loadCreditEvents(store.db, 'c2')).map((e) => e.event);
    expect(c1Events.at(-1)).toMatchObject({ type: 'transfer_out', count: 155, toSeat: 'c2', transferId: t.transferId });
    expect(c2Events.at(-1)).toMatchObject({ type: 'transfer_in', count: 155, fromSeat: 'c1', transferId: t.transferId });
    expect(await refusal(transferCredits(store, W, { fromSeat: 'c2', toSeat: 'c3', count: 1, date: '2025-01-26' }, now))).toBe('not_pooled');
    expect(await refusal(transferCredits(store, W, { fromSeat: 'c2', toSeat: 'l1', count: 1, date: '2025-01-26' }, now))).toBe('not_pooled');
    expect(await refusal(transferCredits(store, W, { fromSeat: 'l1', toSeat: 'c2', count: 1, date: '2025-01-26' }, now))).toBe('not_pooled');
    expect(await refusal(transferCredits(store, W, { fromSeat: 'c1', toSeat: 'c2', count: 6, date: '2025-01-26' }, now))).toBe('no_credits');
    expect(await refusal(transferCredits(store, W, { fromSeat: 'c1', toSeat: 'c1', count: 1 }, now))).toBe('invalid_input');
    expect((await loadCreditEvents(store.db, 'c1')).length).toBe(c1Events.length);
  });

  it('reads plan overrides from the workspace settings, keeps other settings, and snapshots terms into the history', async () => {
    const store = getStore();
    await store.db.updateTable('workspaces').set({ settings: JSON.stringify({ webhooks: { outcomesSecret: 's' } }) }).where('id', '=', W).execute();
    await saveCreditOverrides(store, W, { plans: { 'premium-business': { monthlyAllocation: 20 } } });
    expect((await creditConfigFor(store.db, W)).plans['premium-business'].monthlyAllocation).toBe(20);
    const settings = JSON.parse((await store.db.selectFrom('workspaces').select('settings').where('id', '=', W).executeTakeFirstOrThrow()).settings);
    expect(settings.webhooks).toEqual({ outcomesSecret: 's' });
    await addSeatWithPlan(store, W, { id: 'pb', name: 'PB', plan: 'premium-business', since: '2025-02-01' }, now);
    await saveCreditOverrides(store, W, {});
    // the subscription keeps the terms it was recorded with
    expect((await seatCreditState(store, W, 'pb', '2025-02-01')).state.balance).toBe(20);
    await expect(saveCreditOverrides(store, W, { plans: { x: { cap: 1 } } })).rejects.toThrow(AppError);
  });
});
