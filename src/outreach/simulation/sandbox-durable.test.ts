import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { buildWorkerExecutors } from '../delivery/worker-executors.ts';
import { runWorkerPass } from '../delivery/worker.ts';
import { SandboxAnswerStore } from './sandbox-answer-store.ts';

const hour = 3_600_000;
const at = (start: string, hours: number) => new Date(Date.parse(start) + hours * hour).toISOString();

describeEachBackend('sandbox answers are durable', (getStore) => {
  it('a restarted worker (a new executor over the same store) applies every answer the first one scheduled, exactly once', async () => {
    const store = getStore();
    const start = '2026-03-02T00:00:00.000Z';
    const { campaignId } = await seedRunningCampaign(store, { tag: 'dur', n: 30, launchAt: start, plan: 'recruiter-lite' });
    const first = buildWorkerExecutors({ sandboxSeed: 5, env: {}, sandboxAnswers: new SandboxAnswerStore(store) });
    const pass = (ex: typeof first, now: string) => runWorkerPass(store, { registry: ex.registry, override: 'sandbox', now: () => now, seed: 1, takeDueOutcomes: ex.takeDueOutcomes, learnIgnored: null });
    // day 1: the invitations go out; their answers are days away
    await pass(first, at(start, 1));
    await pass(first, at(start, 23));
    const sent = await store.db.selectFrom('outreach_actions').select(['idempotency_key']).where('campaign_id', '=', campaignId).where('status', '=', 'sent').execute();
    expect(sent.length).toBeGreaterThan(5);
    const scheduled = await store.db.selectFrom('outreach_sandbox_answers').select(['id', 'due_at', 'applied_at']).execute();
    const later = scheduled.filter((a) => a.due_at > at(start, 23));
    expect(later.length).toBeGreaterThan(3);
    expect(later.every((a) => a.applied_at === null)).toBe(true);

    // the worker restarts: nothing of `first` is used again
    const second = buildWorkerExecutors({ sandboxSeed: 5, env: {}, sandboxAnswers: new SandboxAnswerStore(store) });
    const third = buildWorkerExecutors({ sandboxSeed: 5, env: {}, sandboxAnswers: new SandboxAnswerStore(store) });
    // re-sending a key already sent answers the stored result and schedules nothing new
    const [one] = await store.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', campaignId).where('status', '=', 'sent').limit(1).execute();
    const again = await second.registry.get('sandbox')!.execute({
      actionId: one.id, idempotencyKey: one.idempotency_key, workspaceId: 'default', campaignId, seatId: one.seat_id, candidateId: Number(one.candidate_id),
      channel: 'connection_request', subject: null, body: one.body ?? '', profileUrl: one.profile_url, email: one.email, variant: one.variant, openProfile: false, dueAt: one.due_at,
    });
    expect(again).toMatchObject({ status: 'sent', externalId: `sandbox:${one.idempotency_key}` });
    expect(await store.db.selectFrom('outreach_sandbox_answers').select('id').execute()).toHaveLength(scheduled.length);

    // 30 days on: every answer is due; two workers race for them and each is applied once
    const late = at(start, 30 * 24);
    const dueBefore = (await new SandboxAnswerStore(store).due(late)).length;
    const dayOneAnswers = scheduled.length;
    const [a, b] = await Promise.all([
      runWorkerPass(store, { registry: second.registry, override: 'sandbox', now: () => late, seed: 1, takeDueOutcomes: second.takeDueOutcomes, learnIgnored: null, maxActions: 0 }),
      runWorkerPass(store, { registry: third.registry, override: 'sandbox', now: () => late, seed: 1, takeDueOutcomes: third.takeDueOutcomes, learnIgnored: null, maxActions: 0 }),
    ]);
    expect(dueBefore).toBeGreaterThanOrEqual(later.length);
    expect(a.outcomes + b.outcomes).toBe(dueBefore);
    // every answer scheduled on day 1 was applied once: some on day 1, the rest after the restart
    const outcomes = await store.db.selectFrom('outreach_outcomes').select('id').where('campaign_id', '=', campaignId).where('source', '=', 'sandbox').execute();
    expect(outcomes).toHaveLength(dayOneAnswers);
    expect(await new SandboxAnswerStore(store).pendingCount()).toBe(0);
    const states = await store.db.selectFrom('outreach_enrollments').select('state').where('campaign_id', '=', campaignId).execute();
    expect(states.some((s) => s.state === 'accepted' || s.state === 'replied')).toBe(true);
  });
});
