import { expect, it } from 'vitest';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { addSeat } from '../../seats/seat-store.ts';
import { createCampaign, setCampaignStatus } from '../campaigns/campaign-store.ts';
import { createExecutorRegistry } from '../delivery/executor-registry.ts';
import { savePacingRules } from './pacing-settings-store.ts';
import { seatOutlooks } from './seat-outlook-store.ts';
import { TasksExecutor } from '../delivery/tasks-executor.ts';
import { runWorkerPass } from '../delivery/worker.ts';

const ws = 'default';
const registry = createExecutorRegistry([new TasksExecutor()]);

describeEachBackend('seat outlook: caps and what comes next', (getStore) => {
  it('at night shows the next working window as the planner will plan it, then the worker plans exactly that', async () => {
    const store = getStore();
    await addSeat(store, ws, { id: 'night-seat', name: 'Night seat', paid: false, timeZone: 'Europe/Berlin', weeklyInviteCap: 20 }, '2025-01-01T00:00:00.000Z');
    const inputs = Array.from({ length: 8 }, (_, i) =>
      normaliseCandidateInput({ firstName: `N${i}`, lastName: 'Night', headline: 'Site Reliability Engineer at Globex', profileUrl: `https://www.linkedin.com/in/night-${i}` }),
    );
    const ids = (await upsertCandidates(store, ws, inputs)).outcomes.map((o) => o.id);
    const c = await createCampaign(store, ws, { name: 'Night', seatIds: ['night-seat'], source: { kind: 'ids', ids } }, { candidateIds: ids, now: '2025-06-04T17:00:00.000Z' });
    // Wednesday 19:00 in Berlin, after the 09:00-17:30 window
    const evening = '2025-06-04T17:00:00.000Z';
    await setCampaignStatus(store, ws, c.id, 'running', evening);
    expect((await runWorkerPass(store, { registry, now: () => evening })).planned).toBe(0);

    const [night] = await seatOutlooks(store, ws, { now: evening });
    expect(night).toMatchObject({ seatId: 'night-seat', date: '2025-06-04', working: false, nextWindowStart: '2025-06-05T07:00:00.000Z' });
    // Wednesday's working hours are over: nothing more goes out today, the week's room is untouched; a free seat has 5 notes a month
    expect(night.caps.dayOver).toBe(true);
    expect(night.caps.invitations).toMatchObject({ leftThisWeek: 20, leftToday: 0, plannedToday: 0 });
    expect(night.caps.notesLeftThisMonth).toBe(5);
    expect(night.upcoming.length).toBe(5);
    for (const u of night.upcoming) {
      expect(u).toMatchObject({ kind: 'forecast', planDate: '2025-06-05', channel: 'connection_request', campaignName: 'Night' });
      expect(u.dueAt >= '2025-06-05T07:00:00.000Z' && u.dueAt < '2025-06-05T15:30:00.000Z').toBe(true);
      expect(u.candidateName).toMatch(/^N\d Night$/);
    }
    for (const u of night.upcoming) expect(u.withNote).toBe((u.body ?? '') !== '');

    // Thursday 09:00 Berlin: the worker plans the forecast, same people at the same times
    const morning = '2025-06-05T07:00:00.000Z';
    await runWorkerPass(store, { registry, now: () => morning });
    const planned = await store.db.selectFrom('outreach_actions').select(['candidate_id', 'due_at', 'channel', 'body']).where('campaign_id', '=', c.id).orderBy('due_at').execute();
    expect(planned.map((a) => [Number(a.candidate_id), a.due_at, a.body ?? ''])).toEqual(night.upcoming.map((u) => [u.candidateId, u.dueAt, u.body ?? '']));

    // during the day the planned ones are listed as scheduled, and the day's invitation budget is spent
    const [day] = await seatOutlooks(store, ws, { seatId: 'night-seat', now: morning });
    expect(day.working).toBe(true);
    expect(day.upcoming.every((u) => u.kind === 'scheduled')).toBe(true);
    expect(day.upcoming.length).toBe(planned.filter((a) => a.due_at > morning).length);
    expect(day.caps.dayOver).toBe(false);
    expect(day.caps.invitations).toMatchObject({ plannedToday: 5, leftToday: 0, leftThisWeek: 15 });

    // the workspace's pacing settings count, as for the worker: a 2-note monthly quota leaves none after 5 requests
    await savePacingRules(store, ws, { freeNoteQuotaPerMonth: 2 });
    const [custom] = await seatOutlooks(store, ws, { seatId: 'night-seat', now: morning });
    expect(custom.caps.notesLeftThisMonth).toBe(Math.max(0, 2 - planned.filter((a) => a.body).length));
    await savePacingRules(store, ws, {});
  });
});
