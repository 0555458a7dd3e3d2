import type { Kysely } from 'kysely';
import { getCandidatesByIds } from '../../candidates/candidate-store.ts';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import { listSeatsOn } from '../../seats/seat-store.ts';
import type { Seat } from '../../seats/seat.ts';
import { rowToFacts } from '../enrollment/enrollment-store.ts';
import type { PacingRules } from './pacing-rules.ts';
import { loadPacingRules } from './pacing-settings-store.ts';
import { planDay } from './plan-day.ts';
import { loadSeatHistory, openStatuses } from './seat-history-store.ts';
import { addDays, localDateOf, workingWindow, type LocalDate } from './seat-calendar.ts';
import { seatCaps, type SeatCaps } from './seat-caps.ts';
import { loadSeatPlanInput } from './seat-plan-input-store.ts';
import { renderStepText } from '../campaigns/step-text.ts';
import { readWorkspaceSettings } from '../../db/workspace-settings.ts';
import { privacyNoticeUrlOf } from '../../privacy/privacy-settings.ts';
import { assignStepVariant } from '../campaigns/step-variant.ts';
import { loadSuppressionIndex } from '../enrollment/suppression-store.ts';

/**
 * What a seat can still do and what comes next (the Today page), read only:
 *
 * - caps: the planner's budgets left on the seat's local today (seat-caps.ts);
 * - upcoming: the actions planned later today (pending, due after now) or,
 *   when none are, a dry run of the planner for the seat's next working
 *   window (the same pure planner, seed and start time the worker uses, so
 *   it is what the worker will plan if nothing changes before then: replies,
 *   acceptances and edits in between can change it).
 *
 * Upcoming actions are not tasks yet and cannot be done early: spec 4 paces
 * actions through the seat's working hours with random gaps, and each one
 * becomes a task at its planned time (docs/ui.md).
 */
export interface UpcomingAction {
  seatId: string;
  campaignId: string;
  campaignName: string;
  candidateId: number;
  candidateName: string;
  channel: string;
  stepKey: string;
  withNote: boolean;
  subject: string | null;
  body: string | null;
  profileUrl: string | null;
  /** when it becomes a task (UTC) */
  dueAt: string;
  /** the seat-local date it is planned for */
  planDate: LocalDate;
  /** `scheduled`: already planned by the worker; `forecast`: the planner's dry run for the next working window */
  kind: 'scheduled' | 'forecast';
}

export interface SeatOutlook {
  seatId: string;
  seatName: string;
  timeZone: string;
  /** the seat's local date now */
  date: LocalDate;
  /** inside the seat's working window now */
  working: boolean;
  /** start of the next working window (now's window when working) */
  nextWindowStart: string | null;
  caps: SeatCaps;
  upcoming: UpcomingAction[];
}

const lookAheadDays = 14;

/** The first working window that has not ended at `now`: today's, or a later day's (null when the seat has no working day). */
export function nextWorkingWindow(seat: Pick<Seat, 'timeZone' | 'workingHours'>, now: string): { date: LocalDate; start: string; end: string } | null {
  const today = localDateOf(now, seat.timeZone);
  for (let d = 0; d <= lookAheadDays; d++) {
    const date = addDays(today, d);
    const w = workingWindow(date, seat.timeZone, seat.workingHours);
    if (w && w.end > now) return { date, ...w };
  }
  return null;
}

/** `seatIds`: only these seats (a recruiter sees the seats they own). */
export async function seatOutlooks(store: Store, workspaceId: string, opts: { seatId?: string; seatIds?: readonly string[]; now?: string; limit?: number; rules?: PacingRules } = {}): Promise<SeatOutlook[]> {
  if (opts.seatIds && opts.seatIds.length === 0) return [];
  const now = opts.now ?? new Date().toISOString();
  // the workspace's pacing settings (outreach.pacing), as the worker plans with them, unless the caller gives rules
  const rules = opts.rules ?? (await loadPacingRules(store.db, workspaceId));
  const only = opts.seatId ? (opts.seatIds ? opts.seatIds.filter((id) => id === opts.seatId) : [opts.seatId]) : opts.seatIds;
  const seats = await listSeatsOn(store.db, workspaceId, { seatIds: only });
  const out: SeatOutlook[] = [];
  for (const seat of seats) out.push(await seatOutlook(store.db, seat, now, rules, opts.limit ?? 20));
  return out;
}

