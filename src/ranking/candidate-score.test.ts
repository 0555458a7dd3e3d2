import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreCandidate, sortScores } from './candidate-score.ts';
import { candidateFacts } from './candidate-facts.ts';
import { fitScore, fitSignalValues, fitPriorWeights } from './fit-score.ts';
import { priorityScore } from './priority.ts';
import { priorRankingModel } from './ranking-model.ts';
import { replyLikelihood, replySignalValues } from './reply-likelihood.ts';
import { logOddsFromRelativeRisk, priorReplyWeights, replyBaseRate, replyPriors, sigmoid } from './reply-priors.ts';
import { resolveRole } from './resolved-role.ts';
import { roleProfileSchema } from './role-profile.ts';
import { candidateArbitrary, roleArbitrary } from './scoring-arbitraries.ts';
import type { Candidate } from '../candidates/candidate.ts';

const now = new Date('2026-06-01T00:00:00Z');
const model = priorRankingModel();

const base: Candidate = fc.sample(candidateArbitrary, { numRuns: 1, seed: 1 })[0];
function candidate(over: Partial<Omit<Candidate, 'linkedin'>> & { linkedin?: Partial<Candidate['linkedin']> }): Candidate {
  return {
    ...base,
    headline: '',
    summary: '',
    skills: [],
    positions: [],
    location: { city: 'Berlin', region: '', country: 'Germany', timeZone: 'Europe/Berlin' },
    ...over,
    linkedin: { openProfile: false, openToWork: false, premium: false, degree: null, mutualConnections: 0, lastActive: null, ...(over.linkedin ?? {}) },
  };
}

const role = resolveRole(
  roleProfileSchema.parse({
    query: 'golang',
    titles: ['Backend Engineer'],
    mustHaveSkills: ['Go', 'Kubernetes', 'PostgreSQL'],
    niceToHaveSkills: ['Kafka'],
    seniority: { min: 'senior', max: 'staff' },
    yearsOfExperience: { min: 5 },
    locations: ['Berlin'],
    remote: true,
  }),
);

const ideal = candidate({
  headline: 'Senior Backend Engineer',
  skills: ['golang', 'k8s', 'Postgres', 'Kafka'],
  positions: [
    { title: 'Senior Backend Engineer', company: 'Zalando', start: '2022-01', end: null, description: 'Go services on Kubernetes', location: '' },
    { title: 'Backend Developer', company: 'N26', start: '2017-01', end: '2021-12', description: '', location: '' },
  ],
});

describe('fit score', () => {
  it('counts synonyms as the wanted skill and scores an ideal profile near 100', () => {
    const s = scoreCandidate(ideal, role, null, model, { now, relevance: 1 });
    expect(s.fit).toBeGreaterThanOrEqual(95);
    expect(s.signals.fit.skills).toBe(1);
  });

  it('stays within 0..100 and weights of applicable signals add up to 100 points', () => {
    fc.assert(
      fc.property(candidateArbitrary, roleArbitrary, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), (c, r, relevance) => {
        const values = fitSignalValues(resolveRole(r), candidateFacts(c, now), { relevance, semantic: null, location: c.location, now });
        const f = fitScore(values);
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(100);
        for (const v of values) expect(v.value >= 0 && v.value <= 1).toBe(true);
        if (values.length) expect(f.signals.reduce((s, v) => s + v.weight, 0)).toBeCloseTo(1, 9);
        expect(f.signals.reduce((s, v) => s + v.points, 0)).toBeCloseTo(f.score, 9);
      }),
    );
  });

  it('is monotone in every signal: raising one signal value never lowers the fit', () => {
    fc.assert(
      fc.property(candidateArbitrary, roleArbitrary, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (c, r, pick, bump) => {
        const values = fitSignalValues(resolveRole(r), candidateFacts(c, now), { relevance: 0.5, semantic: null, location: c.location, now });
        const i = pick % values.length;
        const raised = values.map((v, k) => (k === i ? { ...v, value: Math.min(1, v.value + bump) } : v));
        expect(fitScore(raised).score).toBeGreaterThanOrEqual(fitScore(values).score - 1e-9);
      }),
    );
  });

  it('gives more fit for more must-have skills', () => {
    const fewer = candidate({ ...ideal, skills: ['golang'], positions: ideal.positions.map((p) => ({ ...p, description: '' })) });
    expect(scoreCandidate(fewer, role, null, model, { now }).fit).toBeLessThan(scoreCandidate(ideal, role, null, model, { now }).fit);
  });

  it('penalises seniority outside the range, far time zones and stale experience', () => {
    const junior = candidate({ ...ideal, headline: 'Junior Backend Engineer', positions: [{ ...ideal.positions[0], title: 'Junior Backend Engineer', start: '2025-06' }] });
    expect(scoreCandidate(junior, role, null, model, { now }).signals.fit.seniority).toBeLessThan(1);
    const far = candidate({ ...ideal, location: { city: 'Tokyo', region: '', country: 'Japan', timeZone: 'Asia/Tokyo' } });
    expect(scoreCandidate(far, role, null, model, { now }).signals.fit.location).toBe(0);
    const near = candidate({ ...ideal, location: { city: 'Warsaw', region: '', country: 'Poland', timeZone: 'Europe/Warsaw' } });
    expect(scoreCandidate(near, role, null, model, { now }).signals.fit.location).toBeGreaterThan(0.5);
    const stale = candidate({
      ...ideal,
      headline: 'Store manager',
      positions: [
        { title: 'Store Manager', company: 'Shop', start: '2018-01', end: null, description: '', location: '' },
        { title: 'Backend Engineer', company: 'N26', start: '2012-01', end: '2017-12', description: 'Go', location: '' },
      ],
    });
    const s = scoreCandidate(stale, role, null, model, { now });
    expect(s.signals.fit.recency).toBeLessThan(0.2);
    expect(s.fit).toBeLessThan(scoreCandidate(ideal, role, null, model, { now }).fit);
  });
});

