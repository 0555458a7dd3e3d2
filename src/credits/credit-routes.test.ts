import { expect, it } from 'vitest';
import { signedInApp } from '../api/test-app.ts';
import { describeEachBackend } from '../db/test-backends.ts';

const post = (body: unknown, method = 'POST') => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describeEachBackend('credits API', (getStore) => {
  it('adds seats, records events, refuses with 409 and the code, shows the ledger', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const added = await app.request('/api/seats', post({ id: 'api-ann', name: 'Ann', plan: 'recruiter-lite', since: '2025-01-31' }));
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ seat: { id: 'api-ann', plan: 'recruiter-lite', paid: true }, balance: 30 });

    const sent = await app.request('/api/seats/api-ann/credits/events', post({ type: 'inmail', to: 'p1', date: '2025-02-01' }));
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ seq: 2, balance: 29, effect: { charged: true } });
    const again = await app.request('/api/seats/api-ann/credits/events', post({ type: 'inmail', to: 'p1', date: '2025-02-01' }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'awaiting_reply' } });
    const cap = await app.request('/api/seats/api-ann/credits/events', post({ type: 'purchase', count: 51, date: '2025-02-02' }));
    expect(((await cap.json()) as { error: { code: string } }).error.code).toBe('purchase_cap');
    const bad = await app.request('/api/seats/api-ann/credits/events', post({ type: 'inmail', date: '2025-02-02' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    expect((await app.request('/api/seats/nobody/credits')).status).toBe(404);

    const show = await app.request('/api/seats/api-ann/credits?date=2025-02-20');
    expect(show.status).toBe(200);
    expect(await show.json()).toMatchObject({
      seatId: 'api-ann',
      balance: 29,
      nextRenewal: '2025-02-28',
      awaitingReply: [{ to: 'p1', sent: '2025-02-01', openProfile: false, refundableUntil: '2025-05-02' }],
    });
    const events = (await (await app.request('/api/seats/api-ann/credits/events')).json()) as { events: { type: string }[] };
    expect(events.events.map((e) => e.type)).toEqual(['subscribe', 'inmail']);
    const seats = (await (await app.request('/api/seats?date=2025-02-20')).json()) as { seats: { id: string; balance: number }[] };
    expect(seats.seats.find((s) => s.id === 'api-ann')?.balance).toBe(29);
    const cost = (await (await app.request('/api/seats/api-ann/credits/cost?date=2025-02-20')).json()) as { spendUsd: number; costPerInMailUsd: number };
    expect(cost).toMatchObject({ spendUsd: 170, costPerInMailUsd: 170 });
  });

  it('moves credits within a corporate contract and refuses other seats with not_pooled', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    for (const [id, contractId] of [
      ['api-c1', 'k'],
      ['api-c2', 'k'],
      ['api-c3', 'j'],
    ]) {
      expect((await app.request('/api/seats', post({ id, name: id, plan: 'recruiter-corporate', contractId, since: '2025-01-01' }))).status).toBe(201);
    }
    const moved = await app.request('/api/credits/transfers', post({ fromSeat: 'api-c1', toSeat: 'api-c2', count: 10, date: '2025-01-05' }));
    expect(moved.status).toBe(201);
    expect(await moved.json()).toMatchObject({ count: 10, lots: [{ granted: '2025-01-01', expires: '2025-04-01', count: 10 }], balances: { from: 140, to: 160 } });
    const refused = await app.request('/api/credits/transfers', post({ fromSeat: 'api-c1', toSeat: 'api-c3', count: 1, date: '2025-01-05' }));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_pooled');
  });

  it('serves simulate, forecast and advice, and documents the routes in /openapi.json', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const sim = await app.request(
      '/api/credits/simulate',
      post({ events: [{ date: '2025-01-01', type: 'subscribe', plan: 'premium-career' }, { date: '2025-01-02', type: 'inmail', to: 'x' }, { date: '2025-01-03', type: 'balance' }] }),
    );
    expect(await sim.json()).toEqual({
      results: [
        { type: 'subscribe', ok: true, reason: null, balance: 5 },
        { type: 'inmail', ok: true, reason: null, balance: 4 },
        { type: 'balance', ok: true, reason: null, balance: 4 },
      ],
    });
    const unordered = await app.request('/api/credits/simulate', post({ events: [{ date: '2025-01-02', type: 'balance' }, { date: '2025-01-01', type: 'balance' }] }));
    expect(unordered.status).toBe(400);
    expect(await unordered.json()).toMatchObject({ error: { code: 'invalid_input', details: { index: 1 } } });

    const forecast = await app.request('/api/credits/forecast', post({ plan: 'recruiter-lite', date: '2025-01-06', weeklySends: 10, replyRate: 0, runs: 20 }));
    expect(forecast.status).toBe(200);
    const f = (await forecast.json()) as { days: unknown[]; runsDry: { expected: string } };
    expect(f.days).toHaveLength(180);
    expect(f.runsDry.expected).toBe('2025-01-27');
    expect((await app.request('/api/credits/forecast', post({ weeklySends: 10, replyRate: 0.2 }))).status).toBe(400);

    const advice = await app.request('/api/credits/advice', post({ monthlySends: 100, replyRates: [0.2] }));
    expect(advice.status).toBe(200);
    expect(await advice.json()).toMatchObject({ scenarios: [{ perCredit: { costPerReplyUsd: 50, costPerReplyWithRefundsUsd: 40 }, cheapestPlan: 'sales-navigator-core' }] });

    const plans = await app.request('/api/credits/plans', post({ plans: { 'premium-career': { monthlyAllocation: 6 } } }, 'PUT'));
    expect(plans.status).toBe(200);
    expect(((await plans.json()) as { plans: { id: string; monthlyAllocation: number }[] }).plans.find((p) => p.id === 'premium-career')?.monthlyAllocation).toBe(6);
    await app.request('/api/credits/plans', post({}, 'PUT'));

    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/seats',
      '/api/seats/{seatId}/credits',
      '/api/seats/{seatId}/credits/events',
      '/api/seats/{seatId}/credits/cost',
      '/api/credits/transfers',
      '/api/credits/forecast',
      '/api/credits/advice',
      '/api/credits/simulate',
      '/api/credits/plans',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
