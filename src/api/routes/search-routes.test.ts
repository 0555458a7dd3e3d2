import { beforeAll, expect, it } from 'vitest';
import { signedInApp } from '../test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { upsertCandidates } from '../../candidates/candidate-store.ts';
import { candidateInputSchema } from '../../candidates/candidate.ts';
import { searchFields } from '../../search/search-fields.ts';

describeEachBackend('POST /api/search', (getStore) => {
  const post = async (body: unknown) =>
    (await signedInApp({ store: getStore(), webRoot: '/nonexistent' })).request('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const people = Array.from({ length: 7 }, (_, i) =>
      candidateInputSchema.parse({
        name: `Person ${i}`,
        headline: i % 2 ? 'Java developer' : 'Python developer',
        profileUrl: `https://www.linkedin.com/in/person-${i}`,
        location: { city: i < 3 ? 'Berlin' : 'Paris' },
        linkedin: { openProfile: i % 2 === 0, openToWork: i % 3 === 0, degree: ([1, 2, 3, null] as const)[i % 4] },
      }),
    );
    await upsertCandidates(getStore(), 'default', people);
  });

  it('GET /api/search/fields serves the query language\'s fields, the ones the parser knows, in the spec\'s order', async () => {
    const res = await (await signedInApp({ store: getStore(), webRoot: '/nonexistent' })).request('/api/search/fields');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { fields: Array<{ name: string; description: string }> };
    expect(body.fields).toEqual(searchFields.map((f) => ({ name: f.name, description: f.description })));
    expect(body.fields.map((f) => f.name)).toEqual(['name', 'headline', 'title', 'currenttitle', 'company', 'currentcompany', 'school', 'skill', 'location', 'summary']);
  });

  it('a search of filters only answers in any order, unranked, rather than refusing (#16 item 2)', async () => {
    const plain = await (await post({ query: '', filters: { openToWork: true }, limit: 10 })).json();
    const res = await post({ query: '', filters: { openToWork: true }, limit: 10, sort: 'priority' });
    expect(res.status).toBe(200);
    const body = await res.json();
    // people 0, 3 and 6 are Open to Work
    expect(body.total).toBe(3);
    expect(body.results.map((r: { id: number }) => r.id)).toEqual(plain.results.map((r: { id: number }) => r.id));
    expect(body.results.every((r: { priority?: number }) => r.priority === undefined)).toBe(true);
  });

  it('answers with the total, one page and what matched', async () => {
    const res = await post({ query: 'developer NOT python', limit: 2 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(3);
    expect(body.results).toHaveLength(2);
    expect(Object.keys(body.results[0]).sort()).toEqual(['degree', 'headline', 'id', 'location', 'matched', 'name', 'openProfile', 'openToWork', 'profileUrl', 'score']);
    expect(body.results[0].matched).toEqual({ headline: ['developer'] });
    expect(body.results[0].profileUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/person-/);
    expect(typeof body.nextCursor).toBe('string');
  });

  it('pages with the cursor until there is no next page', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let total = 0;
    do {
      const body = await (await post({ query: 'developer', limit: 3, ...(cursor ? { cursor } : {}) })).json();
      total = body.total;
      seen.push(...body.results.map((r: { id: number }) => r.id));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    expect(total).toBe(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('refuses a cursor from another query', async () => {
    const first = await (await post({ query: 'developer', limit: 1 })).json();
    const res = await post({ query: 'java', limit: 1, cursor: first.nextCursor });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_input');
  });

  it('returns a syntax error with code query_syntax and the column', async () => {
    const res = await post({ query: 'java AND (python' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'query_syntax', details: { column: 10, query: 'java AND (python' } });
    expect(body.error.details.display).toContain('\n         ^');
  });

  it('applies the location filter as location:"..."', async () => {
    const body = await (await post({ query: 'developer', filters: { location: 'berlin' } })).json();
    expect(body.total).toBe(3);
  });

  it('filters by Open Profile, Open to Work and connection degree, alone or together', async () => {
    const total = async (filters: unknown, query = 'developer') => {
      const res = await post({ query, filters, limit: 50 });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.results).toHaveLength(body.total);
      return body.total;
    };
    expect(await total({ openProfile: true })).toBe(4); // 0 2 4 6
    expect(await total({ openProfile: false })).toBe(3);
    expect(await total({ openToWork: true, location: 'Berlin' })).toBe(1); // 0
    expect(await total({ degree: [1, 2] })).toBe(4); // 0 1 4 5
    expect(await total({ degree: [3], openProfile: true })).toBe(2); // 2 6
    expect(await total({ degree: [3], openProfile: true }, 'developer NOT degree:3')).toBe(0);
    expect(await total({ degree: [] })).toBe(7);
    expect(await total({ openProfile: true, openToWork: true, degree: [1] }, 'java')).toBe(0);
  });

  it('with filters the query may be blank: the filters alone are the search', async () => {
    const body = await (await post({ query: ' ', filters: { openProfile: true }, limit: 2 })).json();
    expect(body.total).toBe(4);
    const next = await (await post({ query: ' ', filters: { openProfile: true }, limit: 2, cursor: body.nextCursor })).json();
    expect(next.results.map((r: { id: number }) => r.id)).not.toContain(body.results[0].id);
    const none = await post({ query: ' ', filters: { degree: [] } });
    expect(none.status).toBe(400);
    expect((await none.json()).error.code).toBe('query_syntax');
  });

  it('reports a syntax error at the column typed, filters or not', async () => {
    const body = await (await post({ query: 'java AND (python', filters: { openProfile: true } })).json();
    expect(body.error).toMatchObject({ code: 'query_syntax', details: { column: 10 } });
  });

  it('refuses unknown filters and bad degrees instead of ignoring them', async () => {
    for (const filters of [{ openprofile: true }, { degree: [4] }, { degree: 2 }, { openToWork: 'yes' }]) {
      const res = await post({ query: 'developer', filters });
      expect(res.status, JSON.stringify(filters)).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_input');
    }
  });

  it('says for each result the LinkedIn flags the filters use, in plain and ranked searches alike', async () => {
    for (const sort of [undefined, 'priority']) {
      const body = await (await post({ query: 'developer', limit: 50, ...(sort ? { sort } : {}) })).json();
      const flags = Object.fromEntries(body.results.map((r: { name: string; openProfile: boolean; openToWork: boolean; degree: number | null }) => [r.name, [r.openProfile, r.openToWork, r.degree]]));
      expect(flags, String(sort)).toEqual(
        Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`Person ${i}`, [i % 2 === 0, i % 3 === 0, [1, 2, 3, null][i % 4]]])),
      );
    }
  });

  it('ranked by priority, the filters still apply to every match', async () => {
    const res = await post({ query: 'developer', filters: { openProfile: true, degree: [1, 2] }, sort: 'priority', limit: 50 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2); // 0 4
    expect(body.results.map((r: { name: string }) => r.name).sort()).toEqual(['Person 0', 'Person 4']);
  });

  it("the search page's request (priority order, a saved role, Open to Work and degrees) ranks only those members and shows their flags", async () => {
    // the body web/src/pages/search-page.tsx sends for every order since it stopped calling POST /api/rank
    const app = await signedInApp({ store: getStore(), webRoot: '/nonexistent' });
    const saved = await app.request('/api/roles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'dev-role', name: 'Developer', query: 'developer', titles: ['Developer'] }) });
    expect(saved.status).toBe(200);
    for (const rank of [{ sort: 'priority' }, { sort: 'priority', roleId: 'dev-role' }, { roleId: 'dev-role' }]) {
      const res = await post({ query: 'developer', filters: { openToWork: true, degree: [1, 3] }, limit: 50, offset: 0, ...rank });
      expect(res.status, JSON.stringify(rank)).toBe(200);
      const body = await res.json();
      expect(body.total).toBe(2); // 0 6
      expect(body.results.map((r: { name: string }) => r.name).sort()).toEqual(['Person 0', 'Person 6']);
      for (const r of body.results) {
        expect(r).toMatchObject({ openToWork: true, degree: r.name === 'Person 0' ? 1 : 3, priority: expect.any(Number) });
      }
    }
  });

  it('is described in /openapi.json', async () => {
    const doc = await (await (await signedInApp({ store: getStore(), webRoot: '/nonexistent' })).request('/openapi.json')).json();
    expect(doc.paths['/api/search'].post).toBeDefined();
  });
});
