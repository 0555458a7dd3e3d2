import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitPriorWeights, fitSignals } from './fit-score.ts';
import { priorRankingModel, trainRankingModel, type TrainingExample } from './ranking-model.ts';
import { priorReplyWeights, replySignals } from './reply-priors.ts';

describe('trainRankingModel', () => {
  it('falls back to the priors with no data', () => {
    const m = trainRankingModel([]);
    expect(m).toEqual(priorRankingModel());
    expect(m.info.fit.learned).toBe(false);
  });

  it('re-weights fit towards the signal that separates shortlists from rejects', () => {
    // recruiters shortlist local candidates and reject remote ones, whatever the skills
    const examples: TrainingExample[] = [];
    for (let i = 0; i < 30; i++) {
      examples.push({ kind: 'feedback', label: 'shortlist', fit: { location: 1, skills: i % 2 ? 0.9 : 0.4, title: 0.8 } });
      examples.push({ kind: 'feedback', label: 'reject', fit: { location: 0, skills: i % 2 ? 0.9 : 0.4, title: 0.8 } });
    }
    const m = trainRankingModel(examples);
    expect(m.info.fit).toEqual({ learned: true, examples: 60 });
    expect(m.fitWeights.location).toBeGreaterThan(fitPriorWeights.location * 2);
    // the learned weights keep the 100-point scale
    expect(fitSignals.reduce((s, k) => s + m.fitWeights[k], 0)).toBeCloseTo(fitSignals.reduce((s, k) => s + fitPriorWeights[k], 0), 6);
  });

  it('learns reply weights from outcomes: a signal that never gets replies loses weight', () => {
    const examples: TrainingExample[] = [];
    for (let i = 0; i < 40; i++) {
      examples.push({ kind: 'outcome', label: 'ignored', reply: { openToWork: 1 } });
      examples.push({ kind: 'outcome', label: i % 2 ? 'replied' : 'accepted', reply: { firstDegree: 1 } });
    }
    const m = trainRankingModel(examples);
    expect(m.info.reply).toEqual({ learned: true, examples: 80 });
    expect(m.reply.coefficients.openToWork).toBeLessThan(priorReplyWeights().coefficients.openToWork);
    expect(m.reply.coefficients.firstDegree).toBeGreaterThan(priorReplyWeights().coefficients.firstDegree);
    // untouched signals stay at their priors
    expect(m.reply.coefficients.premium).toBeCloseTo(priorReplyWeights().coefficients.premium, 6);
  });

  it('always yields finite, non-negative fit weights and finite reply weights', () => {
    const fitEx = fc.record({
      kind: fc.constant('feedback' as const),
      label: fc.constantFrom('shortlist' as const, 'reject' as const),
      fit: fc.dictionary(fc.constantFrom(...fitSignals), fc.double({ min: 0, max: 1, noNaN: true })),
    });
    const outEx = fc.record({
      kind: fc.constant('outcome' as const),
      label: fc.constantFrom('accepted' as const, 'replied' as const, 'ignored' as const),
      reply: fc.dictionary(fc.constantFrom(...replySignals), fc.double({ min: -1, max: 1, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(fitEx, outEx), { maxLength: 60 }), (examples) => {
        const m = trainRankingModel(examples as TrainingExample[]);
        for (const k of fitSignals) expect(m.fitWeights[k] >= 0 && Number.isFinite(m.fitWeights[k])).toBe(true);
        for (const k of replySignals) expect(Number.isFinite(m.reply.coefficients[k])).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
