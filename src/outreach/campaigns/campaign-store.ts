import type { Kysely, Selectable } from 'kysely';
import { randomBytes } from 'node:crypto';
import { getCandidatesByIds } from '../../candidates/candidate-store.ts';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import type { MessageRole } from '../../messages/message-role.ts';
import { priorRankingModel, type RankingModel } from '../../ranking/ranking-model.ts';
import type { RoleProfile } from '../../ranking/role-profile.ts';
import { getSeat, seatOfRow } from '../../seats/seat-store.ts';
import type { Seat } from '../../seats/seat.ts';
import { campaignInputSchema, type Campaign, type CampaignInput, type CampaignStatus, type CampaignSummary } from './campaign.ts';
import { defaultSequence } from './default-sequence.ts';
import { enrollCandidates } from '../enrollment/enroll-candidates-store.ts';
import { activeStates, applyEnrollmentEvent } from '../enrollment/enrollment-store.ts';
import type { OutreachCampaignTable } from '../outreach-tables.ts';
import { checkSequenceEdit, checkStepVariants } from './sequence-edit.ts';
import { nextWorkingSlot } from '../planning/seat-calendar.ts';
import { sequenceSchema, type Sequence } from './sequence-step.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';
import { zodIssuesToAppError } from '../../core/zod-issues.ts';

/**
 * Campaign storage: create (with enrollment of its candidates), read,
 * launch, pause, stop and sequence edits. Thin: decisions are in the pure
 * modules (sequence-edit, enrollment-state-machine).
 */
type CampaignRow = Selectable<OutreachCampaignTable>;

export function rowToCampaign(r: CampaignRow): Campaign {
  const role = r.role ? JSON.parse(r.role) : null;
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    roleId: r.role_id,
    role: role?.profile ?? null,
    messageRole: role?.message ?? null,
    status: r.status as CampaignStatus,
    sequence: storedSequence(r.sequence),
    seatIds: JSON.parse(r.seat_ids),
    executors: JSON.parse(r.executors),
    source: JSON.parse(r.source),
    createdAt: r.created_at,
    launchedAt: r.launched_at,
    updatedAt: r.updated_at,
  };
}

/** A stored sequence with today's defaults filled in (steps stored before `variants` existed get none). */
export function storedSequence(json: string): Sequence {
  const raw = JSON.parse(json);
  const parsed = sequenceSchema.safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

/** Refuses template variants that cannot be sent (checkStepVariants), naming the step and variant. */
function requireSendableVariants(sequence: Sequence, seats: Seat[], role: MessageRole | null, now: string): void {
  const problem = checkStepVariants(sequence, seats, role, now.slice(0, 10));
  if (problem) throw new AppError(problem.code, `invalid sequence: ${problem.message}`, { step: problem.step, variant: problem.variant });
}

/** What messages say about the role when the campaign does not say it. */
export function messageRoleFrom(role: RoleProfile | null, companyFallback: string): MessageRole | null {
  if (!role) return null;
  return { title: role.titles[0] ?? role.name, company: companyFallback, skills: role.mustHaveSkills.slice(0, 5), location: role.locations[0] ?? '', pitch: '' };
}

/** The workspace's name, as messages name the hiring company by default. */
async function workspaceDisplayName(store: Store, workspaceId: string): Promise<string> {
  const row = await store.db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirst();
  return row?.name?.trim() || workspaceId;
}

export interface CreateCampaignOptions {
  now?: string;
  /** candidates already resolved from the source (the CLI/API resolve queries and files) */
  candidateIds: number[];
  /** the saved role, resolved by the caller when roleId is given */
  savedRole?: RoleProfile | null;
  model?: RankingModel;
  /** the date priorities are scored at (recent activity, tenure); default `now` (the demo scores at its data's date) */
  scoreAt?: string;
  /** runs in the creating transaction once the campaign and its enrollments are written (the audit entry) */
  inTransaction?: (trx: Kysely<Database>, campaign: { id: string; enrolled: number }) => Promise<void>;
}

export async function createCampaign(store: Store, workspaceId: string, raw: unknown, opts: CreateCampaignOptions): Promise<CampaignSummary> {
  const parsed = campaignInputSchema.safeParse(raw);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'campaign');
  const input: CampaignInput = parsed.data;
  const now = opts.now ?? new Date().toISOString();
  const seats: Seat[] = [];
  for (const id of input.seatIds) seats.push(await getSeat(store, workspaceId, id));
  const role = input.role ?? opts.savedRole ?? null;
  // the company is named, never "our team": given with the campaign, else the workspace's own name
  const message = input.messageRole ?? messageRoleFrom(role, input.company ?? (await workspaceDisplayName(store, workspaceId)));
  const ids = [...new Set(opts.candidateIds)];
  if (ids.length === 0) throw new AppError('invalid_input', 'a campaign needs at least one candidate');
  const candidates = await getCandidatesByIds(store, workspaceId, ids);
  const missing = ids.filter((id) => !candidates.has(id));
  if (missing.length) throw new AppError('not_found', `candidates not found: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`, { missing: missing.slice(0, 100) });
  if (input.sequence) requireSendableVariants(input.sequence, seats, message, now);
  const id = `cmp_${randomBytes(5).toString('hex')}`;
  const model = opts.model ?? priorRankingModel();
  await withWriteTransaction(store, async (trx) => {
    await trx
      .insertInto('outreach_campaigns')
      .values({
        id,
        workspace_id: workspaceId,
        name: input.name,
        role_id: input.roleId,
        role: role || message ? JSON.stringify({ profile: role, message }) : null,
        status: 'draft',
        sequence: JSON.stringify(input.sequence ?? defaultSequence),
        seat_ids: JSON.stringify(input.seatIds),
        executors: JSON.stringify(input.executors),
        source: JSON.stringify(input.source),
        created_at: now,
        launched_at: null,
        updated_at: now,
      })
      .execute();
    const sourceQuery = input.source.kind === 'query' ? input.source.query : null;
    await enrollCandidates(trx, { workspaceId, campaignId: id, seats, candidates: ids.map((i) => candidates.get(i)!), role, model, priorities: input.priorities, now, scoreAt: opts.scoreAt ?? now, sourceQuery });
    await opts.inTransaction?.(trx, { id, enrolled: ids.length });
  });
  return getCampaign(store, workspaceId, id);
}

