import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { signedInApp } from '../api/test-app.ts';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describeEachBackend('ranking API', (getStore) => {
  it('saves a role, ranks its matches with reasons, takes feedback and documents it all in /openapi.json', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const add = await app.request(
      '/api/candidates',
      json({
        candidates: [
          { name: 'Ada', headline: 'Senior Backend Engineer', skills: ['golang', 'k8s'], location: { city: 'Berlin', country: 'Germany' }, linkedin: { openProfile: true } },
          { name: 'Bob', headline: 'Account Executive', summary: 'golang tooling sales' },
        ],
      }),
    );
    expect(add.status).toBe(200);
    const ids = ((await add.json()) as { results: Array<{ id: number }> }).results.map((r) => r.id);

    const saved = await app.request('/api/roles', json({ id: 'go', name: 'Go backend', query: 'golang', titles: ['Backend Engineer'], mustHaveSkills: ['Go', 'Kubernetes'] }));
    expect(saved.status).toBe(200);
    expect(((await (await app.request('/api/roles')).json()) as { roles: unknown[] }).roles).toHaveLength(1);

    const ranked = await app.request('/api/rank', json({ roleId: 'go', limit: 10 }));
    expect(ranked.status).toBe(200);
    const body = (await ranked.json()) as { results: Array<{ candidateId: number; fit: number; replyLikelihood: number; priority: number; why: { items: unknown[] } }> };
    expect(body.results.map((r) => r.candidateId)).toEqual(ids);
    expect(body.results[0].why.items.length).toBeGreaterThan(0);

    const inline = await app.request('/api/rank', json({ role: { query: 'golang openProfile:true', titles: ['Backend Engineer'] } }));
    expect(((await inline.json()) as { results: unknown[] }).results).toHaveLength(1);

    const fb = await app.request(`/api/candidates/${ids[0]}/feedback`, json({ roleId: 'go', verdict: 'shortlist' }));
    expect(fb.status).toBe(200);
    expect(((await fb.json()) as { weights: string }).weights).toMatch(/learned from 1 recruiter decision;/);

    const bad = await app.request(`/api/candidates/${ids[0]}/feedback`, json({ roleId: 'go', verdict: 'maybe' }));
    expect(bad.status).toBe(400);
    // a verdict on a plain search is learned for its query and saves no role (#16 item 8): the role list stays the one role saved
    const plain = await app.request(`/api/candidates/${ids[1]}/feedback`, json({ query: 'golang', verdict: 'reject' }));
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { weights: string }).weights).toMatch(/learned from 2 recruiter decisions;/);
    expect(((await (await app.request('/api/roles')).json()) as { roles: Array<{ id: string }> }).roles.map((r) => r.id)).toEqual(['go']);
    // one of the two, not both and not neither
    expect((await app.request(`/api/candidates/${ids[1]}/feedback`, json({ roleId: 'go', query: 'golang', verdict: 'reject' }))).status).toBe(400);
    expect((await app.request(`/api/candidates/${ids[1]}/feedback`, json({ verdict: 'reject' }))).status).toBe(400);
    const missing = await app.request('/api/rank', json({ roleId: 'nope' }));
    expect(missing.status).toBe(404);
    const syntax = await app.request('/api/rank', json({ role: { query: 'golang AND' } }));
    expect(syntax.status).toBe(400);

    const extract = await app.request('/api/roles/extract', json({ jobDescription: 'Senior Data Scientist. Python and SQL required. Remote, EST.' }));
    expect(await extract.json()).toMatchObject({ titles: ['Data Scientist'], mustHaveSkills: ['Python', 'SQL'], remote: true });

    const spec = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const p of ['/api/rank', '/api/roles', '/api/roles/{id}', '/api/candidates/{id}/feedback', '/api/ranking/model', '/api/ranking/outcomes']) expect(spec.paths).toHaveProperty([p]);
  });
});

describeEachBackend('ranked search through the search API', (getStore) => {
  it('POST /api/search with sort priority, a saved role or the openProfile filter returns fit, replyLikelihood, priority and why', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    await app.request(
      '/api/candidates',
      json({
        candidates: [
          { name: 'Ada', headline: 'Senior Backend Engineer', skills: ['golang', 'k8s'], linkedin: { openProfile: true } },
          { name: 'Bob', headline: 'Account Executive', summary: 'golang golang tooling sales' },
        ],
      }),
    );
    const plain = (await (await app.request('/api/search', json({ query: 'golang' }))).json()) as { results: Array<Record<string, unknown>> };
    expect(plain.results[0]).not.toHaveProperty('priority');
    const ranked = (await (await app.request('/api/search', json({ query: 'golang', sort: 'priority' }))).json()) as { total: number; results: Array<{ name: string; fit: number; priority: number; why: unknown; matched: unknown }> };
    expect(ranked.total).toBe(2);
    expect(ranked.results[0].name).toBe('Ada');
    expect(ranked.results[0].why).toBeDefined();
    expect(ranked.results[0].matched).toBeDefined();
    const open = (await (await app.request('/api/search', json({ query: 'golang', filters: { openProfile: true } }))).json()) as { results: Array<{ name: string }> };
    expect(open.results.map((r) => r.name)).toEqual(['Ada']);
    const inQuery = (await (await app.request('/api/search', json({ query: 'golang openProfile:true', sort: 'relevance' }))).json()) as { results: Array<{ name: string }> };
    expect(inQuery.results.map((r) => r.name)).toEqual(['Ada']);
  });
});

describeEachBackend('ranking API with misconfigured embeddings', (getStore) => {
  it('answers 503 config_error naming SCOUTLINE_EMBEDDINGS_ONNX when the model folder is missing', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    await app.request('/api/candidates', json({ candidates: [{ name: 'Ada', headline: 'Backend Engineer', skills: ['golang'] }] }));
    const before = process.env.SCOUTLINE_EMBEDDINGS_ONNX;
    process.env.SCOUTLINE_EMBEDDINGS_ONNX = '/nonexistent/scoutline-model';
    try {
      const res = await app.request('/api/rank', json({ role: { query: 'golang' } }));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'config_error', message: expect.stringContaining('SCOUTLINE_EMBEDDINGS_ONNX=/nonexistent/scoutline-model: no such folder') } });
    } finally {
      if (before === undefined) delete process.env.SCOUTLINE_EMBEDDINGS_ONNX;
      else process.env.SCOUTLINE_EMBEDDINGS_ONNX = before;
    }
  });
});