describe('reply likelihood', () => {
  it('starts from the documented base rate and priors', () => {
    expect(replyLikelihood([]).score).toBeCloseTo(100 * replyBaseRate, 9);
    // each prior moves the base rate by its relative risk
    for (const [signal, prior] of Object.entries(replyPriors)) {
      const w = priorReplyWeights().coefficients[signal as keyof typeof replyPriors];
      expect(100 * sigmoid(priorReplyWeights().intercept + w)).toBeCloseTo(Math.min(99, 100 * replyBaseRate * prior.relativeRisk), 6);
    }
    expect(logOddsFromRelativeRisk(1, 0.2)).toBeCloseTo(0, 12);
  });

  it('Open Profile, Open to Work, activity, degree and shared background raise it; long inactivity lowers it', () => {
    const plain = scoreCandidate(candidate({}), role, null, model, { now }).replyLikelihood;
    const seat = { employers: ['Zalando SE'], schools: [] };
    for (const over of [{ linkedin: { openProfile: true } }, { linkedin: { openToWork: true } }, { linkedin: { degree: 1 } }, { linkedin: { lastActive: '2026-05-25' } }, { linkedin: { mutualConnections: 40 } }]) {
      expect(scoreCandidate(candidate(over as never), role, null, model, { now }).replyLikelihood).toBeGreaterThan(plain);
    }
    expect(scoreCandidate(candidate({ linkedin: { lastActive: '2024-01-01' } }), role, null, model, { now }).replyLikelihood).toBeLessThan(plain);
    const withSeat = scoreCandidate(candidate({ positions: [{ title: 'Engineer', company: 'Zalando', start: '2015-01', end: '2016-01', description: '', location: '' }] }), role, seat, model, { now });
    expect(withSeat.signals.reply.sharedEmployer).toBe(1);
  });

  it('stays within 0..100 and its explanation points have the sign of their weight', () => {
    fc.assert(
      fc.property(candidateArbitrary, (c) => {
        const values = replySignalValues(c, candidateFacts(c, now), { employers: ['Acme'], schools: ['TU Berlin'] }, now);
        const r = replyLikelihood(values);
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThan(100);
        for (const s of r.signals) expect(Math.sign(s.points) * Math.sign(priorReplyWeights().coefficients[s.signal] * s.value)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('priority', () => {
  it('lies in 0..100, is monotone in fit and reply, and is 0 without fit', () => {
    const score = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(score, score, score, score, (f1, f2, r1, r2) => {
        const p = priorityScore(f1, r1);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(priorityScore(Math.max(f1, f2), r1)).toBeGreaterThanOrEqual(priorityScore(Math.min(f1, f2), r1) - 1e-9);
        expect(priorityScore(f1, Math.max(r1, r2))).toBeGreaterThanOrEqual(priorityScore(f1, Math.min(r1, r2)) - 1e-9);
        expect(priorityScore(0, r1)).toBe(0);
        expect(priorityScore(f1, r1, 1)).toBeCloseTo(f1, 9);
      }),
    );
  });

  it('puts a good fit who will answer above a perfect fit who will not', () => {
    expect(priorityScore(80, 35)).toBeGreaterThan(priorityScore(100, 3));
  });
});

describe('explanations', () => {
  it('name the top signals with contributions and say which weights are in use', () => {
    const c = candidate({ ...ideal, linkedin: { openProfile: true, openToWork: true, lastActive: '2020-01-01' } });
    const s = scoreCandidate(c, role, null, model, { now, relevance: 0.9 });
    expect(s.why!.weights).toBe('fit uses default priors; reply chance uses default priors');
    expect(s.why!.items[0].kind).toBe('fit');
    expect(s.why!.items.some((i) => i.signal === 'openToWork' && i.contribution > 0)).toBe(true);
    expect(s.why!.items.some((i) => i.signal === 'inactive' && i.contribution < 0)).toBe(true);
    expect(s.why!.summary).toMatch(/^Fit \d+\/100, reply chance \d+%/);
    for (const i of s.why!.items) expect(i.text).toMatch(/\((\+|-)?\d+ (fit|pts reply chance)\)|fit points missed/);
  });

  it('list at most six items, each with a finite contribution', () => {
    fc.assert(
      fc.property(candidateArbitrary, roleArbitrary, (c, r) => {
        const s = scoreCandidate(c, resolveRole(r), null, model, { now, relevance: 0.5 });
        expect(s.why!.items.length).toBeLessThanOrEqual(6);
        for (const i of s.why!.items) expect(Number.isFinite(i.contribution)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('sortScores', () => {
  it('orders by the chosen key, best first, deterministically', () => {
    const xs = [
      { candidateId: 1, fit: 50, replyLikelihood: 10, priority: 40, relevance: 0.9 },
      { candidateId: 2, fit: 90, replyLikelihood: 5, priority: 45, relevance: 0.2 },
      { candidateId: 3, fit: 70, replyLikelihood: 30, priority: 60, relevance: 0.5 },
    ];
    expect(sortScores(xs, 'priority').map((x) => x.candidateId)).toEqual([3, 2, 1]);
    expect(sortScores(xs, 'fit').map((x) => x.candidateId)).toEqual([2, 3, 1]);
    expect(sortScores(xs, 'relevance').map((x) => x.candidateId)).toEqual([1, 3, 2]);
    expect(sortScores(xs, 'reply').map((x) => x.candidateId)).toEqual([3, 1, 2]);
    expect(fitPriorWeights.skills).toBe(30);
  });
});
