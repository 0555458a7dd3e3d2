/**
 * Loads what `campaign simulate` needs from the store (thin): the campaign's
 * sequence and seats, its enrolled candidates with their priorities, and,
 * through the composer, the length of each message each candidate would get
 * and whether it is personalised (mentions something from the profile).
 */
import type { Channel } from '../../core/channel.ts';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import { getCandidatesByIds } from '../../candidates/candidate-store.ts';
import type { Candidate } from '../../candidates/candidate.ts';
import { composeMessage } from '../../messages/compose-message.ts';
import type { MessageRole } from '../../messages/message-role.ts';
import type { MessageStep } from '../../messages/message-step.ts';
import type { TemplateRef } from '../../messages/template-ref.ts';
import { getSeat } from '../../seats/seat-store.ts';
import type { Seat } from '../../seats/seat.ts';
import { getCampaign } from '../campaigns/campaign-store.ts';
import { loadPacingRules } from '../planning/pacing-settings-store.ts';
import type { Sequence } from '../campaigns/sequence-step.ts';
import { variantTemplateRef } from '../campaigns/step-text.ts';
import { assignStepVariant } from '../campaigns/step-variant.ts';
import type { SimulatedMessage, SimulationCandidate, SimulationInput, SimulationSeat } from './simulate-campaign.ts';

const steps: Array<[Channel, MessageStep]> = [
  ['connection_request', 'connection_note'],
  ['message', 'follow_up'],
  ['inmail', 'inmail'],
  ['email', 'email'],
];

/** The simulated messages of one candidate (pure apart from the composer, which is pure); `templates`: the candidate's template per channel (a step variant), else the default. */
export function simulatedMessages(candidate: Candidate, seat: Seat, role: MessageRole | null, asOf: string, templates: Partial<Record<Channel, TemplateRef>> = {}): Partial<Record<Channel, SimulatedMessage>> {
  const out: Partial<Record<Channel, SimulatedMessage>> = {};
  for (const [channel, step] of steps) {
    const template = templates[channel];
    const m = composeMessage({ step, ...(template ? { template } : {}), candidate, seat: { name: seat.name, paid: seat.paid, employers: seat.employers, schools: seat.schools }, role, asOf });
    if (m.ok) out[channel] = { length: (m.subjectLength ?? 0) + m.length, personalised: m.hooksUsed.length > 0 };
  }
  return out;
}

/** The templates a candidate gets from the sequence's variants: the first step of each channel that has variants (the worker's assignment). */
export function variantTemplates(campaignName: string, sequence: Sequence, candidateId: number): Partial<Record<Channel, TemplateRef>> {
  const out: Partial<Record<Channel, TemplateRef>> = {};
  for (const step of sequence) {
    if (out[step.channel] !== undefined) continue;
    const v = assignStepVariant(step.variants ?? [], campaignName, step.key, candidateId);
    if (v) out[step.channel] = variantTemplateRef(step.key, v);
  }
  return out;
}

export async function loadSimulationInput(
  store: Store,
  workspaceId: string,
  campaignId: string,
  opts: { days: number; seed: string | number; startDate: string },
): Promise<SimulationInput> {
  const campaign = await getCampaign(store, workspaceId, campaignId);
  const seats = new Map<string, Seat>();
  for (const id of campaign.seatIds) seats.set(id, await getSeat(store, workspaceId, id));
  const rows = await store.db
    .selectFrom('outreach_enrollments')
    .select(['candidate_id', 'seat_id', 'priority', 'profile_url', 'emails', 'open_profile', 'connected'])
    .where('workspace_id', '=', workspaceId)
    .where('campaign_id', '=', campaignId)
    .orderBy('candidate_id')
    .execute();
  if (rows.length === 0) throw new AppError('conflict', `campaign '${campaignId}' has no enrolled candidates to simulate`, { campaignId });
  const people = await getCandidatesByIds(store, workspaceId, rows.map((r) => Number(r.candidate_id)));
  const role = campaign.messageRole ?? null;
  const candidates: SimulationCandidate[] = rows.map((r) => {
    const id = Number(r.candidate_id);
    const person = people.get(id);
    const seat = seats.get(r.seat_id);
    return {
      id,
      priority: r.priority,
      seatId: r.seat_id,
      profileUrl: r.profile_url,
      emails: JSON.parse(r.emails) as string[],
      openProfile: r.open_profile === 1,
      connected: r.connected === 1,
      ...(person && seat ? { messages: simulatedMessages(person, seat, role, opts.startDate, variantTemplates(campaign.name, campaign.sequence, id)) } : {}),
    };
  });
  const simSeats: SimulationSeat[] = [...seats.values()].map((s) => ({
    id: s.id,
    name: s.name,
    plan: s.plan,
    paid: s.paid,
    timeZone: s.timeZone,
    workingHours: s.workingHours,
    weeklyInviteCap: s.weeklyInviteCap,
  }));
  return {
    campaign: { id: campaign.id, name: campaign.name, sequence: campaign.sequence },
    seats: simSeats,
    candidates,
    startDate: opts.startDate,
    days: opts.days,
    seed: opts.seed,
    pacing: await loadPacingRules(store.db, workspaceId),
  };
}