async function seatOutlook(db: Kysely<Database>, seat: Seat, now: string, rules: PacingRules, limit: number): Promise<SeatOutlook> {
  const date = localDateOf(now, seat.timeZone);
  const caps = seatCaps(seat, await loadSeatHistory(db, seat.id, seat.timeZone, date, now, rules), date, rules, now);
  const next = nextWorkingWindow(seat, now);
  const base = { seatId: seat.id, seatName: seat.name, timeZone: seat.timeZone, date, working: next !== null && next.start <= now, nextWindowStart: next ? (next.start > now ? next.start : now) : null, caps };
  let upcoming = await scheduled(db, seat, now, limit);
  if (upcoming.length === 0 && next) upcoming = await forecast(db, seat, next, now, rules, limit);
  return { ...base, upcoming };
}

async function scheduled(db: Kysely<Database>, seat: Seat, now: string, limit: number): Promise<UpcomingAction[]> {
  const rows = await db
    .selectFrom('outreach_actions as a')
    .innerJoin('outreach_campaigns as c', 'c.id', 'a.campaign_id')
    .leftJoin('candidates as p', 'p.id', 'a.candidate_id')
    .select(['a.campaign_id', 'c.name as campaign_name', 'a.candidate_id', 'p.name as candidate_name', 'a.channel', 'a.step_key', 'a.with_note', 'a.subject', 'a.body', 'a.profile_url', 'a.due_at', 'a.plan_date'])
    .where('a.seat_id', '=', seat.id)
    .where('a.status', '=', 'pending')
    .where('a.due_at', '>', now)
    .orderBy('a.due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seatId: seat.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    candidateId: Number(r.candidate_id),
    candidateName: r.candidate_name ?? `#${r.candidate_id}`,
    channel: r.channel,
    stepKey: r.step_key,
    withNote: Number(r.with_note) === 1,
    subject: r.subject,
    body: r.body,
    profileUrl: r.profile_url,
    dueAt: r.due_at,
    planDate: r.plan_date,
    kind: 'scheduled' as const,
  }));
}

/** The planner's dry run for the seat's next working window, as the worker will run it at the window's start (nothing is written). */
async function forecast(db: Kysely<Database>, seat: Seat, window: { date: LocalDate; start: string }, now: string, rules: PacingRules, limit: number): Promise<UpcomingAction[]> {
  // pending actions of earlier days expire before the worker plans the window's day
  const open = await db.selectFrom('outreach_actions').select(['enrollment_id', 'status', 'plan_date']).where('seat_id', '=', seat.id).where('status', 'in', [...openStatuses]).execute();
  const openSet = new Set(open.filter((a) => a.status !== 'pending' || a.plan_date >= window.date).map((a) => a.enrollment_id));
  const input = await loadSeatPlanInput(db, seat, window.date, rules, (id) => openSet.has(id));
  if (!input) return [];
  const { campaigns, rows } = input;
  const from = window.start > now ? window.start : now;
  const history = await loadSeatHistory(db, seat.id, seat.timeZone, window.date, from, rules);
  const plan = planDay({
    date: window.date,
    now: from,
    seats: [seat],
    campaigns: input.plannerCampaigns,
    enrollments: rows.map((r) => rowToFacts(r, openSet.has(r.id))),
    history: { [seat.id]: history },
    suppression: await loadSuppressionIndex(db, seat.workspaceId),
    rules,
    seed: 0,
  });
  const actions = [...plan.actions].sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0)).slice(0, limit);
  const candidates = await getCandidatesByIds({ db }, seat.workspaceId, [...new Set(actions.map((a) => a.candidateId))]);
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const privacyNoticeUrl = privacyNoticeUrlOf((await readWorkspaceSettings(db, seat.workspaceId)).privacy);
  return actions.map((a) => {
    const campaign = byId.get(a.campaignId)!;
    const candidate = candidates.get(a.candidateId);
    const step = a.stepIndex >= 0 ? campaign.sequence[a.stepIndex] : null;
    // the same variant and text the worker will queue (plan-seat-day.ts)
    const assigned = step ? assignStepVariant(step.variants ?? [], campaign.name, step.key, a.candidateId) : null;
    const text = candidate
      ? renderStepText({ channel: a.channel, withNote: a.withNote, candidate, seat, role: campaign.messageRole, variantKey: step?.variant ?? null, stepVariant: step && assigned ? { stepKey: step.key, variant: assigned } : null, asOf: window.date, privacyNoticeUrl })
      : null;
    return {
      seatId: seat.id,
      campaignId: a.campaignId,
      campaignName: campaign.name,
      candidateId: a.candidateId,
      candidateName: candidate?.name ?? `#${a.candidateId}`,
      channel: a.channel,
      stepKey: a.stepKey,
      withNote: text?.ok ? text.note === 'with' : a.withNote,
      subject: text?.ok ? text.subject : null,
      body: text?.ok ? text.body : null,
      profileUrl: candidate?.profileUrl ?? null,
      dueAt: a.dueAt,
      planDate: window.date,
      kind: 'forecast' as const,
    };
  });
}
