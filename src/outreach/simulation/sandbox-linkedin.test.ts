import type { Channel } from '../../core/channel.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerProbability, defaultSandboxRates, resolveSandboxRates, simulateMemberResponse, type SandboxAction } from './sandbox-linkedin.ts';

const channels: Channel[] = ['connection_request', 'inmail', 'message', 'email', 'phone'];
const actionArb: fc.Arbitrary<SandboxAction> = fc.record({
  candidateId: fc.integer({ min: 1, max: 1_000_000 }),
  channel: fc.constantFrom(...channels),
  actionKey: fc.string({ maxLength: 12 }),
  bodyLength: fc.integer({ min: 0, max: 8000 }),
  weekday: fc.integer({ min: 1, max: 7 }),
  personalised: fc.boolean(),
  recommended: fc.boolean(),
  hasAddress: fc.boolean(),
});

function share(n: number, make: (i: number) => SandboxAction, pick: (r: ReturnType<typeof simulateMemberResponse>) => boolean, seed = 'rate-test'): number {
  let hits = 0;
  for (let i = 1; i <= n; i += 1) if (pick(simulateMemberResponse(seed, defaultSandboxRates, make(i)))) hits += 1;
  return hits / n;
}

const base = (channel: Channel, i: number, extra: Partial<SandboxAction> = {}): SandboxAction => ({
  candidateId: i,
  channel,
  actionKey: channel,
  bodyLength: 600,
  weekday: 1,
  personalised: false,
  ...extra,
});

describe('sandbox LinkedIn: section 5 defaults', () => {
  it('uses default rates inside the spec ranges', () => {
    expect(defaultSandboxRates.acceptance).toBeGreaterThanOrEqual(0.3);
    expect(defaultSandboxRates.acceptance).toBeLessThanOrEqual(0.45);
    expect(defaultSandboxRates.inmailReply).toBeGreaterThanOrEqual(0.1);
    expect(defaultSandboxRates.inmailReply).toBeLessThanOrEqual(0.25);
    expect(defaultSandboxRates.emailReply).toBeGreaterThanOrEqual(0.01);
    expect(defaultSandboxRates.emailReply).toBeLessThanOrEqual(0.05);
  });

  it('accepts about 38% of plain connection requests and stays inside 30-45% when personalised', () => {
    const plain = share(20_000, (i) => base('connection_request', i), (r) => r.outcomes.some((o) => o.kind === 'accepted'));
    const personal = share(20_000, (i) => base('connection_request', i, { personalised: true }), (r) => r.outcomes.some((o) => o.kind === 'accepted'));
    expect(plain).toBeGreaterThan(0.365);
    expect(plain).toBeLessThan(0.395);
    expect(personal).toBeGreaterThan(0.3);
    expect(personal).toBeLessThan(0.45);
    expect(personal).toBeGreaterThan(plain);
  });

  it('answers about 18% of InMails on average when 10% of them are under 400 characters', () => {
    const r = share(30_000, (i) => base('inmail', i, { bodyLength: i % 10 === 0 ? 250 : 900 }), (x) => x.outcomes.some((o) => o.kind === 'replied'));
    expect(r).toBeGreaterThan(0.17);
    expect(r).toBeLessThan(0.19);
  });

  it('gives short messages 22% more replies than average, personalised ones 15% more, Tue-Thu more than Saturday', () => {
    const avg = defaultSandboxRates.inmailReply;
    expect(answerProbability(defaultSandboxRates, base('inmail', 1, { bodyLength: 399 }))).toBeCloseTo(avg * 1.22, 10);
    expect(answerProbability(defaultSandboxRates, base('inmail', 1, { bodyLength: 399, personalised: true }))).toBeCloseTo(avg * 1.22 * 1.15, 10);
    const wed = answerProbability(defaultSandboxRates, base('inmail', 1, { weekday: 3 }));
    const sat = answerProbability(defaultSandboxRates, base('inmail', 1, { weekday: 6 }));
    const mon = answerProbability(defaultSandboxRates, base('inmail', 1, { weekday: 1 }));
    expect(wed).toBeGreaterThan(mon);
    expect(mon).toBeGreaterThan(sat);
  });

  it('keeps cold email at 1-5% replies', () => {
    const r = share(30_000, (i) => base('email', i, { hasAddress: true }), (x) => x.outcomes.some((o) => o.kind === 'replied'));
    expect(r).toBeGreaterThan(0.01);
    expect(r).toBeLessThan(0.05);
  });

  it('produces every reply kind', () => {
    const kinds = new Set<string>();
    for (let i = 1; i < 3000; i += 1) for (const o of simulateMemberResponse(1, defaultSandboxRates, base('inmail', i)).outcomes) if (o.replyKind) kinds.add(o.replyKind);
    expect([...kinds].sort()).toEqual(['decline', 'negative', 'positive', 'quick_reply']);
  });
});

