import { addCandidateNote } from '../candidates/candidate-notes-store.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import type { Store } from '../db/open-database.ts';
import { completeTask } from '../outreach/delivery/action-store.ts';
import { applyOutcome } from '../outreach/enrollment/apply-outcome-store.ts';
import { createCampaign, setCampaignStatus } from '../outreach/campaigns/campaign-store.ts';
import { createExecutorRegistry } from '../outreach/delivery/executor-registry.ts';
import { addSuppression } from '../outreach/enrollment/suppression-store.ts';
import { TasksExecutor } from '../outreach/delivery/tasks-executor.ts';
import { runWorkerPass } from '../outreach/delivery/worker.ts';
import { insertExample } from '../ranking/ranking-store.ts';
import { addSeat } from '../seats/seat-store.ts';

/**
 * Test helper: a person whose data has spread through every part of
 * Scoutline (profile, notes, two campaigns' enrollments and rendered
 * messages, a sent task, a failed one with the recruiter's words, a reply,
 * a suppression entry by email with a note naming them, ranking verdicts),
 * next to someone else with the same history, so a test can erase one and
 * check the other is whole.
 */
export const person = {
  firstName: 'Zebulon',
  lastName: 'Quillfeather',
  emails: ['zebulon.quillfeather@example.org', 'zq.private@quillmail.example'],
  profileUrl: 'https://www.linkedin.com/in/zebulon-quillfeather-42',
  phone: '+44 20 7946 0999',
};

/** What must not be found anywhere after erasing `person` (lower-cased substrings). */
export const personNeedles = ['zebulon', 'quillfeather', 'zebulon.quillfeather@example.org', 'zq.private@quillmail.example', 'zebulon-quillfeather-42', '7946 0999'];

export const other = {
  firstName: 'Ottoline',
  lastName: 'Brackenbury',
  emails: ['ottoline.brackenbury@example.org'],
  profileUrl: 'https://www.linkedin.com/in/ottoline-brackenbury-7',
  phone: '+44 20 7946 0111',
};

export interface PrivacyScenario {
  personId: number;
  otherId: number;
  campaignIds: string[];
  seatId: string;
}

export type ScenarioPerson = typeof person;

/** Someone else with the same shape as `person`, for a second scenario in the same database. */
export function personNamed(first: string, last: string): ScenarioPerson {
  const slug = `${first}-${last}`.toLowerCase();
  return { firstName: first, lastName: last, emails: [`${slug}@example.org`], profileUrl: `https://www.linkedin.com/in/${slug}`, phone: '+44 20 7946 0222' };
}

