import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { listSeats } from '../seats/seat-store.ts';
import { countCandidates, listCandidates } from '../candidates/candidate-store.ts';
import { loadDemoWorkspace } from './demo-workspace.ts';

describeEachBackend('demo workspace', (getStore) => {
  it('loads demo candidates and two seats (paid Recruiter Lite in London, free in New York); loading again changes nothing', async () => {
    const store = getStore();
    const first = await loadDemoWorkspace(store, 'default', { count: 60, asOf: '2026-11-01' });
    expect(first.candidates).toMatchObject({ imported: 60, skipped: 0 });
    expect(await countCandidates(store, 'default')).toBe(60);
    const seats = await listSeats(store, 'default');
    expect(seats.map((s) => [s.id, s.plan, s.paid, s.timeZone])).toEqual([
      ['demo-london', 'recruiter-lite', true, 'Europe/London'],
      ['demo-new-york', null, false, 'America/New_York'],
    ]);
    expect(first.seats.map((s) => s.id)).toEqual(['demo-london', 'demo-new-york']);

    const again = await loadDemoWorkspace(store, 'default', { count: 60, asOf: '2026-11-01' });
    expect(again.candidates).toMatchObject({ imported: 0, unchanged: 60 });
    expect(await listSeats(store, 'default')).toEqual(seats);
    expect((await listCandidates(store, 'default', { limit: 1 })).candidates[0].source).toBe('demo');
  });
});