export async function getCampaignRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<CampaignRow> {
  const row = await db.selectFrom('outreach_campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `campaign '${id}' does not exist`, { id });
  return row;
}

export async function getCampaign(store: Pick<Store, 'db'>, workspaceId: string, id: string): Promise<CampaignSummary> {
  const c = rowToCampaign(await getCampaignRow(store.db, workspaceId, id));
  const states = await store.db
    .selectFrom('outreach_enrollments')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', id)
    .groupBy('state')
    .execute();
  const actions = await store.db
    .selectFrom('outreach_actions')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', id)
    .groupBy('status')
    .execute();
  const byState: Record<string, number> = {};
  let total = 0;
  for (const s of states) {
    byState[s.state] = Number(s.n);
    total += Number(s.n);
  }
  const byStatus: Record<string, number> = {};
  for (const a of actions) byStatus[a.status] = Number(a.n);
  return { ...c, enrollments: total, byState, actions: byStatus };
}

export async function listCampaigns(store: Pick<Store, 'db'>, workspaceId: string): Promise<CampaignSummary[]> {
  const rows = await store.db.selectFrom('outreach_campaigns').select('id').where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
  const out: CampaignSummary[] = [];
  for (const r of rows) out.push(await getCampaign(store, workspaceId, r.id));
  return out;
}

const allowedStatus: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['running', 'stopped'],
  running: ['paused', 'stopped'],
  paused: ['running', 'stopped'],
  stopped: [],
};

/**
 * launch: draft/paused -> running (day 1 of a fresh enrollment is the launch
 * day); pause: running -> paused (planned actions never attempted are
 * cancelled and planned again on resume; retries wait, keeping their key, and
 * go on after the resume); stop: anything -> stopped (every active enrollment stops,
 * open actions and tasks are cancelled).
 */
