import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSequence } from '../campaigns/default-sequence.ts';
import { keyedRandomStream } from '../../core/seeded-random.ts';
import { maxInvitesInAnyWindow } from '../planning/pacing-rules.ts';
import { buildSuppressionIndex } from '../enrollment/suppression.ts';
import { simulateCampaign, type SimulationCandidate, type SimulationInput, type SimulationTraceEvent } from './simulate-campaign.ts';

function candidates(n: number, seed = 'cands', seatIds = ['ada']): SimulationCandidate[] {
  const r = keyedRandomStream(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    priority: Math.floor(r() * 100),
    seatId: seatIds[i % seatIds.length],
    profileUrl: r() < 0.97 ? `https://www.linkedin.com/in/c${i}` : null,
    emails: r() < 0.4 ? [`c${i}@x.test`] : [],
    openProfile: r() < 0.15,
  }));
}

function input(extra: Partial<SimulationInput> = {}): SimulationInput {
  return {
    campaign: { id: 'demo', name: 'Demo', sequence: defaultSequence },
    seats: [{ id: 'ada', plan: 'recruiter-lite', paid: true, timeZone: 'Europe/Berlin', workingHours: { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] }, weeklyInviteCap: 30 }],
    candidates: candidates(40),
    startDate: '2026-03-02',
    days: 14,
    seed: 1,
    ...extra,
  };
}

describe('campaign simulation', () => {
  it('is deterministic for a seed and changes with it', () => {
    const a = simulateCampaign(input());
    expect(simulateCampaign(input())).toEqual(a);
    expect(simulateCampaign(input({ seed: 2 })).totals).not.toEqual(a.totals);
  });

  it('reports one row per day whose sums are the totals, and cost per reply from the plan price per credit', () => {
    const r = simulateCampaign(input());
    expect(r.days.map((d) => d.date)).toEqual(Array.from({ length: 14 }, (_, i) => `2026-03-${String(2 + i).padStart(2, '0')}`));
    for (const run of [r, r.inmailOnly]) {
      for (const k of ['invitations', 'acceptances', 'messages', 'inmailsPaid', 'inmailsFree', 'creditsSpent', 'creditsRefunded', 'replies'] as const) {
        expect(run.days.reduce((n, d) => n + d[k], 0)).toBe(run.totals[k]);
      }
      expect(run.totals.costUsd).toBeCloseTo((run.totals.creditsSpent - run.totals.creditsRefunded) * (170 / 30), 1);
      if (run.totals.replies > 0) expect(run.totals.costPerReply).toBeCloseTo(run.totals.costUsd / run.totals.replies, 1);
      for (const d of run.days) if (d.replies === 0) expect(d.costPerReply).toBeNull();
    }
    expect(r.pricePerCreditUsd).toBe(5.67);
    expect(r.totals.invitations).toBeGreaterThan(0);
    expect(r.totals.acceptances).toBeGreaterThan(0);
    expect(r.inmailOnly.totals.invitations).toBe(0);
    expect(r.inmailOnly.totals.messages).toBe(0);
    expect(r.inmailOnly.totals.inmailsPaid + r.inmailOnly.totals.inmailsFree).toBeGreaterThan(0);
  });

  it('never breaks the invitation cap, never contacts a suppressed candidate, never spends credits it does not have', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 5, max: 40 }),
        fc.constantFrom('premium-career', 'recruiter-lite', null),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }),
        (seed, cap, plan, suppressedIds) => {
          const trace: SimulationTraceEvent[] = [];
          const r = simulateCampaign(
            input({
              seed,
              days: 14,
              candidates: candidates(30, `c${seed}`),
              seats: [{ id: 'ada', plan, paid: plan !== null, timeZone: 'America/New_York', workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }, weeklyInviteCap: cap }],
              suppression: buildSuppressionIndex(suppressedIds.map((id) => ({ candidateId: id, email: null, profileUrl: null }))),
              trace: (e) => trace.push(e),
            }),
          );
          const actions = trace.filter((e) => e.type === 'action');
          for (const plan of ['campaign', 'inmail_only'] as const) {
            const mine = actions.filter((a) => a.plan === plan);
            expect(maxInvitesInAnyWindow(mine.filter((a) => a.channel === 'connection_request').map((a) => a.date))).toBeLessThanOrEqual(cap);
            for (const a of mine) expect(suppressedIds).not.toContain(a.candidateId);
            // one InMail per person while unanswered (only one per person fits in 14 days here)
            const inmailed = mine.filter((a) => a.channel === 'inmail').map((a) => a.candidateId);
            expect(new Set(inmailed).size).toBe(inmailed.length);
          }
          for (const run of [r, r.inmailOnly]) {
            if (plan === null) expect(run.totals.inmailsPaid + run.totals.inmailsFree).toBe(0);
            const allocation = plan === 'premium-career' ? 5 : plan === 'recruiter-lite' ? 30 : 0;
            expect(run.totals.creditsSpent).toBeLessThanOrEqual(allocation + run.totals.creditsRefunded);
            expect(run.totals.creditsLeft).toBe(allocation - run.totals.creditsSpent + run.totals.creditsRefunded);
            expect(run.totals.creditsRefunded).toBeLessThanOrEqual(run.totals.inmailReplies);
            expect(run.totals.acceptances).toBeLessThanOrEqual(run.totals.invitations);
            expect(run.totals.replies).toBeLessThanOrEqual(30);
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('answers in the ranges of spec section 5 at scale, and InMail-only costs more per reply', () => {
    const r = simulateCampaign(input({ candidates: candidates(150), days: 28, seats: [{ id: 'ada', plan: 'recruiter-lite', paid: true, timeZone: 'UTC', workingHours: { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] }, weeklyInviteCap: 100 }] }));
    const acceptance = r.totals.acceptances / r.totals.invitations;
    expect(acceptance).toBeGreaterThan(0.3);
    expect(acceptance).toBeLessThan(0.5);
    expect(r.inmailOnly.totals.creditsRefunded).toBeGreaterThan(0);
    expect(r.totals.costPerReply).not.toBeNull();
    expect(r.inmailOnly.totals.costPerReply!).toBeGreaterThan(r.totals.costPerReply!);
  });
});
