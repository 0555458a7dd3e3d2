import type { Kysely } from 'kysely';
import { getCandidatesByIds } from '../../candidates/candidate-store.ts';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import { seatOfRow } from '../../seats/seat-store.ts';
import { randomUUID } from 'node:crypto';
import { applyEnrollmentEvent, rowToFacts } from '../enrollment/enrollment-store.ts';
import { actionIdempotencyKey, planDay, type PlanDayResult } from './plan-day.ts';
import type { PacingRules } from './pacing-rules.ts';
import { loadPacingRules } from './pacing-settings-store.ts';
import { localDateOf, nextWorkingSlot, type LocalDate } from './seat-calendar.ts';
import { loadSeatPlanInput } from './seat-plan-input-store.ts';
import { renderStepText } from '../campaigns/step-text.ts';
import { readWorkspaceSettings } from '../../db/workspace-settings.ts';
import { privacyNoticeUrlOf } from '../../privacy/privacy-settings.ts';
import { assignStepVariant } from '../campaigns/step-variant.ts';
import { loadSuppressionIndex } from '../enrollment/suppression-store.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';
import { loadSeatHistory, openStatuses } from './seat-history-store.ts';

/**
 * Plans one seat's day in storage: inside one write transaction (the seat's
 * row locked on PostgreSQL) it expires earlier days' actions that were never
 * attempted, moves earlier days' retries (attempted, so their key may have
 * reached the other side) to the seat's next working slot with their key,
 * reads the seat's facts and history, runs the pure planner and inserts the
 * actions with their final text. Safe to run again and again during the
 * day: budgets count what is already planned (carried retries included),
 * each enrollment has at most one open action (unique index), and
 * idempotency keys are per enrollment and step (plan-day.ts,
 * actionIdempotencyKey), numbered when a step is planned again.
 */

export interface PlanSeatOptions {
  rules?: PacingRules;
  seed?: string | number;
}

export interface PlanSeatResult {
  seatId: string;
  date: LocalDate;
  planned: number;
  expired: number;
  /** retries from an earlier day moved to the seat's next working slot, keeping their key */
  carried: number;
  finished: number;
  suppressed: number;
  /** enrollments that finished the sequence this time, never having replied: ranking learns them as `ignored` (worker.ts) */
  finishedUnanswered: Array<{ candidateId: number; campaignId: string; seatId: string; roleId: string | null }>;
}

export async function ensureSeatState(db: Kysely<Database>, seatId: string, now: string): Promise<void> {
  await db.insertInto('outreach_seat_state').values({ seat_id: seatId, paused_on: null, paused_reason: null, updated_at: now }).onConflict((oc) => oc.column('seat_id').doNothing()).execute();
}