describe('sandbox LinkedIn: invariants', () => {
  it('is deterministic for (seed, candidate, action key, traits)', () => {
    fc.assert(
      fc.property(fc.string(), actionArb, (seed, a) => {
        expect(simulateMemberResponse(seed, defaultSandboxRates, a)).toEqual(simulateMemberResponse(seed, defaultSandboxRates, { ...a }));
      }),
    );
  });

  it('answers in time order within the delay cap, with shapes a member can give', () => {
    fc.assert(
      fc.property(fc.integer(), actionArb, (seed, a) => {
        const { outcomes, probability } = simulateMemberResponse(seed, defaultSandboxRates, a);
        expect(probability).toBeGreaterThanOrEqual(0);
        expect(probability).toBeLessThanOrEqual(1);
        for (let i = 1; i < outcomes.length; i += 1) expect(outcomes[i].afterDays).toBeGreaterThanOrEqual(outcomes[i - 1].afterDays);
        for (const o of outcomes) {
          expect(o.afterDays).toBeGreaterThanOrEqual(0);
          expect(o.afterDays).toBeLessThanOrEqual(defaultSandboxRates.maxDelayDays);
          expect(o.kind === 'replied').toBe(o.replyKind !== undefined);
        }
        const kinds = outcomes.map((o) => o.kind).join(',');
        if (a.channel === 'connection_request') expect(['', 'accepted', 'accepted,replied', 'declined_invitation']).toContain(kinds);
        else if (a.channel === 'email') expect(['', 'replied', 'bounced']).toContain(kinds);
        else expect(['', 'replied']).toContain(kinds);
        if (a.channel === 'email' && a.hasAddress === false) expect(kinds).toBe('bounced');
      }),
    );
  });

  it('never lowers the answer chance for a personalised or shorter message (same draw)', () => {
    fc.assert(
      fc.property(actionArb, (a) => {
        const p = answerProbability(defaultSandboxRates, { ...a, personalised: false });
        expect(answerProbability(defaultSandboxRates, { ...a, personalised: true })).toBeGreaterThanOrEqual(p);
        if (a.channel !== 'phone' && a.channel !== 'connection_request') {
          expect(answerProbability(defaultSandboxRates, { ...a, personalised: false, bodyLength: 100 })).toBeGreaterThanOrEqual(answerProbability(defaultSandboxRates, { ...a, personalised: false, bodyLength: 1000 }));
        }
      }),
    );
  });

  it('answers a Saturday send 13% slower than the same send on a Friday with the same draw', () => {
    const rates = resolveSandboxRates({ weekdayFactors: [1, 1, 1, 1, 1, 1, 1], maxDelayDays: 1000 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (id) => {
        const fri = simulateMemberResponse(7, rates, base('inmail', id, { weekday: 5 }));
        const sat = simulateMemberResponse(7, rates, base('inmail', id, { weekday: 6 }));
        expect(sat.outcomes.length).toBe(fri.outcomes.length);
        if (fri.outcomes[0]) expect(sat.outcomes[0].afterDays).toBeCloseTo(fri.outcomes[0].afterDays * 1.13, 9);
      }),
    );
  });

  it('depends on the seed', () => {
    const run = (seed: number) => Array.from({ length: 200 }, (_, i) => simulateMemberResponse(seed, defaultSandboxRates, base('connection_request', i)).outcomes.length).join('');
    expect(run(1)).not.toBe(run(2));
    expect(run(1)).toBe(run(1));
  });
});