export async function seedPrivacyScenario(store: Store, ws = 'default', tag = 'priv', who: { person: ScenarioPerson; other: ScenarioPerson } = { person, other }): Promise<PrivacyScenario> {
  const seatId = `${tag}-seat`;
  await addSeat(
    store,
    ws,
    { id: seatId, name: `${tag} Recruiter`, plan: 'recruiter-lite', paid: true, timeZone: 'UTC', workingHours: { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] }, weeklyInviteCap: 100 },
    '2025-01-01T00:00:00.000Z',
  );
  const input = (p: ScenarioPerson) =>
    normaliseCandidateInput({
      firstName: p.firstName,
      lastName: p.lastName,
      headline: `Platform Engineer at Initech`,
      summary: `${p.firstName} ${p.lastName} runs Kubernetes clusters and writes about it.`,
      positions: [{ title: 'Platform Engineer', company: 'Initech', start: '2019-01', end: null, description: `${p.firstName} leads the platform team` }],
      skills: ['Kubernetes', 'Go'],
      profileUrl: p.profileUrl,
      emails: p.emails,
      phones: [p.phone],
      tags: ['platform'],
    });
  const { outcomes } = await upsertCandidates(store, ws, [input(who.person), input(who.other)], '2025-05-01T00:00:00.000Z');
  const [personId, otherId] = outcomes.map((o) => o.id);

  await addCandidateNote(store, ws, personId, { text: `Spoke to ${who.person.firstName} ${who.person.lastName} on the phone; prefers ${who.person.emails.at(-1)}` }, '2025-05-02T00:00:00.000Z');
  await addCandidateNote(store, ws, otherId, { text: `Spoke to ${who.other.firstName} ${who.other.lastName} on the phone` }, '2025-05-02T00:00:00.000Z');
  await insertExample(store, ws, { candidateId: personId, roleId: '', kind: 'feedback', label: 'shortlist', fit: { skills: 0.8 }, reply: {} }, '2025-05-03T00:00:00.000Z');
  await insertExample(store, ws, { candidateId: otherId, roleId: '', kind: 'feedback', label: 'reject', fit: { skills: 0.2 }, reply: {} }, '2025-05-03T00:00:00.000Z');

  const campaignIds: string[] = [];
  const sequences: Record<string, unknown> = { email: [{ key: 'mail', channel: 'email' }], inmail: [{ key: 'inm', channel: 'inmail' }] };
  for (const kind of ['platform', 'email', 'inmail']) {
    const name = `${tag} ${kind}`;
    const c = await createCampaign(
      store,
      ws,
      {
        name,
        seatIds: [seatId],
        source: { kind: 'ids', ids: [personId, otherId] },
        ...(sequences[kind] ? { sequence: sequences[kind] } : {}),
      },
      { candidateIds: [personId, otherId], now: '2025-06-02T08:00:00.000Z' },
    );
    await setCampaignStatus(store, ws, c.id, 'running', '2025-06-02T08:00:00.000Z');
    campaignIds.push(c.id);
  }
  const registry = createExecutorRegistry([new TasksExecutor()]);
  // the planner spreads the day's actions over the working day: by its end they all wait for the recruiter
  await runWorkerPass(store, { registry, now: () => '2025-06-03T23:00:00.000Z', seed: 1 });
  await runWorkerPass(store, { registry, now: () => '2025-06-03T23:59:30.000Z', seed: 1 });
  const tasks = await store.db.selectFrom('outreach_actions').selectAll().where('workspace_id', '=', ws).where('status', '=', 'awaiting_person').where('seat_id', '=', seatId).orderBy('id').execute();
  for (const t of tasks) {
    const mine = Number(t.candidate_id) === personId;
    // the first campaign's task is done for both; the email task fails for the person with the recruiter's own words
    if (t.campaign_id !== campaignIds[1]) await completeTask(store, ws, t.id, 'done', '2025-06-03T23:59:40.000Z');
    else if (mine) await completeTask(store, ws, t.id, 'failed', '2025-06-03T23:59:40.000Z', `${who.person.firstName} ${who.person.lastName}: mailbox ${who.person.emails.at(-1)} is full`);
    else await completeTask(store, ws, t.id, 'done', '2025-06-03T23:59:40.000Z');
  }
  for (const id of [personId, otherId]) {
    await applyOutcome(store, ws, { candidateId: id, campaignId: campaignIds[0], kind: 'accepted', channel: 'connection_request', at: '2025-06-04T09:00:00.000Z', source: 'api' });
    await applyOutcome(store, ws, { candidateId: id, campaignId: campaignIds[0], kind: 'replied', replyKind: 'positive', channel: 'connection_request', at: '2025-06-05T09:00:00.000Z', source: 'api' });
  }
  // an InMail reply: the credit comes back, and the campaign has a cost per reply
  await applyOutcome(store, ws, { candidateId: personId, campaignId: campaignIds[2], kind: 'replied', replyKind: 'positive', channel: 'inmail', at: '2025-06-05T10:00:00.000Z', source: 'api' });
  await addSuppression(store, ws, { email: who.person.emails[0], reason: 'opted_out', note: `${who.person.firstName} asked not to hear from us again` }, '2025-06-06T00:00:00.000Z');
  return { personId, otherId, campaignIds, seatId };
}
