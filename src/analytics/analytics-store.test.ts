import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { addSeat } from '../seats/seat-store.ts';
import { analyticsReport } from './analytics-report.ts';
import { loadAnalyticsLog } from './analytics-store.ts';

const ws = 'default';
const now = '2026-03-01T00:00:00.000Z';

describeEachBackend('analytics store', (getStore) => {
  it('reads sent actions and outcomes from the outreach tables into chart-ready rows', async () => {
    const store = getStore();
    await addSeat(store, ws, { id: 'ada', name: 'Ada', plan: 'recruiter-lite', timeZone: 'America/Los_Angeles' });
    await store.db
      .insertInto('outreach_campaigns')
      .values({ id: 'c1', workspace_id: ws, name: 'Rust', role_id: null, role: null, status: 'running', sequence: '[]', seat_ids: '["ada"]', executors: '{}', source: '{}', created_at: now, launched_at: now, updated_at: now })
      .execute();
    const enrollment = (candidateId: number) => ({
      id: `c1:${candidateId}`, workspace_id: ws, campaign_id: 'c1', candidate_id: candidateId, seat_id: 'ada', state: 'invited', position: 1, priority: 50, has_email: 0, emails: '[]',
      profile_url: null, open_profile: 0, connected: 0, enrolled_at: now, invite_sent_at: null, accepted_at: null, declined_at: null, withdrawn_at: null, last_action_at: null, replied_at: null, reply_kind: null, updated_at: now,
    });
    await store.db.insertInto('outreach_enrollments').values([enrollment(1), enrollment(2), enrollment(3)]).execute();
    const action = (id: string, candidateId: number, channel: string, executedAt: string, status: string, body: string | null, charged = 0) => ({
      id, workspace_id: ws, campaign_id: 'c1', enrollment_id: `c1:${candidateId}`, candidate_id: candidateId, seat_id: 'ada', step_index: 0, step_key: channel === 'inmail' ? 'inmail' : 'invite', channel, with_note: 1, charged,
      priority: 50, plan_date: executedAt.slice(0, 10), due_at: executedAt, status, idempotency_key: id, executor: 'sandbox', attempts: 1, claimed_by: null, lease_until: null, subject: channel === 'inmail' ? 'Hi' : null,
      body, profile_url: null, email: null, variant: 'A', executed_at: status === 'sent' ? executedAt : null, external_id: null, last_error: null, created_at: now, updated_at: now,
    });
    await store.db
      .insertInto('outreach_actions')
      .values([
        action('a1', 1, 'connection_request', '2026-03-03T17:00:00.000Z', 'sent', 'Hi Ada'),
        action('a2', 2, 'connection_request', '2026-03-03T18:00:00.000Z', 'sent', 'Hi Bo'),
        // Wednesday 03:00 UTC is Tuesday evening in Los Angeles
        action('a3', 3, 'inmail', '2026-03-04T03:00:00.000Z', 'sent', 'x'.repeat(500), 1),
        action('a4', 2, 'inmail', '2026-03-05T18:00:00.000Z', 'pending', 'not sent yet', 1),
      ])
      .execute();
    await store.db
      .insertInto('outreach_outcomes')
      .values([
        { workspace_id: ws, candidate_id: 1, campaign_id: 'c1', enrollment_id: 'c1:1', kind: 'accepted', reply_kind: null, channel: 'connection_request', source: 'sandbox', at: '2026-03-04T10:00:00.000Z', refunded: 0, recorded_at: now },
        { workspace_id: ws, candidate_id: 3, campaign_id: 'c1', enrollment_id: 'c1:3', kind: 'replied', reply_kind: 'positive', channel: 'inmail', source: 'webhook', at: '2026-03-06T10:00:00.000Z', refunded: 1, recorded_at: now },
      ])
      .execute();

    const log = await loadAnalyticsLog(store, ws, { campaignId: 'c1' });
    expect(log.actions).toHaveLength(3);
    expect(log.creditPrices.get('ada')).toBeCloseTo(170 / 30, 6);
    const report = analyticsReport(log);
    expect(report.funnel).toEqual([
      {
        campaignId: 'c1',
        name: 'Rust',
        stages: [
          { key: 'enrolled', label: 'Enrolled', count: 3, rate: null },
          { key: 'contacted', label: 'Contacted', count: 3, rate: 1 },
          { key: 'invited', label: 'Invited', count: 2, rate: 0.6667 },
          { key: 'accepted', label: 'Accepted', count: 1, rate: 0.5 },
          { key: 'replied', label: 'Replied', count: 1, rate: 1 },
          { key: 'positive', label: 'Positive reply', count: 1, rate: 1 },
        ],
      },
    ]);
    expect(report.weekday[1]).toMatchObject({ label: 'Tue', sent: 1, replied: 1 });
    expect(report.length.map((r) => r.sent)).toEqual([0, 1, 0]);
    expect(report.channels.find((c) => c.channel === 'inmail')).toMatchObject({ sent: 1, replied: 1, creditsSpent: 1, creditsRefunded: 1, costUsd: 0 });
    expect(report.variants.map((v) => [v.stepKey, v.variant, v.sent])).toEqual([
      ['inmail', 'A', 1],
      ['invite', 'A', 2],
    ]);
    expect((await loadAnalyticsLog(store, ws, { campaignId: 'nope' })).actions).toEqual([]);
  });
});
