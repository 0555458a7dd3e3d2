import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { deleteCandidate, getCandidatesByIds, normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import type { CandidateInputLoose } from '../candidates/candidate.ts';
import { clearCandidateFacts, loadRankableCandidates, prepareCandidateFacts } from './candidate-facts-store.ts';
import { scoreCandidate, scoreRankable } from './candidate-score.ts';
import { priorRankingModel } from './ranking-model.ts';
import { rankCandidates } from './rank-candidates.ts';
import { resolveRole } from './resolved-role.ts';
import { roleProfileSchema } from './role-profile.ts';

const now = new Date('2026-06-01T00:00:00Z');
const ws = 'default';
const role = roleProfileSchema.parse({ name: 'Backend Go', query: 'golang', titles: ['Backend Engineer'], mustHaveSkills: ['Go', 'Kubernetes'], locations: ['Berlin'] });

const person = (slug: string, description: string): CandidateInputLoose => ({
  name: slug,
  profileUrl: `https://www.linkedin.com/in/${slug}`,
  headline: 'Backend Engineer',
  positions: [{ title: 'Senior Backend Engineer', company: 'Zalando SE', start: '2020-01', end: null, description }],
  education: [{ school: 'TU Berlin' }],
  location: { city: 'Berlin', country: 'Germany', timeZone: 'Europe/Berlin' },
  linkedin: { openProfile: true, degree: 2, mutualConnections: 4, lastActive: '2026-05-20' },
});

describeEachBackend('stored profile facts', (getStore) => {
  it('are read from the text on the first ranking, stored, and give the same scores as the full profile', async () => {
    const store = getStore();
    const res = await upsertCandidates(store, ws, [person('a', 'golang services on k8s'), person('b', 'golang APIs')].map((c) => normaliseCandidateInput(c)), '2026-05-01T00:00:00.000Z');
    const ids = res.outcomes.map((o) => o.id);
    const first = await loadRankableCandidates(store, ws, ids);
    expect(first.computed).toBe(2);
    const second = await loadRankableCandidates(store, ws, ids);
    expect(second.computed).toBe(0);
    const full = await getCandidatesByIds(store, ws, ids);
    const seat = { employers: ['Zalando'], schools: ['TU Berlin'] };
    for (const id of ids) {
      const stored = scoreRankable(second.candidates.get(id)!, resolveRole(role), seat, priorRankingModel(), { now, relevance: 0.5 });
      const fromText = scoreCandidate(full.get(id)!, resolveRole(role), seat, priorRankingModel(), { now, relevance: 0.5 });
      expect(stored).toEqual(fromText);
      expect(stored.signals.reply.sharedEmployer).toBe(1);
      expect(stored.signals.reply.sharedSchool).toBe(1);
    }
    expect(second.candidates.get(ids[0])).toMatchObject({ name: 'a', headline: 'Backend Engineer', profileUrl: 'https://www.linkedin.com/in/a', linkedin: { openProfile: true, degree: 2, mutualConnections: 4 } });
  });

  it('are read again when the candidate changes, so the ranking sees the new text', async () => {
    const store = getStore();
    const before = await rankCandidates(store, ws, role, { now, limit: 10, sort: 'fit' });
    const b = before.results.find((r) => r.name === 'b')!;
    expect(b.signals.fit.skills).toBe(0.5);
    // a re-import merges: the listed skills are joined
    const update = await upsertCandidates(store, ws, [normaliseCandidateInput({ ...person('b', 'golang APIs'), skills: ['k8s'] })], '2026-05-02T00:00:00.000Z');
    expect(update.outcomes[0].outcome).toBe('updated');
    expect((await loadRankableCandidates(store, ws, [b.candidateId])).computed).toBe(1);
    const after = await rankCandidates(store, ws, role, { now, limit: 10, sort: 'fit' });
    expect(after.results.find((r) => r.name === 'b')!.signals.fit.skills).toBe(1);
  });

  it('of another facts version are read again; clearing forgets them; a deleted candidate takes its facts along', async () => {
    const store = getStore();
    const ids = [...(await loadRankableCandidates(store, ws, [1, 2, 3, 4, 5, 6, 7, 8])).candidates.keys()];
    expect((await loadRankableCandidates(store, ws, ids)).computed).toBe(0);
    await store.db.updateTable('candidate_facts').set({ version: 'older' }).execute();
    expect((await loadRankableCandidates(store, ws, ids)).computed).toBe(ids.length);
    expect(await clearCandidateFacts(store, ws, [ids[0]])).toBe(1);
    expect((await loadRankableCandidates(store, ws, ids)).computed).toBe(1);
    expect(await clearCandidateFacts(store, ws)).toBe(ids.length);
    expect((await loadRankableCandidates(store, ws, ids)).computed).toBe(ids.length);
    await deleteCandidate(store, ws, ids[0]);
    const left = await store.db.selectFrom('candidate_facts').select('candidate_id').execute();
    expect(left.map((r) => Number(r.candidate_id)).sort()).toEqual(ids.slice(1).sort());
  });

  it('leaves out candidates of other workspaces', async () => {
    const store = getStore();
    await store.db.insertInto('workspaces').values({ id: 'facts-other', name: 'Other', settings: '{}', created_at: now.toISOString() }).execute();
    const res = await upsertCandidates(store, 'facts-other', [normaliseCandidateInput(person('c', 'golang'))]);
    const id = res.outcomes[0].id;
    expect((await loadRankableCandidates(store, ws, [id])).candidates.size).toBe(0);
    expect((await loadRankableCandidates(store, 'facts-other', [id])).candidates.get(id)?.name).toBe('c');
  });

  it('can all be prepared ahead of ranking, batch by batch, for one workspace', async () => {
    const store = getStore();
    await clearCandidateFacts(store, ws);
    const mine = await store.db.selectFrom('candidates').select('id').where('workspace_id', '=', ws).execute();
    const batches: number[] = [];
    const first = await prepareCandidateFacts(store, ws, { batchSize: 1, onBatch: ({ seen }) => batches.push(seen) });
    expect(first).toEqual({ seen: mine.length, computed: mine.length });
    expect(batches.length).toBeGreaterThan(mine.length); // the other workspace's row is a batch too, counted for nobody
    expect((await loadRankableCandidates(store, ws, mine.map((r) => Number(r.id)))).computed).toBe(0);
    expect(await prepareCandidateFacts(store, ws)).toEqual({ seen: mine.length, computed: 0 });
    const others = await store.db.selectFrom('candidate_facts').select('candidate_id').where('workspace_id', '=', 'facts-other').execute();
    expect(others).toHaveLength(1); // stored by the ranking in that workspace, untouched here
  });
});
