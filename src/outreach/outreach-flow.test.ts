import { describe, expect, it } from 'vitest';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { addSeat } from '../seats/seat-store.ts';
import { completeTask } from './delivery/action-store.ts';
import { applyOutcome } from './enrollment/apply-outcome-store.ts';
import { createCampaign, getCampaign, setCampaignStatus, updateCampaignSequence } from './campaigns/campaign-store.ts';
import { defaultSequence } from './campaigns/default-sequence.ts';
import { createExecutorRegistry } from './delivery/executor-registry.ts';
import { addSuppression } from './enrollment/suppression-store.ts';
import { TasksExecutor } from './delivery/tasks-executor.ts';
import { runWorkerPass } from './delivery/worker.ts';

const ws = 'default';
const registry = createExecutorRegistry([new TasksExecutor()]);

function person(i: number, extra: Record<string, unknown> = {}) {
  return normaliseCandidateInput({
    firstName: `Ana${i}`,
    lastName: 'Lima',
    headline: 'Senior Backend Engineer at Contoso',
    positions: [{ title: 'Senior Backend Engineer', company: 'Contoso', start: '2020-01', end: null }],
    skills: ['Go', 'PostgreSQL'],
    profileUrl: `https://www.linkedin.com/in/flow-${i}`,
    emails: [`flow${i}@example.com`],
    ...extra,
  });
}

describeEachBackend('outreach flow: campaign -> plan -> tasks -> outcomes', (getStore) => {
  it('runs the default sequence through the task queue, stops on a reply and respects suppression', async () => {
    const store = getStore();
    await addSeat(store, ws, { id: 'flow-seat', name: 'Flow seat', plan: 'recruiter-lite', timeZone: 'Europe/London', weeklyInviteCap: 10 }, '2025-05-01T00:00:00.000Z');
    const { outcomes } = await upsertCandidates(store, ws, [1, 2, 3, 4, 5].map((i) => person(i)));
    const ids = outcomes.map((o) => o.id);
    const campaign = await createCampaign(store, ws, { name: 'Flow', seatIds: ['flow-seat'], source: { kind: 'ids', ids } }, { candidateIds: ids, now: '2025-06-02T08:00:00.000Z' });
    expect(campaign.enrollments).toBe(5);
    expect(campaign.byState).toEqual({ queued: 5 });

    await addSuppression(store, ws, { email: 'flow5@example.com', reason: 'opted_out' }, '2025-06-02T08:30:00.000Z');
    await setCampaignStatus(store, ws, campaign.id, 'running', '2025-06-03T08:00:00.000Z');
    // Tuesday in London: the whole working day is planned and by 17:00 every due action is a task
    let clock = '2025-06-03T07:59:00.000Z';
    const pass = await runWorkerPass(store, { registry, now: () => clock, seed: 1 });
    // Tuesday's share of a weekly cap of 10 is 3; the suppressed candidate is never planned
    expect(pass.planned).toBe(3);
    expect(pass.executed).toBe(0);
    clock = '2025-06-03T16:29:00.000Z';
    expect((await runWorkerPass(store, { registry, now: () => clock, seed: 1 })).executed).toBe(3);
    const tasks = await store.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', campaign.id).orderBy('due_at').execute();
    expect(tasks.map((t) => t.status)).toEqual(['awaiting_person', 'awaiting_person', 'awaiting_person']);
    expect(tasks.every((t) => t.channel === 'connection_request')).toBe(true);
    expect(new Set(tasks.map((t) => t.idempotency_key)).size).toBe(3);
    for (const t of tasks) expect(t.due_at >= '2025-06-03T08:00:00.000Z' && t.due_at < '2025-06-03T16:30:00.000Z').toBe(true);
    let c = await getCampaign(store, ws, campaign.id);
    expect(c.byState).toMatchObject({ queued: 4, stopped: 1 });

    // a further pass the same day plans nothing new: the day's share is used
    expect((await runWorkerPass(store, { registry, now: () => clock, seed: 1 })).planned).toBe(0);

    for (const t of tasks) await completeTask(store, ws, t.id, 'done', '2025-06-03T16:25:00.000Z');
    const first = Number(tasks[0].candidate_id);
    await applyOutcome(store, ws, { candidateId: first, kind: 'accepted', at: '2025-06-04T10:00:00.000Z', source: 'cli' }, { learn: null });
    // the follow-up is due 3 days after acceptance (Saturday) -> the next working day, Monday
    clock = '2025-06-06T15:00:00.000Z';
    await runWorkerPass(store, { registry, now: () => clock, seed: 1 });
    const friday = await store.db.selectFrom('outreach_actions').select(['channel']).where('candidate_id', '=', first).where('channel', '=', 'message').execute();
    expect(friday).toHaveLength(0);
    clock = '2025-06-09T07:00:00.000Z';
    await runWorkerPass(store, { registry, now: () => clock, seed: 1 });
    clock = '2025-06-09T16:29:00.000Z';
    await runWorkerPass(store, { registry, now: () => clock, seed: 1 });
    const followUp = await store.db.selectFrom('outreach_actions').selectAll().where('candidate_id', '=', first).where('channel', '=', 'message').execute();
    expect(followUp).toHaveLength(1);
    expect(followUp[0].status).toBe('awaiting_person');
    expect(followUp[0].body?.length).toBeGreaterThan(20);

    // editing a reached step is refused; a later one is fine
    await expect(updateCampaignSequence(store, ws, campaign.id, [{ ...defaultSequence[0], delayDays: 2 }, ...defaultSequence.slice(1)])).rejects.toMatchObject({ code: 'conflict' });
    await updateCampaignSequence(store, ws, campaign.id, [...defaultSequence.slice(0, 4), { ...defaultSequence[4], delayDays: 10 }]);

    // a reply stops the sequence and cancels the open task
    const applied = await applyOutcome(store, ws, { candidateId: first, kind: 'replied', replyKind: 'positive', at: '2025-06-09T17:00:00.000Z', source: 'api' }, { learn: null });
    expect(applied.changes[0]).toMatchObject({ from: 'accepted', to: 'replied', applied: true });
    expect(applied.cancelledActions).toBe(1);
    await expect(completeTask(store, ws, followUp[0].id, 'done')).rejects.toMatchObject({ code: 'invalid_transition' });
    const events = await store.db.selectFrom('outreach_enrollment_events').select(['event', 'from_state', 'to_state']).where('enrollment_id', '=', `${campaign.id}:${first}`).orderBy('id').execute();
    expect(events.map((e) => `${e.from_state}>${e.to_state}`)).toEqual(['queued>invited', 'invited>accepted', 'accepted>replied']);
    // nothing ever leaves replied
    const late = await applyOutcome(store, ws, { candidateId: first, kind: 'accepted', campaignId: campaign.id, at: '2025-06-10T10:00:00.000Z', source: 'csv' }, { learn: null });
    // (an answer to the connection request is still recorded as a fact: applied, the state stays)
    expect(late.changes[0]).toMatchObject({ from: 'replied', to: 'replied', applied: true });

    await setCampaignStatus(store, ws, campaign.id, 'stopped', '2025-06-10T12:00:00.000Z');
    c = await getCampaign(store, ws, campaign.id);
    expect(c.status).toBe('stopped');
    expect(Object.keys(c.byState).sort()).toEqual(['replied', 'stopped']);
  });
});

describe('outreach flow helpers', () => {
  it('has a tasks executor that only queues', async () => {
    expect(await new TasksExecutor().execute({} as never)).toEqual({ status: 'queued_for_person' });
  });
});
