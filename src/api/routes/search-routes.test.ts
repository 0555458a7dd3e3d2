import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { upsertCandidates } from '../../candidates/candidate-store.ts';
import { candidateInputSchema } from '../../candidates/candidate.ts';

describeEachBackend('POST /api/search', (getStore) => {
  const post = (body: unknown) =>
    createApp({ store: getStore(), webRoot: '/nonexistent' }).request('/api/search', {
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
      }),
    );
    await upsertCandidates(getStore(), 'default', people);
  });

  it('answers with the total, one page and what matched', async () => {
    const res = await post({ query: 'developer NOT python', limit: 2 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(3);
    expect(body.results).toHaveLength(2);
    expect(Object.keys(body.results[0]).sort()).toEqual(['headline', 'id', 'location', 'matched', 'name', 'profileUrl', 'score']);
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

  it('refuses flag filters it does not support yet instead of ignoring them', async () => {
    const res = await post({ query: 'developer', filters: { openToWork: true } });
    expect(res.status).toBe(400);
  });

  it('is described in /openapi.json', async () => {
    const doc = await (await createApp({ store: getStore(), webRoot: '/nonexistent' }).request('/openapi.json')).json();
    expect(doc.paths['/api/search'].post).toBeDefined();
  });
});
