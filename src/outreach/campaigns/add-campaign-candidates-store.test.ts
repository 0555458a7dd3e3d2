import { expect, it } from 'vitest';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { addCandidatesToCampaign } from './add-campaign-candidates-store.ts';
import { createCampaign, getCampaign, setCampaignStatus } from './campaign-store.ts';
import { createExecutorRegistry } from '../delivery/executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { addSuppression } from '../enrollment/suppression-store.ts';
import { TasksExecutor } from '../delivery/tasks-executor.ts';
import { runWorkerPass } from '../delivery/worker.ts';

const ws = 'default';

async function people(store: Parameters<typeof upsertCandidates>[0], tag: string, n: number): Promise<number[]> {
  const inputs = Array.from({ length: n }, (_, i) =>
    normaliseCandidateInput({ firstName: `Q${i}`, lastName: tag, headline: 'Data Engineer', profileUrl: `https://www.linkedin.com/in/${tag}-${i}`, emails: [`${tag}${i}@example.com`] }),
  );
  return (await upsertCandidates(store, ws, inputs)).outcomes.map((o) => o.id);
}

describeEachBackend('adding candidates to an existing campaign', (getStore) => {
  it('enrolls new candidates of a running campaign as queued (the worker plans them), skips enrolled and suppressed ones with the reason', async () => {
    const store = getStore();
    const { campaignId, candidateIds: first } = await seedRunningCampaign(store, { tag: 'addrun', n: 2, launchAt: '2025-06-02T08:00:00.000Z' });
    const fresh = await people(store, 'addrun-new', 3);
    await addSuppression(store, ws, { email: 'addrun-new2@example.com', reason: 'opted_out' }, '2025-06-02T08:00:00.000Z');

    const r = await addCandidatesToCampaign(store, ws, campaignId, [first[0], ...fresh, fresh[0]], { now: '2025-06-03T08:00:00.000Z' });
    expect(r.added).toEqual([fresh[0], fresh[1]]);
    expect(r.skipped).toEqual([
      { candidateId: first[0], reason: 'already_enrolled' },
      { candidateId: fresh[2], reason: 'suppressed' },
    ]);
    expect(r.campaign.enrollments).toBe(4);
    expect(r.campaign.byState.queued).toBe(4);

    // the new enrollments are real: the next worker pass plans their connection requests
    const registry = createExecutorRegistry([new TasksExecutor()]);
    await runWorkerPass(store, { registry, now: () => '2025-06-03T09:00:00.000Z', seed: 1 });
    const planned = await store.db.selectFrom('outreach_actions').select(['candidate_id', 'channel']).where('campaign_id', '=', campaignId).execute();
    expect(new Set(planned.map((a) => Number(a.candidate_id)))).toEqual(new Set([...first, fresh[0], fresh[1]]));
  });

  it('adds to a draft; refuses unknown ids and stopped campaigns without writing anything', async () => {
    const store = getStore();
    const seeded = await seedRunningCampaign(store, { tag: 'adddraft', n: 1, launchAt: '2025-06-02T08:00:00.000Z' });
    const more = await people(store, 'adddraft-more', 2);
    const draft = await createCampaign(store, ws, { name: 'Draft', seatIds: [seeded.seatId], source: { kind: 'ids', ids: seeded.candidateIds } }, { candidateIds: seeded.candidateIds, now: '2025-06-02T08:00:00.000Z' });

    await expect(addCandidatesToCampaign(store, ws, draft.id, [more[0], 987_654_321])).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('987654321') });
    expect((await getCampaign(store, ws, draft.id)).enrollments).toBe(1);

    const r = await addCandidatesToCampaign(store, ws, draft.id, more);
    expect(r.added).toEqual(more);
    expect(r.campaign).toMatchObject({ status: 'draft', enrollments: 3 });

    await expect(addCandidatesToCampaign(store, ws, draft.id, [])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(addCandidatesToCampaign(store, ws, 'cmp_missing', more)).rejects.toMatchObject({ code: 'not_found' });
    await setCampaignStatus(store, ws, draft.id, 'stopped');
    const extra = await people(store, 'adddraft-extra', 1);
    await expect(addCandidatesToCampaign(store, ws, draft.id, extra)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await getCampaign(store, ws, draft.id)).enrollments).toBe(3);
  });
});
