import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../api/test-app.ts';
import { loadDemoWorkspace } from './demo-workspace.ts';
import { openDatabase, type Store } from '../db/open-database.ts';
import { demoCampaignName } from './demo-campaign.ts';
import { fastForward } from '../outreach/simulation/worker-fast-forward.ts';
import { maxInvitesInAnyWindow } from '../outreach/planning/pacing-rules.ts';
import { capDate } from '../outreach/planning/seat-history-store.ts';
import { monthOf } from '../outreach/planning/seat-calendar.ts';

/**
 * The "done when": a 500-candidate demo campaign created and launched
 * through the API runs end to end in sandbox mode (virtual clock, the real
 * worker), and caps and suppression hold throughout.
 */
describe('500-candidate demo campaign, end to end (sandbox, via the API)', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scoutline-demo-'));
    store = await openDatabase(join(dir, 'demo.db'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs two weeks without breaking a cap or contacting a suppressed person', { timeout: 180_000 }, async () => {
    const demo = await loadDemoWorkspace(store, 'default', { count: 500, asOf: '2025-05-30' });
    const ids = (await store.db.selectFrom('candidates').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    expect(ids).toHaveLength(500);
    const app = (await signedInApp({ store }));
    const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    // the demo workspace comes with its own running demo campaign (tasks mode): stop it, this test makes its own through the API
    const existing = (await (await app.request('/api/campaigns')).json()) as { campaigns: Array<{ id: string; name: string }> };
    expect(existing.campaigns.map((c) => c.name)).toEqual([demoCampaignName]);
    for (const c of existing.campaigns) expect((await post(`/api/campaigns/${c.id}/stop`, {})).status).toBe(200);

    const suppressed = ids.slice(0, 5);
    for (const candidateId of suppressed) expect((await post('/api/suppressions', { candidateId, reason: 'in_process' })).status).toBe(201);
    const created = await post('/api/campaigns', {
      name: 'Demo: Senior Backend Engineer',
      seatIds: demo.seats.map((s) => s.id),
      source: { kind: 'ids', ids },
      priorities: Object.fromEntries(ids.map((id, i) => [String(id), (i * 37) % 101])),
      executors: {},
      launch: true,
    });
    expect(created.status).toBe(201);
    const campaign = (await created.json()) as { id: string; enrollments: number; status: string };
    expect(campaign).toMatchObject({ enrollments: 500, status: 'running' });

    const report = await fastForward(store, { days: 14, stepMinutes: 240, executor: 'sandbox', seed: 7 });
    expect(report.executed).toBeGreaterThan(150);
    expect(report.outcomes).toBeGreaterThan(10);

    const shown = (await (await app.request(`/api/campaigns/${campaign.id}`)).json()) as { byState: Record<string, number>; actions: Record<string, number> };
    expect(shown.byState.replied).toBeGreaterThan(0);
    expect(shown.actions.sent).toBe(report.executed - (report.results.failed ?? 0) - (report.results.limit_reached ?? 0));

    const actions = await store.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', campaign.id).execute();
    // suppression: nobody suppressed was ever planned, let alone contacted
    expect(actions.filter((a) => suppressed.includes(Number(a.candidate_id)))).toEqual([]);
    for (const seat of demo.seats) {
      const invites = actions.filter((a) => a.seat_id === seat.id && a.channel === 'connection_request' && a.status === 'sent');
      const dates = invites.map((a) => capDate(a, seat.timeZone));
      expect(invites.length).toBeGreaterThan(0);
      expect(maxInvitesInAnyWindow(dates)).toBeLessThanOrEqual(seat.weeklyInviteCap);
      if (!seat.paid) {
        const perMonth = new Map<string, number>();
        for (const a of invites.filter((x) => Number(x.with_note) === 1)) perMonth.set(monthOf(capDate(a, seat.timeZone)), (perMonth.get(monthOf(capDate(a, seat.timeZone))) ?? 0) + 1);
        for (const n of perMonth.values()) expect(n).toBeLessThanOrEqual(5);
        expect(actions.filter((a) => a.seat_id === seat.id && a.channel === 'inmail' && a.status === 'sent')).toEqual([]);
      }
    }
    // every reply stopped its sequence: no action was sent to a candidate after their reply
    const replied = await store.db.selectFrom('outreach_enrollments').select(['candidate_id', 'replied_at']).where('campaign_id', '=', campaign.id).where('state', '=', 'replied').execute();
    for (const r of replied) {
      const after = actions.filter((a) => Number(a.candidate_id) === Number(r.candidate_id) && a.status === 'sent' && a.executed_at! > r.replied_at! && a.channel !== 'withdraw_invitation');
      expect(after).toEqual([]);
    }
  });
});