export async function setCampaignStatus(
  store: Store,
  workspaceId: string,
  id: string,
  to: CampaignStatus,
  now: string = new Date().toISOString(),
  /** runs in the same transaction after a real change (not when the campaign already had that status): the audit entry */
  opts: { inTransaction?: (trx: Kysely<Database>, change: { from: CampaignStatus; to: CampaignStatus }) => Promise<void> } = {},
): Promise<CampaignSummary> {
  await withWriteTransaction(store, async (trx) => {
    const row = await getCampaignRow(trx, workspaceId, id);
    const from = row.status as CampaignStatus;
    if (from === to) return;
    if (!allowedStatus[from].includes(to)) throw new AppError('invalid_transition', `a ${from} campaign cannot become ${to}`, { from, to });
    await trx
      .updateTable('outreach_campaigns')
      .set({ status: to, updated_at: now, ...(to === 'running' && !row.launched_at ? { launched_at: now } : {}) })
      .where('id', '=', id)
      .execute();
    if (to === 'running' && from === 'paused') await resumeRetries(trx, id, now);
    if (to === 'running' && !row.launched_at) {
      await trx.updateTable('outreach_enrollments').set({ enrolled_at: now, updated_at: now }).where('campaign_id', '=', id).where('state', '=', 'queued').where('position', '=', 0).execute();
    }
    if (to === 'paused' || to === 'stopped') {
      const statuses = to === 'paused' ? ['pending'] : ['pending', 'awaiting_person'];
      let q = trx
        .updateTable('outreach_actions')
        .set({ status: 'cancelled', last_error: `campaign ${to}`, updated_at: now })
        .where('campaign_id', '=', id)
        .where('status', 'in', statuses);
      // a pause keeps the retries (attempted: their key may have reached the other side) to go on under that key on resume (action-store.ts)
      if (to === 'paused') q = q.where('attempts', '=', 0);
      await q.execute();
    }
    if (to === 'stopped') {
      const rows = await trx.selectFrom('outreach_enrollments').selectAll().where('campaign_id', '=', id).where('state', 'in', [...activeStates, 'finished']).execute();
      for (const r of rows) await applyEnrollmentEvent(trx, r, 'stop', 'campaign stopped', now);
    }
    await opts.inTransaction?.(trx, { from, to });
  });
  return getCampaign(store, workspaceId, id);
}

/** On resume, the retries a pause kept (action-store.ts) are due again from now, inside their seat's working hours, with their keys. */
async function resumeRetries(trx: Kysely<Database>, campaignId: string, now: string): Promise<void> {
  const kept = await trx.selectFrom('outreach_actions').select(['id', 'seat_id']).where('campaign_id', '=', campaignId).where('status', '=', 'pending').where('attempts', '>', 0).execute();
  const seats = new Map<string, Seat>();
  for (const a of kept) {
    if (!seats.has(a.seat_id)) seats.set(a.seat_id, await seatOfRow(trx, a.seat_id));
    const seat = seats.get(a.seat_id)!;
    const slot = nextWorkingSlot(now, seat.timeZone, seat.workingHours);
    await trx.updateTable('outreach_actions').set({ plan_date: slot.date, due_at: slot.at, updated_at: now }).where('id', '=', a.id).execute();
  }
}

/** How many leading steps some candidate has reached (position passed, or an action planned or done for it). */
export async function reachedSteps(db: Kysely<Database>, campaignId: string): Promise<number> {
  const pos = await db.selectFrom('outreach_enrollments').select((eb) => eb.fn.max('position').as('p')).where('campaign_id', '=', campaignId).executeTakeFirst();
  const act = await db
    .selectFrom('outreach_actions')
    .select((eb) => eb.fn.max('step_index').as('s'))
    .where('campaign_id', '=', campaignId)
    .where('status', 'not in', ['expired', 'cancelled'])
    .executeTakeFirst();
  return Math.max(Number(pos?.p ?? 0), act?.s === null || act?.s === undefined ? 0 : Number(act.s) + 1);
}

export async function updateCampaignSequence(store: Store, workspaceId: string, id: string, raw: unknown, now: string = new Date().toISOString()): Promise<CampaignSummary> {
  const parsed = sequenceSchema.safeParse(raw);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'sequence');
  const next: Sequence = parsed.data;
  await withWriteTransaction(store, async (trx) => {
    const row = await getCampaignRow(trx, workspaceId, id);
    if (row.status === 'stopped') throw new AppError('invalid_transition', 'a stopped campaign cannot be edited');
    const check = checkSequenceEdit(storedSequence(row.sequence), next, await reachedSteps(trx, id));
    if (!check.ok) throw new AppError('conflict', check.message, { reachedSteps: check.reachedSteps });
    const campaign = rowToCampaign(row);
    const seats: Seat[] = [];
    for (const seatId of campaign.seatIds) seats.push(await seatOfRow(trx, seatId));
    requireSendableVariants(next, seats, campaign.messageRole, now);
    await trx.updateTable('outreach_campaigns').set({ sequence: JSON.stringify(next), updated_at: now }).where('id', '=', id).execute();
  });
  return getCampaign(store, workspaceId, id);
}