export async function planSeatDay(store: Pick<Store, 'db' | 'dialect'>, seatId: string, now: string, opts: PlanSeatOptions = {}): Promise<PlanSeatResult> {
  return withWriteTransaction(store, async (trx) => {
    await ensureSeatState(trx, seatId, now);
    if (store.dialect === 'postgres') await trx.selectFrom('outreach_seat_state').select('seat_id').where('seat_id', '=', seatId).forUpdate().execute();
    const seat = await seatOfRow(trx, seatId);
    // the workspace's pacing settings (outreach.pacing) unless the caller gives rules
    const rules = opts.rules ?? (await loadPacingRules(trx, seat.workspaceId));
    const date = localDateOf(now, seat.timeZone);
    // an attempted action keeps its key until it ends (issue #14): never expired with the day, only moved on
    const stale = await trx.selectFrom('outreach_actions').select(['id', 'due_at']).where('seat_id', '=', seatId).where('status', '=', 'pending').where('plan_date', '<', date).where('attempts', '>', 0).execute();
    for (const a of stale) {
      const slot = nextWorkingSlot(a.due_at > now ? a.due_at : now, seat.timeZone, seat.workingHours);
      await trx.updateTable('outreach_actions').set({ plan_date: slot.date, due_at: slot.at, updated_at: now }).where('id', '=', a.id).execute();
    }
    const expired = await trx
      .updateTable('outreach_actions')
      .set({ status: 'expired', last_error: 'not claimed on its day', updated_at: now })
      .where('seat_id', '=', seatId)
      .where('status', '=', 'pending')
      .where('plan_date', '<', date)
      .where('attempts', '=', 0)
      .executeTakeFirst();
    const result: PlanSeatResult = { seatId, date, planned: 0, expired: Number(expired.numUpdatedRows), carried: stale.length, finished: 0, suppressed: 0, finishedUnanswered: [] };
    const openRows = await trx.selectFrom('outreach_actions').select('enrollment_id').where('seat_id', '=', seatId).where('status', 'in', [...openStatuses]).execute();
    const openSet = new Set(openRows.map((r) => r.enrollment_id));
    const input = await loadSeatPlanInput(trx, seat, date, rules, (id) => openSet.has(id));
    if (!input) return result;
    const { campaigns, rows } = input;
    const history = await loadSeatHistory(trx, seatId, seat.timeZone, date, now, rules);
    const plan: PlanDayResult = planDay({
      date,
      now,
      seats: [seat],
      campaigns: input.plannerCampaigns,
      enrollments: rows.map((r) => rowToFacts(r, openSet.has(r.id))),
      history: { [seatId]: history },
      suppression: await loadSuppressionIndex(trx, seat.workspaceId),
      rules,
      seed: opts.seed ?? 0,
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of plan.suppressed) {
      const row = byId.get(id)!;
      if (row.state === 'replied' || row.state === 'stopped') continue; // already closed: nothing to stop (and no withdrawal toward a suppressed person)
      await applyEnrollmentEvent(trx, row, 'stop', 'suppressed', now);
      result.suppressed++;
    }
    const roleOf = new Map(campaigns.map((c) => [c.id, c.roleId]));
    for (const id of plan.finished) {
      const row = byId.get(id)!;
      await applyEnrollmentEvent(trx, row, 'sequence_done', 'no step left', now);
      result.finished++;
      if (!row.replied_at) result.finishedUnanswered.push({ candidateId: Number(row.candidate_id), campaignId: row.campaign_id, seatId, roleId: roleOf.get(row.campaign_id) ?? null });
    }
    if (plan.actions.length === 0) return result;
    const candidates = await getCandidatesByIds({ db: trx }, seat.workspaceId, [...new Set(plan.actions.map((a) => a.candidateId))]);
    const plannedBefore = await countStepPlans(trx, [...new Set(plan.actions.map((a) => a.enrollmentId))]);
    const campaignById = new Map(campaigns.map((c) => [c.id, c]));
    const privacyNoticeUrl = privacyNoticeUrlOf((await readWorkspaceSettings(trx, seat.workspaceId)).privacy);
    for (const a of plan.actions) {
      const candidate = candidates.get(a.candidateId);
      if (!candidate) continue;
      // a step is planned at most once a day: one refused at claim today waits for tomorrow (no plan-and-refuse loop every pass)
      const before = plannedBefore.get(`${a.enrollmentId}\n${a.stepKey}`);
      if (before && before.lastPlanDate >= date) continue;
      const campaign = campaignById.get(a.campaignId)!;
      const step = a.stepIndex >= 0 ? campaign.sequence[a.stepIndex] : null;
      const assigned = step ? assignStepVariant(step.variants ?? [], campaign.name, step.key, a.candidateId) : null;
      const text = renderStepText({
        channel: a.channel,
        withNote: a.withNote,
        candidate,
        seat,
        role: campaign.messageRole,
        variantKey: step?.variant ?? null,
        stepVariant: step && assigned ? { stepKey: step.key, variant: assigned } : null,
        asOf: date,
        privacyNoticeUrl,
      });
      const inserted = await trx
        .insertInto('outreach_actions')
        .values({
          id: `act_${randomUUID()}`,
          workspace_id: seat.workspaceId,
          campaign_id: a.campaignId,
          enrollment_id: a.enrollmentId,
          candidate_id: a.candidateId,
          seat_id: seatId,
          step_index: a.stepIndex,
          step_key: a.stepKey,
          channel: a.channel,
          with_note: text.ok && text.note === 'with' ? 1 : 0,
          charged: a.charged ? 1 : 0,
          priority: a.priority,
          plan_date: date,
          due_at: a.dueAt,
          status: text.ok ? 'pending' : 'failed',
          idempotency_key: actionIdempotencyKey(a.enrollmentId, a.stepKey, (before?.count ?? 0) + 1),
          executor: null,
          attempts: 0,
          claimed_by: null,
          lease_until: null,
          subject: text.ok ? text.subject : null,
          body: text.ok ? text.body : null,
          profile_url: candidate.profileUrl,
          email: candidate.emails[0] ?? null,
          variant: text.ok ? text.variant : null,
          lint: JSON.stringify(text.lint),
          executed_at: null,
          external_id: null,
          last_error: text.ok ? null : text.message,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      result.planned++;
      if (!text.ok && a.stepIndex >= 0) {
        await trx.updateTable('outreach_enrollments').set({ position: a.stepIndex + 1, updated_at: now }).where('id', '=', a.enrollmentId).execute();
        await trx
          .insertInto('outreach_enrollment_events')
          .values({ workspace_id: seat.workspaceId, enrollment_id: a.enrollmentId, event: 'step_failed', from_state: byId.get(a.enrollmentId)!.state, to_state: byId.get(a.enrollmentId)!.state, cause: text.message, at: now })
          .execute();
      }
    }
    return result;
  });
}

/** How many actions each (enrollment, step) already has, whatever became of them (the next one's number in its key), and the last day one was planned for. */
async function countStepPlans(trx: Kysely<Database>, enrollmentIds: string[]): Promise<Map<string, { count: number; lastPlanDate: LocalDate }>> {
  const out = new Map<string, { count: number; lastPlanDate: LocalDate }>();
  for (let i = 0; i < enrollmentIds.length; i += 500) {
    const rows = await trx
      .selectFrom('outreach_actions')
      .select(['enrollment_id', 'step_key', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('plan_date').as('last')])
      .where('enrollment_id', 'in', enrollmentIds.slice(i, i + 500))
      .groupBy(['enrollment_id', 'step_key'])
      .execute();
    for (const r of rows) out.set(`${r.enrollment_id}\n${r.step_key}`, { count: Number(r.n), lastPlanDate: String(r.last) });
  }
  return out;
}
