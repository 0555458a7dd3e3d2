import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { createApp } from '../api/app.ts';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describeEachBackend('ranking API', (getStore) => {
  it('saves a role, ranks its matches with reasons, takes feedback and documents it all in /openapi.json', async () => {
    const app = createApp({ store: getStore(), webRoot: '/nonexistent' });
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
