import type { Channel } from '../core/channel.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OutcomeEvent, SentAction } from './analytics-event.ts';
import { attributeOutcomes } from './attribute-outcomes.ts';
import { costPerReplyByChannel } from './cost-per-reply.ts';
import { campaignFunnels, channelBreakdown, stepBreakdown, variantBreakdown } from './funnel.ts';
import { lengthBucketOf, replyRateByLength, replyRateByWeekday } from './reply-rates.ts';

function act(candidateId: number, channel: Channel, sentAt: string, extra: Partial<SentAction> = {}): SentAction {
  const stepKey = { connection_request: 'invite', message: 'follow-up', inmail: 'inmail', email: 'email', phone: 'phone', withdraw_invitation: 'withdraw' }[channel];
  return { campaignId: 'c1', candidateId, seatId: 'ada', stepKey, channel, variant: null, sentAt, weekday: 2, length: 300, charged: channel === 'inmail', ...extra };
}
function out(candidateId: number, kind: OutcomeEvent['kind'], at: string, extra: Partial<OutcomeEvent> = {}): OutcomeEvent {
  return { campaignId: 'c1', candidateId, kind, replyKind: kind === 'replied' ? 'positive' : null, channel: null, at, refunded: false, ...extra };
}

const actions: SentAction[] = [
  act(1, 'connection_request', '2026-03-02T10:00:00Z', { variant: 'A' }),
  act(2, 'connection_request', '2026-03-02T11:00:00Z', { variant: 'B' }),
  act(3, 'connection_request', '2026-03-02T12:00:00Z', { variant: 'A' }),
  act(1, 'message', '2026-03-06T10:00:00Z', { length: 650, weekday: 5 }),
  act(2, 'inmail', '2026-03-09T10:00:00Z', { length: 350, weekday: 1 }),
  act(3, 'inmail', '2026-03-09T11:00:00Z', { length: 1200, weekday: 1, charged: false }),
  act(4, 'email', '2026-03-10T11:00:00Z', { length: 900, weekday: 2 }),
  act(3, 'withdraw_invitation', '2026-03-23T11:00:00Z', { length: 0 }),
];
const outcomes: OutcomeEvent[] = [
  out(1, 'accepted', '2026-03-03T09:00:00Z'),
  out(1, 'replied', '2026-03-07T09:00:00Z', { channel: 'message', replyKind: 'negative' }),
  out(2, 'replied', '2026-03-10T09:00:00Z', { channel: 'inmail', refunded: true }),
  out(4, 'bounced', '2026-03-10T12:00:00Z'),
  out(9, 'replied', '2026-03-10T12:00:00Z'),
];

