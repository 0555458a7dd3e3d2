import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import type { Store } from '../db/open-database.ts';
import { addSeat } from '../seats/seat-store.ts';
import type { WorkingHours } from '../seats/seat.ts';
import { createCampaign, setCampaignStatus } from './campaigns/campaign-store.ts';
import type { SequenceStepInput } from './campaigns/sequence-step.ts';

/** Test helper: a seat working around the clock (in UTC unless `timeZone` is given), `n` candidates with emails, and a running campaign. */
export async function seedRunningCampaign(
  store: Store,
  opts: { tag: string; n: number; weeklyInviteCap?: number; sequence?: SequenceStepInput[]; launchAt: string; plan?: string | null; timeZone?: string; workingHours?: WorkingHours },
): Promise<{ campaignId: string; seatId: string; candidateIds: number[] }> {
  const seatId = `${opts.tag}-seat`;
  await addSeat(store, 'default', {
    id: seatId,
    name: `${opts.tag} seat`,
    plan: opts.plan ?? null,
    paid: true,
    timeZone: opts.timeZone ?? 'UTC',
    workingHours: opts.workingHours ?? { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] },
    weeklyInviteCap: opts.weeklyInviteCap ?? 100,
  }, '2025-01-01T00:00:00.000Z');
  const inputs = Array.from({ length: opts.n }, (_, i) =>
    normaliseCandidateInput({
      firstName: `P${i}`,
      lastName: opts.tag,
      headline: 'Platform Engineer at Initech',
      positions: [{ title: 'Platform Engineer', company: 'Initech', start: '2021-01', end: null }],
      skills: ['Kubernetes'],
      profileUrl: `https://www.linkedin.com/in/${opts.tag}-${i}`,
      emails: [`${opts.tag}${i}@example.com`],
    }),
  );
  const { outcomes } = await upsertCandidates(store, 'default', inputs);
  const candidateIds = outcomes.map((o) => o.id);
  const c = await createCampaign(
    store,
    'default',
    { name: opts.tag, seatIds: [seatId], source: { kind: 'ids', ids: candidateIds }, ...(opts.sequence ? { sequence: opts.sequence } : {}) },
    { candidateIds, now: opts.launchAt },
  );
  await setCampaignStatus(store, 'default', c.id, 'running', opts.launchAt);
  return { campaignId: c.id, seatId, candidateIds };
}
