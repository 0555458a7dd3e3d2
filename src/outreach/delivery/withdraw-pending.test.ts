import { expect, it } from 'vitest';
import { signedInApp } from '../../api/test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { completeTask } from './action-store.ts';
import { applyOutcome } from '../enrollment/apply-outcome-store.ts';
import { createExecutorRegistry } from './executor-registry.ts';
import { setCampaignStatus } from '../campaigns/campaign-store.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { savePacingRules } from '../planning/pacing-settings-store.ts';
import { addSuppression } from '../enrollment/suppression-store.ts';
import { loadSimulationInput } from '../simulation/simulate-campaign-input-store.ts';
import { defaultPacingRules } from '../planning/pacing-rules.ts';
import { loadSeatHistory } from '../planning/seat-history-store.ts';
import { TasksExecutor } from './tasks-executor.ts';
import { runWorkerPass } from './worker.ts';

const ws = 'default';
const registry = createExecutorRegistry([new TasksExecutor()]);

describeEachBackend('pending requests are withdrawn after the configured age', (getStore) => {
  it('withdraws requests still pending 21 days on, also when the sequence finished or the person replied elsewhere; never an accepted one', async () => {
    const store = getStore();
    const { campaignId, seatId, candidateIds } = await seedRunningCampaign(store, {
      tag: 'wd',
      n: 3,
      launchAt: '2025-06-03T00:00:00.000Z',
      sequence: [{ key: 'invite', channel: 'connection_request', anchor: 'enrolled' }],
    });
    const pass = (now: string) => runWorkerPass(store, { registry, now: () => now, seed: 1, learnIgnored: null });
    await pass('2025-06-03T00:01:00.000Z');
    await pass('2025-06-03T23:58:00.000Z');
    for (const t of await store.db.selectFrom('outreach_actions').select('id').where('campaign_id', '=', campaignId).execute()) await completeTask(store, ws, t.id, 'done', '2025-06-03T23:59:00.000Z');
    // the one-step sequence is over: every enrollment finishes with its request pending
    await pass('2025-06-04T08:00:00.000Z');
    const [replier, acceptsLate, silent] = candidateIds;
    await applyOutcome(store, ws, { candidateId: replier, campaignId, kind: 'replied', replyKind: 'positive', channel: 'email', at: '2025-06-05T10:00:00.000Z', source: 'cli' }, { learn: null });
    await applyOutcome(store, ws, { candidateId: acceptsLate, campaignId, kind: 'replied', replyKind: 'positive', channel: 'email', at: '2025-06-05T10:00:00.000Z', source: 'cli' }, { learn: null });
    await applyOutcome(store, ws, { candidateId: acceptsLate, campaignId, kind: 'accepted', at: '2025-06-06T10:00:00.000Z', source: 'cli' }, { learn: null });
    const states = Object.fromEntries((await store.db.selectFrom('outreach_enrollments').select(['candidate_id', 'state']).where('campaign_id', '=', campaignId).execute()).map((r) => [Number(r.candidate_id), r.state]));
    expect(states).toEqual({ [replier]: 'replied', [acceptsLate]: 'replied', [silent]: 'finished' });

    const withdrawals = async () => (await store.db.selectFrom('outreach_actions').select(['candidate_id', 'status']).where('campaign_id', '=', campaignId).where('channel', '=', 'withdraw_invitation').execute()).map((r) => Number(r.candidate_id)).sort((a, b) => a - b);
    // 20 days pending: kept
    await pass('2025-06-23T00:01:00.000Z');
    expect(await withdrawals()).toEqual([]);
    // 21 days: withdrawn for the silent one and the replier, not for the one who accepted
    await pass('2025-06-24T00:01:00.000Z');
    expect(await withdrawals()).toEqual([replier, silent].sort((a, b) => a - b));
    await pass('2025-06-24T23:58:00.000Z');
    for (const t of await store.db.selectFrom('outreach_actions').select('id').where('channel', '=', 'withdraw_invitation').where('status', '=', 'awaiting_person').execute()) await completeTask(store, ws, t.id, 'done', '2025-06-24T23:59:00.000Z');
    const after = await store.db.selectFrom('outreach_enrollments').select(['candidate_id', 'state', 'withdrawn_at']).where('campaign_id', '=', campaignId).execute();
    expect(after.filter((r) => r.withdrawn_at).map((r) => [Number(r.candidate_id), r.state]).sort()).toEqual([
      [replier, 'replied'],
      [silent, 'finished'],
    ].sort());
    // nothing pending is left on the seat, and no second withdrawal is planned
    const h = await loadSeatHistory(store.db, seatId, 'UTC', '2025-06-25', '2025-06-25T00:01:00.000Z', defaultPacingRules);
    expect(h.pendingInvites).toBe(0);
    await pass('2025-06-25T00:01:00.000Z');
    expect(await withdrawals()).toHaveLength(2);
  });

  it('follows the workspace setting outreach.pacing.withdrawPendingAfterDays', async () => {
    const store = getStore();
    const { campaignId } = await seedRunningCampaign(store, { tag: 'wd10', n: 2, launchAt: '2025-06-03T00:00:00.000Z', sequence: [{ key: 'invite', channel: 'connection_request', anchor: 'enrolled' }] });
    await expect(savePacingRules(store, ws, { withdrawPendingAfterDays: 0 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/outreach\.pacing\.withdrawPendingAfterDays/) });
    await expect(savePacingRules(store, ws, { withdrawAfter: 10 })).rejects.toMatchObject({ code: 'invalid_input' });
    const app = (await signedInApp({ store, webRoot: '/nonexistent' }));
    const put = (body: unknown) => app.request('/api/outreach/pacing', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put({ withdrawPendingAfterDays: -1 })).status).toBe(400);
    const saved = await put({ withdrawPendingAfterDays: 10 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ withdrawPendingAfterDays: 10, maxPendingInvites: 500 });
    expect(await (await app.request('/api/outreach/pacing')).json()).toMatchObject({ withdrawPendingAfterDays: 10, reinviteBlockDays: 21 });
    // the simulation plans with the same rules
    expect((await loadSimulationInput(store, ws, campaignId, { days: 3, seed: 1, startDate: '2025-06-03' })).pacing?.withdrawPendingAfterDays).toBe(10);
    const pass = (now: string) => runWorkerPass(store, { registry, now: () => now, seed: 1, learnIgnored: null });
    await pass('2025-06-03T00:01:00.000Z');
    await pass('2025-06-03T23:58:00.000Z');
    for (const t of await store.db.selectFrom('outreach_actions').select('id').where('campaign_id', '=', campaignId).execute()) await completeTask(store, ws, t.id, 'done', '2025-06-03T23:59:00.000Z');
    await pass('2025-06-12T00:01:00.000Z');
    expect(await store.db.selectFrom('outreach_actions').select('id').where('campaign_id', '=', campaignId).where('channel', '=', 'withdraw_invitation').execute()).toHaveLength(0);
    await pass('2025-06-13T00:01:00.000Z');
    expect(await store.db.selectFrom('outreach_actions').select('id').where('campaign_id', '=', campaignId).where('channel', '=', 'withdraw_invitation').execute()).toHaveLength(2);
  });
});

