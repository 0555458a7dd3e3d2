import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import type { CandidateInputLoose } from '../candidates/candidate.ts';
import { rankCandidates, scoreSearchResults } from './rank-candidates.ts';
import { recordFeedback, recordOutcomeForLearning } from './learn-from-outcomes.ts';
import { countExamples, deleteRole, getRole, listRoles, loadRankingModel, resetLearning, saveRole } from './ranking-store.ts';
import { roleProfileSchema } from './role-profile.ts';

const now = new Date('2026-06-01T00:00:00Z');
const ws = 'default';

function profile(slug: string, over: Partial<CandidateInputLoose>): CandidateInputLoose {
  return { name: slug, profileUrl: `https://www.linkedin.com/in/${slug}`, ...over };
}

// Skilled but far away (Tokyo) vs. local (Berlin) with fewer skills: priors prefer skills.
const skilledFar = (i: number) =>
  profile(`far-${i}`, {
    headline: 'Senior Backend Engineer',
    skills: ['Go', 'Kubernetes', 'PostgreSQL'],
    positions: [{ title: 'Senior Backend Engineer', company: 'Mercari', start: '2019-01', end: null, description: 'golang services' }],
    location: { city: 'Tokyo', country: 'Japan', timeZone: 'Asia/Tokyo' },
  });
const localWeaker = (i: number) =>
  profile(`local-${i}`, {
    headline: 'Senior Backend Engineer',
    skills: ['Go'],
    positions: [{ title: 'Senior Backend Engineer', company: 'Zalando', start: '2019-01', end: null, description: 'golang services' }],
    location: { city: 'Berlin', country: 'Germany', timeZone: 'Europe/Berlin' },
  });

const role = roleProfileSchema.parse({
  id: 'backend-go',
  name: 'Backend Go',
  query: 'golang',
  titles: ['Backend Engineer'],
  mustHaveSkills: ['Go', 'Kubernetes', 'PostgreSQL'],
  locations: ['Berlin'],
  timeZones: ['Europe/Berlin'],
  remote: false,
});

