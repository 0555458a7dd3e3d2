import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateFacts, factsAt } from './candidate-facts.ts';
import { scoreCandidate, scoreRankable } from './candidate-score.ts';
import { profileFacts } from './profile-facts.ts';
import { priorRankingModel } from './ranking-model.ts';
import { resolveRole } from './resolved-role.ts';
import { candidateArbitrary, roleArbitrary } from './scoring-arbitraries.ts';

const dateArbitrary = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true });

describe('profile facts', () => {
  it('stored as JSON and dated later, score exactly like the profile read on the day', () => {
    fc.assert(
      fc.property(candidateArbitrary, roleArbitrary, dateArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (c, r, now, relevance) => {
        const stored = JSON.parse(JSON.stringify(profileFacts(c)));
        expect(factsAt(stored, now)).toEqual(candidateFacts(c, now));
        const role = resolveRole(r);
        const seat = { employers: c.positions.slice(0, 1).map((p) => p.company), schools: ['TU Berlin'] };
        expect(scoreRankable({ ...c, facts: stored }, role, seat, priorRankingModel(), { now, relevance })).toEqual(scoreCandidate(c, role, seat, priorRankingModel(), { now, relevance }));
      }),
      { numRuns: 150 },
    );
  });

  it('are dated, not frozen: the years of a current job grow with the date', () => {
    const facts = profileFacts({ skills: [], headline: '', summary: '', education: [], positions: [{ title: 'Engineer', company: 'Acme', start: '2020-01', end: null, description: '', location: '' }] });
    expect(factsAt(facts, new Date('2022-01-15T00:00:00Z')).totalYears).toBeCloseTo(2 + 1 / 12, 9);
    expect(factsAt(facts, new Date('2026-01-15T00:00:00Z')).totalYears).toBeCloseTo(6 + 1 / 12, 9);
  });
});
