import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { rankCandidates } from './rank-candidates.ts';
import { roleProfileSchema } from './role-profile.ts';

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

  it('refuses a query of filters only (nothing to pick the top matches by) and a broken one, as it reads it: parsed once', async () => {
    const rank = (query: string) => rankCandidates(getStore(), 'default', roleProfileSchema.parse({ name: 'Go', query }), { limit: 5 });
    for (const query of ['openProfile:true', 'openToWork:true AND NOT degree:3', ' degree:(1 OR 2) ', '  ']) {
      await expect(rank(query), query).rejects.toMatchObject({ code: 'invalid_input', message: 'the query needs at least one search term besides filters such as openProfile:true' });
    }
    await expect(rank('golang AND')).rejects.toMatchObject({ code: 'query_syntax', details: { column: 8 } });
    // a term under NOT is still text to search by
    await expect(rank('NOT manager openProfile:true')).resolves.toMatchObject({ role: { query: 'NOT manager openProfile:true' } });
  });
});