describeEachBackend('pending requests of a stopped campaign are still withdrawn after the configured age', (getStore) => {
  it('withdraws a stopped campaign\'s old pending requests, never an accepted one, a suppressed person\'s or a paused campaign\'s', async () => {
    const store = getStore();
    const sequence = [{ key: 'invite', channel: 'connection_request' as const, anchor: 'enrolled' as const }];
    const stoppedC = await seedRunningCampaign(store, { tag: 'wds', n: 4, launchAt: '2025-06-03T00:00:00.000Z', sequence });
    const pausedC = await seedRunningCampaign(store, { tag: 'wdp', n: 2, launchAt: '2025-06-03T00:00:00.000Z', sequence });
    const pass = (now: string) => runWorkerPass(store, { registry, now: () => now, seed: 1, learnIgnored: null });
    await pass('2025-06-03T00:01:00.000Z');
    await pass('2025-06-03T23:58:00.000Z');
    const sent = await store.db.selectFrom('outreach_actions').select('id').where('channel', '=', 'connection_request').where('status', '=', 'awaiting_person').execute();
    expect(sent).toHaveLength(6);
    for (const t of sent) await completeTask(store, ws, t.id, 'done', '2025-06-03T23:59:00.000Z');
    const [accepts, suppressed, silent1, silent2] = stoppedC.candidateIds;
    await applyOutcome(store, ws, { candidateId: accepts, campaignId: stoppedC.campaignId, kind: 'accepted', at: '2025-06-05T10:00:00.000Z', source: 'cli' }, { learn: null });
    await setCampaignStatus(store, ws, stoppedC.campaignId, 'stopped', '2025-06-06T10:00:00.000Z');
    await setCampaignStatus(store, ws, pausedC.campaignId, 'paused', '2025-06-06T10:00:00.000Z');
    await addSuppression(store, ws, { candidateId: suppressed, reason: 'do_not_contact' }, '2025-06-07T10:00:00.000Z');

    const withdrawals = async (campaignId: string) =>
      (await store.db.selectFrom('outreach_actions').select('candidate_id').where('campaign_id', '=', campaignId).where('channel', '=', 'withdraw_invitation').execute()).map((r) => Number(r.candidate_id)).sort((a, b) => a - b);
    // 20 days pending: kept
    await pass('2025-06-23T00:01:00.000Z');
    expect(await withdrawals(stoppedC.campaignId)).toEqual([]);
    // 21 days: the stopped campaign's silent ones are withdrawn; nothing else of the stopped or paused campaign is planned
    await pass('2025-06-24T00:01:00.000Z');
    expect(await withdrawals(stoppedC.campaignId)).toEqual([silent1, silent2].sort((a, b) => a - b));
    expect(await withdrawals(pausedC.campaignId)).toEqual([]);
    const planned = await store.db.selectFrom('outreach_actions').select(['campaign_id', 'channel']).where('plan_date', '>', '2025-06-03').execute();
    expect(planned.every((a) => a.channel === 'withdraw_invitation' && a.campaign_id === stoppedC.campaignId)).toBe(true);

    // the claim lets the withdrawal of a stopped campaign through, and the recruiter does it
    await pass('2025-06-24T23:58:00.000Z');
    const tasks = await store.db.selectFrom('outreach_actions').select('id').where('channel', '=', 'withdraw_invitation').where('status', '=', 'awaiting_person').execute();
    expect(tasks).toHaveLength(2);
    for (const t of tasks) await completeTask(store, ws, t.id, 'done', '2025-06-24T23:59:00.000Z');
    const after = await store.db.selectFrom('outreach_enrollments').select(['candidate_id', 'state', 'withdrawn_at']).where('campaign_id', '=', stoppedC.campaignId).execute();
    expect(after.filter((r) => r.withdrawn_at).map((r) => Number(r.candidate_id)).sort((a, b) => a - b)).toEqual([silent1, silent2].sort((a, b) => a - b));
    expect(new Set(after.map((r) => r.state))).toEqual(new Set(['stopped']));
    // the suppressed person's request stays pending (never contacted again, not even to withdraw)
    const h = await loadSeatHistory(store.db, stoppedC.seatId, 'UTC', '2025-06-25', '2025-06-25T00:01:00.000Z', defaultPacingRules);
    expect(h.pendingInvites).toBe(1);
    await pass('2025-06-26T00:01:00.000Z');
    expect(await withdrawals(stoppedC.campaignId)).toHaveLength(2);
    expect(await withdrawals(pausedC.campaignId)).toEqual([]);
  });
});
