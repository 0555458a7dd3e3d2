import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { analyticsReport } from '../../analytics/analytics-report.ts';
import { loadAnalyticsLog } from '../../analytics/analytics-store.ts';
import { createExecutorRegistry } from '../delivery/executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { maxInvitesInAnyWindow } from '../planning/pacing-rules.ts';
import { TasksExecutor } from '../delivery/tasks-executor.ts';
import { runWorkerPass } from '../delivery/worker.ts';
import { SandboxExecutor } from './sandbox-executor.ts';
import { sandboxRatesSchema } from './sandbox-linkedin.ts';

describeEachBackend('sandbox executor inside the worker', (getStore) => {
  it('runs a campaign end to end: sandbox answers come back through applyOutcome and show in analytics', async () => {
    const store = getStore();
    const cap = 6;
    const { campaignId } = await seedRunningCampaign(store, { tag: 'sbx', n: 12, weeklyInviteCap: cap, launchAt: '2026-03-02T00:00:00.000Z', plan: 'recruiter-lite' });
    // Every invitation is accepted: with the default 38% and a random campaign id driving the planner's gaps,
    // a 12-person run sometimes saw only a decline (about 1 run in 10), and this test is about the flow, not the rates.
    const sandbox = new SandboxExecutor({ seed: 3, rates: sandboxRatesSchema.parse({ acceptance: 1 }) });
    const registry = createExecutorRegistry([new TasksExecutor(), sandbox]);
    let clock = '';
    for (let h = 1; h <= 14 * 24; h += 12) {
      clock = new Date(Date.parse('2026-03-02T00:00:00.000Z') + h * 3_600_000).toISOString();
      await runWorkerPass(store, { registry, override: 'sandbox', now: () => clock, seed: 1, takeDueOutcomes: (now) => sandbox.takeDue(now) });
    }
    const actions = await store.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', campaignId).execute();
    const sent = actions.filter((a) => a.status === 'sent');
    expect(sent.length).toBeGreaterThan(cap);
    expect(new Set(actions.map((a) => a.idempotency_key)).size).toBe(actions.length);
    expect(maxInvitesInAnyWindow(sent.filter((a) => a.channel === 'connection_request').map((a) => a.plan_date))).toBeLessThanOrEqual(cap);
    const outcomes = await store.db.selectFrom('outreach_outcomes').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.source === 'sandbox')).toBe(true);
    const states = await store.db.selectFrom('outreach_enrollments').select('state').where('campaign_id', '=', campaignId).execute();
    expect(states.some((s) => s.state !== 'queued' && s.state !== 'invited')).toBe(true);
    const report = analyticsReport(await loadAnalyticsLog(store, 'default', { campaignId }));
    const stages = Object.fromEntries(report.funnel[0].stages.map((s) => [s.key, s.count]));
    expect(stages.enrolled).toBe(12);
    expect(stages.invited).toBeGreaterThan(0);
    expect(stages.accepted).toBeGreaterThan(0);
    expect(stages.accepted).toBe(outcomes.filter((o) => o.kind === 'accepted').length);
  });
});