describe('analytics over an outcome log', () => {
  it('builds the campaign funnel in people, each stage a share of the previous', () => {
    const [f] = campaignFunnels([{ campaignId: 'c1', name: 'Rust engineers', enrolled: 5 }], actions, outcomes);
    expect(f.name).toBe('Rust engineers');
    expect(f.stages.map((s) => [s.key, s.count, s.rate])).toEqual([
      ['enrolled', 5, null],
      ['contacted', 4, 0.8],
      ['invited', 3, 0.75],
      ['accepted', 1, 0.3333],
      ['replied', 2, 2],
      ['positive', 1, 0.5],
    ]);
  });

  it('breaks results down by channel, step and variant', () => {
    expect(channelBreakdown(actions, outcomes).map((r) => [r.channel, r.sent, r.accepted, r.replied, r.bounced])).toEqual([
      ['connection_request', 3, 1, 0, 0],
      ['message', 1, 0, 1, 0],
      ['inmail', 2, 0, 1, 0],
      ['email', 1, 0, 0, 1],
    ]);
    expect(stepBreakdown(actions, outcomes).map((r) => r.stepKey)).toEqual(['email', 'follow-up', 'inmail', 'invite']);
    const variants = variantBreakdown(actions, outcomes).filter((v) => v.stepKey === 'invite');
    expect(variants.map((v) => [v.variant, v.sent, v.accepted, v.acceptanceRate])).toEqual([
      ['A', 2, 1, 0.5],
      ['B', 1, 0, 0],
    ]);
  });

  it('gives reply rates for all 7 weekdays and the 3 length buckets, messages only', () => {
    const w = replyRateByWeekday(actions, outcomes);
    expect(w.map((r) => r.label)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(w[0]).toMatchObject({ sent: 2, replied: 1, replyRate: 0.5 });
    expect(w[4]).toMatchObject({ sent: 1, replied: 1, replyRate: 1 });
    expect(w[2]).toMatchObject({ sent: 0, replied: 0, replyRate: null });
    expect(replyRateByLength(actions, outcomes).map((r) => [r.bucket, r.sent, r.replied])).toEqual([
      ['<400', 1, 1],
      ['400-1000', 2, 1],
      ['>1000', 1, 0],
    ]);
    expect([lengthBucketOf(399), lengthBucketOf(400), lengthBucketOf(1000), lengthBucketOf(1001)]).toEqual(['<400', '400-1000', '400-1000', '>1000']);
  });

  it('counts InMail cost at the seat price per credit, net of refunds', () => {
    const rows = costPerReplyByChannel(actions, outcomes, () => 170 / 30);
    expect(rows.find((r) => r.channel === 'inmail')).toEqual({ channel: 'inmail', sent: 2, replied: 1, creditsSpent: 1, creditsRefunded: 1, costUsd: 0, costPerReply: 0 });
    expect(rows.find((r) => r.channel === 'message')).toMatchObject({ costUsd: 0, costPerReply: 0 });
    expect(rows.find((r) => r.channel === 'connection_request')).toMatchObject({ replied: 0, costPerReply: null });
  });
});

const channelArb = fc.constantFrom<Channel>('connection_request', 'message', 'inmail', 'email', 'phone', 'withdraw_invitation');
const timeArb = fc.integer({ min: 0, max: 30 * 24 }).map((h) => new Date(Date.UTC(2026, 2, 1) + h * 3_600_000).toISOString());
const actionArb = fc.record({
  campaignId: fc.constantFrom('c1', 'c2'),
  candidateId: fc.integer({ min: 1, max: 8 }),
  seatId: fc.constantFrom('a', 'b'),
  stepKey: fc.constantFrom('s1', 's2'),
  channel: channelArb,
  variant: fc.constantFrom(null, 'A', 'B'),
  sentAt: timeArb,
  weekday: fc.integer({ min: 1, max: 7 }),
  length: fc.option(fc.integer({ min: 0, max: 3000 })),
  charged: fc.boolean(),
});
const outcomeArb = fc.record({
  campaignId: fc.constantFrom(null, 'c1', 'c2'),
  candidateId: fc.integer({ min: 1, max: 8 }),
  kind: fc.constantFrom('accepted', 'replied', 'bounced', 'declined_invitation') as fc.Arbitrary<OutcomeEvent['kind']>,
  replyKind: fc.constantFrom(null, 'positive', 'negative', 'decline', 'quick_reply') as fc.Arbitrary<OutcomeEvent['replyKind']>,
  channel: fc.option(channelArb),
  at: timeArb,
  refunded: fc.boolean(),
});

describe('analytics invariants', () => {
  it('attributes an outcome only to an action for the same person (and campaign, when given)', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), fc.array(outcomeArb, { maxLength: 30 }), (as, os) => {
        for (const { outcome, action } of attributeOutcomes(as, os)) {
          if (action === null) continue;
          expect(as[action].candidateId).toBe(outcome.candidateId);
          if (outcome.campaignId) expect(as[action].campaignId).toBe(outcome.campaignId);
          if (outcome.kind === 'accepted') expect(as[action].channel).toBe('connection_request');
          expect(as[action].channel).not.toBe('withdraw_invitation');
        }
      }),
    );
  });

  it('keeps every funnel and breakdown count consistent', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), fc.array(outcomeArb, { maxLength: 30 }), (as, os) => {
        for (const f of campaignFunnels([], as, os)) {
          const c = Object.fromEntries(f.stages.map((s) => [s.key, s.count]));
          expect(c.invited).toBeLessThanOrEqual(c.contacted);
          expect(c.accepted).toBeLessThanOrEqual(c.invited);
          expect(c.replied).toBeLessThanOrEqual(c.contacted);
          expect(c.positive).toBeLessThanOrEqual(c.replied);
        }
        const messages = as.filter((a) => a.channel === 'message' || a.channel === 'inmail' || a.channel === 'email');
        const w = replyRateByWeekday(as, os);
        expect(w).toHaveLength(7);
        expect(w.reduce((n, r) => n + r.sent, 0)).toBe(messages.length);
        const l = replyRateByLength(as, os);
        expect(l.reduce((n, r) => n + r.sent, 0)).toBe(messages.filter((a) => a.length !== null).length);
        for (const r of [...w, ...l]) expect(r.replied).toBeLessThanOrEqual(r.sent);
        const sent = as.filter((a) => a.channel !== 'withdraw_invitation').length;
        for (const rows of [channelBreakdown(as, os), stepBreakdown(as, os), variantBreakdown(as, os)]) {
          expect(rows.reduce((n, r) => n + r.sent, 0)).toBe(sent);
          for (const r of rows) expect(r.replied + r.accepted).toBeLessThanOrEqual(2 * r.sent);
        }
        const cost = costPerReplyByChannel(as, os, () => 5);
        expect(cost.reduce((n, r) => n + r.creditsSpent, 0)).toBe(as.filter((a) => a.charged && a.channel !== 'withdraw_invitation').length);
        for (const r of cost) expect(r.costUsd).toBeCloseTo((r.creditsSpent - r.creditsRefunded) * 5, 6);
      }),
    );
  });
});