describeEachBackend('ranking with storage', (getStore) => {
  let ids: Record<string, number> = {};

  it('saves, lists, shows and deletes roles', async () => {
    const store = getStore();
    const saved = await saveRole(store, ws, role);
    expect(saved.id).toBe('backend-go');
    expect((await getRole(store, ws, 'backend-go')).mustHaveSkills).toEqual(['Go', 'Kubernetes', 'PostgreSQL']);
    const other = await saveRole(store, ws, roleProfileSchema.parse({ name: 'Data Scientist NYC', query: 'python' }));
    expect(other.id).toBe('data-scientist-nyc');
    expect((await listRoles(store, ws)).map((r) => r.id)).toEqual(['backend-go', 'data-scientist-nyc']);
    await deleteRole(store, ws, 'data-scientist-nyc');
    await expect(getRole(store, ws, 'data-scientist-nyc')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('ranks the matches of a role with fit, reply likelihood, priority and reasons', async () => {
    const store = getStore();
    const inputs = [...Array.from({ length: 8 }, (_, i) => skilledFar(i)), ...Array.from({ length: 8 }, (_, i) => localWeaker(i)), profile('sales', { headline: 'Account Executive', summary: 'golang golang golang tooling sales' })];
    const res = await upsertCandidates(store, ws, inputs.map(normaliseCandidateInput));
    ids = Object.fromEntries(inputs.map((c, i) => [c.name as string, res.outcomes[i].id]));
    const r = await rankCandidates(store, ws, role, { now, limit: 50, sort: 'priority' });
    expect(r.total).toBe(17);
    expect(r.results).toHaveLength(17);
    expect(r.results[r.results.length - 1].candidateId).toBe(ids.sales);
    for (const c of r.results) {
      expect(c.why?.items.length).toBeGreaterThan(0);
      expect(c.fit).toBeGreaterThanOrEqual(0);
      expect(c.priority).toBeLessThanOrEqual(100);
    }
    expect(r.weights).toBe('fit uses default priors; reply chance uses default priors');
    const byRelevance = await rankCandidates(store, ws, role, { now, limit: 1, sort: 'relevance' });
    expect(byRelevance.results[0].relevance).toBe(1);
  });

  it('learning from recruiter feedback changes the ranking', async () => {
    const store = getStore();
    const before = await rankCandidates(store, ws, role, { now, limit: 20, sort: 'fit' });
    const fitOf = (r: typeof before, name: string) => r.results.find((c) => c.candidateId === ids[name])!.fit;
    expect(fitOf(before, 'far-7')).toBeGreaterThan(fitOf(before, 'local-7'));
    // the recruiter shortlists locals and rejects far-away profiles, whatever their skills
    for (let i = 0; i < 7; i++) {
      await recordFeedback(store, ws, { candidateId: ids[`local-${i}`], roleId: 'backend-go', verdict: 'shortlist' }, now);
      await recordFeedback(store, ws, { candidateId: ids[`far-${i}`], roleId: 'backend-go', verdict: 'reject' }, now);
    }
    // changing one's mind replaces the earlier verdict
    await recordFeedback(store, ws, { candidateId: ids['far-0'], roleId: 'backend-go', verdict: 'reject' }, now);
    expect((await countExamples(store, ws)).feedback).toBe(14);
    const after = await rankCandidates(store, ws, role, { now, limit: 20, sort: 'fit' });
    expect(fitOf(after, 'local-7')).toBeGreaterThan(fitOf(after, 'far-7'));
    expect(after.weights).toMatch(/^fit weights learned from 14 recruiter decisions/);
    expect(after.results[0].why?.weights).toMatch(/learned/);
  });

  it('learning from outreach outcomes changes reply likelihood', async () => {
    const store = getStore();
    const plain = await upsertCandidates(store, ws, [normaliseCandidateInput(profile('otw-test', { headline: 'Backend Engineer', summary: 'golang', linkedin: { openToWork: true } }))]);
    const id = plain.outcomes[0].id;
    const before = await rankCandidates(store, ws, role, { now, limit: 50 });
    const replyBefore = before.results.find((c) => c.candidateId === id)!.replyLikelihood;
    const otw = await upsertCandidates(store, ws, Array.from({ length: 12 }, (_, i) => normaliseCandidateInput(profile(`otw-${i}`, { headline: 'Backend Engineer', linkedin: { openToWork: true } }))));
    for (const o of otw.outcomes) await recordOutcomeForLearning(store, ws, { candidateId: o.id, outcome: 'ignored' }, now);
    const model = await loadRankingModel(store, ws);
    expect(model.info.reply).toEqual({ learned: true, examples: 12 });
    const after = await rankCandidates(store, ws, role, { now, limit: 50 });
    expect(after.results.find((c) => c.candidateId === id)!.replyLikelihood).toBeLessThan(replyBefore);
    await resetLearning(store, ws);
    expect((await loadRankingModel(store, ws)).info.reply.learned).toBe(false);
  });

  it('pulls Open Profile members with openProfile:true and scores plain search hits', async () => {
    const store = getStore();
    await upsertCandidates(store, ws, [normaliseCandidateInput(profile('open-1', { headline: 'Backend Engineer', summary: 'golang', linkedin: { openProfile: true } }))]);
    const r = await rankCandidates(store, ws, { ...role, query: 'golang openProfile:true' }, { now, limit: 50 });
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((c) => c.openProfile)).toBe(true);
    const scored = await scoreSearchResults(store, ws, [{ id: ids['far-1'], score: 2 }, { id: ids.sales, score: 3 }], { query: 'golang' }, null, { now });
    expect(scored.results).toHaveLength(2);
    expect(scored.results[0].relevance).not.toBeNull();
    await expect(rankCandidates(store, ws, { ...role, query: 'openProfile:true' }, { now })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
