import { expect, it } from 'vitest';
import { analyticsReport } from '../../analytics/analytics-report.ts';
import { loadAnalyticsLog } from '../../analytics/analytics-store.ts';
import { signedInApp } from '../../api/test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { completeTask } from '../delivery/action-store.ts';
import { applyOutcome } from '../enrollment/apply-outcome-store.ts';
import { getCampaign, updateCampaignSequence } from './campaign-store.ts';
import { createExecutorRegistry } from '../delivery/executor-registry.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { assignStepVariant } from './step-variant.ts';
import { listTasks } from '../delivery/task-queue-store.ts';
import { TasksExecutor } from '../delivery/tasks-executor.ts';
import { runWorkerPass } from '../delivery/worker.ts';

const ws = 'default';
const registry = createExecutorRegistry([new TasksExecutor()]);
const noteB = `---
step: connection_note
---
Hi {{ candidate.first_name }}, your work at {{ hook.company }} caught my eye. Open to connecting?`;
const emailSpammy = `---
step: email
subject: A role for you
---
Hi {{ candidate.first_name }}, thanks for connecting! Your time at {{ hook.company }} stood out. This is an exciting opportunity: could we talk this week?`;

describeEachBackend('template variants on sequence steps', (getStore) => {
  it('assigns each enrollment a variant, records it on the action, and analytics shows both with their own reply rates', async () => {
    const store = getStore();
    // Tuesday 2026-03-03; a seat working round the clock in UTC
    const { campaignId, candidateIds } = await seedRunningCampaign(store, {
      tag: 'ab',
      n: 12,
      launchAt: '2026-03-03T00:00:00.000Z',
      sequence: [{ key: 'invite', channel: 'connection_request', anchor: 'enrolled', variants: [{ key: 'A', template: 'connection-note' }, { key: 'B', template: noteB }] }],
    });
    const clock = '2026-03-03T23:58:00.000Z';
    await runWorkerPass(store, { registry, now: () => '2026-03-03T00:01:00.000Z', seed: 1 });
    await runWorkerPass(store, { registry, now: () => clock, seed: 1 });
    const actions = await store.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(actions).toHaveLength(12);
    const campaign = await getCampaign(store, ws, campaignId);
    for (const a of actions) {
      expect(a.variant).toBe(assignStepVariant(campaign.sequence[0].variants, campaign.name, 'invite', Number(a.candidate_id))!.key);
      expect(a.body).toMatch(a.variant === 'B' ? /caught my eye\. Open to connecting\?$/ : /Would be great to connect!/);
    }
    const byVariant = { A: actions.filter((a) => a.variant === 'A'), B: actions.filter((a) => a.variant === 'B') };
    expect(byVariant.A).toHaveLength(6);
    expect(byVariant.B).toHaveLength(6);

    for (const a of actions) await completeTask(store, ws, a.id, 'done', '2026-03-03T23:59:00.000Z');
    // every A candidate replies; B candidates only accept
    for (const a of byVariant.A) await applyOutcome(store, ws, { candidateId: Number(a.candidate_id), campaignId, kind: 'replied', replyKind: 'positive', channel: 'connection_request', at: '2026-03-04T10:00:00.000Z', source: 'cli' }, { learn: null });
    for (const a of byVariant.B) await applyOutcome(store, ws, { candidateId: Number(a.candidate_id), campaignId, kind: 'accepted', channel: 'connection_request', at: '2026-03-04T10:00:00.000Z', source: 'cli' }, { learn: null });

    const report = analyticsReport(await loadAnalyticsLog(store, ws, { campaignId }));
    const rows = report.variants.filter((v) => v.stepKey === 'invite').map((v) => ({ variant: v.variant, sent: v.sent, replied: v.replied, replyRate: v.replyRate, accepted: v.accepted }));
    expect(rows).toEqual([
      { variant: 'A', sent: 6, replied: 6, replyRate: 1, accepted: 0 },
      { variant: 'B', sent: 6, replied: 0, replyRate: 0, accepted: 6 },
    ]);
    expect(candidateIds).toHaveLength(12);
  });

  it('stores lint findings with the queued text and returns them with the task (CLI list and GET /api/tasks)', async () => {
    const store = getStore();
    const { campaignId } = await seedRunningCampaign(store, {
      tag: 'lint',
      n: 2,
      launchAt: '2026-03-03T00:00:00.000Z',
      sequence: [{ key: 'hello', channel: 'email', anchor: 'enrolled', variants: [{ key: 'spammy', template: emailSpammy }] }],
    });
    await runWorkerPass(store, { registry, now: () => '2026-03-03T00:01:00.000Z', seed: 1 });
    await runWorkerPass(store, { registry, now: () => '2026-03-03T23:58:00.000Z', seed: 1 });
    const tasks = await listTasks(store, ws);
    expect(tasks.filter((t) => t.campaignId === campaignId)).toHaveLength(2);
    for (const t of tasks) {
      expect(t.variant).toBe('spammy');
      expect(t.lint.map((f) => [f.code, f.severity])).toContainEqual(['spammy_phrase', 'warning']);
      expect(t.lint.every((f) => f.severity === 'warning')).toBe(true);
    }
    const app = (await signedInApp({ store, workspaceId: ws, webRoot: '/nonexistent' }));
    const res = await app.request('/api/tasks');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tasks: Array<{ actionId: string; lint: Array<{ code: string }> }> };
    expect(body.tasks.find((t) => t.actionId === tasks[0].actionId)?.lint.map((f) => f.code)).toContain('spammy_phrase');
  });

  it('refuses a sequence edit whose variant cannot be sent, naming the step and the variant', async () => {
    const store = getStore();
    const { campaignId } = await seedRunningCampaign(store, { tag: 'edit', n: 1, launchAt: '2026-03-03T00:00:00.000Z' });
    const c = await getCampaign(store, ws, campaignId);
    const next = [...c.sequence.slice(0, 3), { ...c.sequence[3], variants: [{ key: 'A', template: 'email', weight: 1 }, { key: 'B', template: '---\nstep: email\nsubject: Hi\n---\n{{ candidate.first_name ', weight: 1 }] }, c.sequence[4]];
    await expect(updateCampaignSequence(store, ws, campaignId, next)).rejects.toMatchObject({ code: 'template_error', message: expect.stringMatching(/step 4 \('email'\) variant 'B'/), details: { step: 'email', variant: 'B' } });
    const app = (await signedInApp({ store, workspaceId: ws, webRoot: '/nonexistent' }));
    const res = await app.request(`/api/campaigns/${campaignId}/steps`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ steps: next }) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'template_error' } });
    const good = [...c.sequence.slice(0, 3), { ...c.sequence[3], variants: [{ key: 'A', template: 'email', weight: 1 }, { key: 'B', template: '---\nstep: email\nsubject: A role at {{ role.company | default: "our team" }}\n---\nHi {{ candidate.first_name }}, your work at {{ hook.company }} caught my eye.', weight: 2 }] }, c.sequence[4]];
    const updated = await updateCampaignSequence(store, ws, campaignId, good);
    expect(updated.sequence[3].variants.map((v) => [v.key, v.weight])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });
});
