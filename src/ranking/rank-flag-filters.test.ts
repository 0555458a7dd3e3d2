import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend } from '../db/test-backends.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { splitOpenProfileFilter } from './open-profile-filter.ts';
import { rankCandidates } from './rank-candidates.ts';
import { roleProfileSchema } from './role-profile.ts';

describe('splitOpenProfileFilter', () => {
  it('leaves flag filters in the query: the search engine applies them', () => {
    expect(splitOpenProfileFilter(' java openProfile:true ')).toEqual({ query: 'java openProfile:true', openProfile: undefined });
    expect(splitOpenProfileFilter('(go OR rust) AND openprofile:false degree:2')).toEqual({ query: '(go OR rust) AND openprofile:false degree:2', openProfile: undefined });
  });

  it('reports no text for a query of filters only (nothing to rank by)', () => {
    expect(splitOpenProfileFilter('openProfile:true').query).toBe('');
    expect(splitOpenProfileFilter('openToWork:true AND NOT degree:3').query).toBe('');
    expect(splitOpenProfileFilter('NOT manager openProfile:true').query).toBe('NOT manager openProfile:true');
  });

  it('does not repair broken queries (the parser must still see them)', () => {
    expect(splitOpenProfileFilter('golang AND').query).toBe('golang AND');
    fc.assert(fc.property(fc.stringMatching(/^[a-z]+( (AND|OR) [a-z]+){0,3}$/), (q) => {
      expect(splitOpenProfileFilter(q).query).toBe(q);
    }));
  });
});

describeEachBackend('ranked search with flag filters', (getStore) => {
  it('ranks exactly the matches with the flags, and counts all of them', async () => {
    const people = Array.from({ length: 30 }, (_, i) =>
      normaliseCandidateInput({
        name: `p${i}`,
        headline: i % 3 === 0 ? 'Go developer' : 'Golang engineer',
        summary: 'golang',
        linkedin: { openProfile: i % 2 === 0, openToWork: i % 5 === 0, degree: i % 4 === 0 ? null : ((i % 3) + 1) as 1 | 2 | 3 },
      }),
    );
    await upsertCandidates(getStore(), 'default', people);
    const role = roleProfileSchema.parse({ name: 'Go', query: 'golang openProfile:true NOT degree:1' });
    const r = await rankCandidates(getStore(), 'default', role, { limit: 100, considered: 10 });
    const expected = people.filter((p) => p.linkedin.openProfile && p.linkedin.degree !== 1).map((p) => p.name);
    // the total counts every match, not only the 10 considered for ranking
    expect(r.total).toBe(expected.length);
    expect(r.results).toHaveLength(10);
    for (const c of r.results) expect(expected).toContain(c.name);
  });
});
