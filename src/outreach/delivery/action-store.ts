import type { Channel } from '../../core/channel.ts';
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { Database, Dialect, Db } from '../../db/schema.ts';
import { readSeat, seatOfRow } from '../../seats/seat-store.ts';
import type { Seat } from '../../seats/seat.ts';
import type { ActionToExecute, ExecutionResult, ExecutorName } from './executor.ts';
import { eventForChannel } from '../enrollment/enrollment-state-machine.ts';
import { applyEnrollmentEvent, getEnrollmentRow } from '../enrollment/enrollment-store.ts';
import type { OutreachActionTable } from '../outreach-tables.ts';
import { type PacingRules } from '../planning/pacing-rules.ts';
import { loadPacingRules } from '../planning/pacing-settings-store.ts';
import { ensureSeatState } from '../planning/plan-seat-day-store.ts';
import { countedStatuses, loadSeatHistory } from '../planning/seat-history-store.ts';
import { claimCheck, type ClaimAllowed, type ClaimRefusal } from '../planning/claim-check.ts';
import { isoPlusMinutes, localDateOf, localDayBounds, nextWorkingSlot, type LocalDate } from '../planning/seat-calendar.ts';
import { recordInMailSent, type LedgerWrite } from './seat-credit-ledger-store.ts';
import { isSuppressed } from '../enrollment/suppression.ts';
import { loadSuppressionIndex } from '../enrollment/suppression-store.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';

/**
 * Durable actions (issue item 4): atomic claim, result recording, and the
 * task queue's done / skipped / failed.
 *
 * Claim: inside one write transaction (SQLite `BEGIN IMMEDIATE`;
 * PostgreSQL: the seat's state row `FOR UPDATE SKIP LOCKED`, then the action
 * `FOR UPDATE SKIP LOCKED`) the due action is re-checked — campaign running,
 * enrollment active, not suppressed, seat not paused, rolling invitation cap,
 * pending count, free-seat notes, InMail credits and awaiting reply — and
 * marked `running` with a lease. Two workers therefore never claim the same
 * action and never claim past a seat's caps: every claim of one seat is
 * serialised by the seat lock and counts the others' running actions.
 * A worker that dies leaves a `running` action whose lease runs out; it is
 * claimed again and executed again with the same idempotency key (at least
 * once; executors drop duplicates by the key).
 *
 * An action that has been attempted (handed to an executor at least once)
 * keeps its key until it ends — sent, failed for good, skipped, or cancelled
 * because its campaign stopped, its person replied or was suppressed: the
 * other side may have acted on it, so a new key would be a second send it
 * cannot drop. A temporary refusal (a cap, a paused seat or campaign, credits
 * in flight), a retryable failure or a reported limit therefore moves it to
 * the seat's next working slot (`nextWorkingSlot`) with its key, never
 * expires it; the planner never plans its step again while it is open.
 */
export type ActionRow = Selectable<OutreachActionTable>;

export interface ClaimOptions {
  workerId: string;
  now: string;
  leaseSeconds?: number;
  rules?: PacingRules;
  /** resolves the executor for the action (registry routing) */
  route: (channel: Channel, action: ActionRow, campaignExecutors: Record<string, string>) => ExecutorName;
  /** tests: runs inside the claim transaction after the checks, to widen race windows */
  insideClaim?: () => Promise<void>;
}

export interface ClaimedAction {
  row: ActionRow;
  executor: ExecutorName;
  toExecute: ActionToExecute;
}

export const maxAttempts = 5;

function claimable(now: string) {
  return (eb: any) => eb.or([eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', now)]), eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)])]);
}

export function toExecute(row: ActionRow, openProfile: boolean): ActionToExecute {
  return {
    actionId: row.id,
    idempotencyKey: row.idempotency_key,
    workspaceId: row.workspace_id,
    campaignId: row.campaign_id,
    seatId: row.seat_id,
    candidateId: Number(row.candidate_id),
    channel: row.channel as Channel,
    subject: row.subject,
    body: row.body ?? '',
    profileUrl: row.profile_url,
    email: row.email,
    variant: row.variant,
    openProfile,
    dueAt: row.due_at,
  };
}

export async function claimNextAction(store: Pick<Store, 'db' | 'dialect'>, opts: ClaimOptions): Promise<ClaimedAction | null> {
  const pg = store.dialect === 'postgres';
  return withWriteTransaction(store, async (trx) => {
    const seats = await trx.selectFrom('outreach_actions').select('seat_id').where(claimable(opts.now)).orderBy('due_at').limit(50).execute();
    for (const seatId of [...new Set(seats.map((s) => s.seat_id))]) {
      if (pg) {
        const locked = await trx.selectFrom('outreach_seat_state').select('seat_id').where('seat_id', '=', seatId).forUpdate().skipLocked().executeTakeFirst();
        if (!locked) continue;
      }
      // refused actions are set aside (expired / cancelled) and the seat's next due action is tried
      let row: ActionRow | undefined;
      let check: Awaited<ReturnType<typeof checkBeforeClaim>> | null = null;
      for (;;) {
        let q = trx.selectFrom('outreach_actions').selectAll().where('seat_id', '=', seatId).where(claimable(opts.now)).orderBy('due_at').orderBy('priority', 'desc').limit(1);
        if (pg) q = q.forUpdate().skipLocked();
        row = await q.executeTakeFirst();
        if (!row) break;
        check = await checkBeforeClaim(trx, row, opts);
        if (!('status' in check)) break;
        if (check.retryLater && Number(row.attempts) > 0) {
          // attempted: tried again on the seat's next working day under the same key
          const seat = await seatHoursOf(trx, row.seat_id);
          await moveToNextDay(trx, row.id, seat, localDateOf(opts.now, seat.timeZone), check.reason, opts.now);
          continue;
        }
        await trx.updateTable('outreach_actions').set({ status: check.status, last_error: check.reason, lease_until: null, updated_at: opts.now }).where('id', '=', row.id).execute();
        if (check.stopEnrollment) {
          const e = await getEnrollmentRow(trx, row.enrollment_id);
          if (e) await applyEnrollmentEvent(trx, e, 'stop', check.reason, opts.now);
        }
      }
      if (!row || !check || 'status' in check) continue;
      await opts.insideClaim?.();
      const campaign = await trx.selectFrom('outreach_campaigns').select('executors').where('id', '=', row.campaign_id).executeTakeFirstOrThrow();
      const executor = opts.route(row.channel as Channel, row, JSON.parse(campaign.executors));
      const leaseUntil = new Date(Date.parse(opts.now) + (opts.leaseSeconds ?? 120) * 1000).toISOString();
      // a free seat out of notes this month sends the request without its note
      const patch = { status: 'running', claimed_by: opts.workerId, lease_until: leaseUntil, attempts: Number(row.attempts) + 1, executor, updated_at: opts.now, ...(check.dropNote ? { with_note: 0, body: '' } : {}) };
      await trx.updateTable('outreach_actions').set(patch).where('id', '=', row.id).execute();
      const claimed = { ...row, ...patch } as ActionRow;
      const enrollment = await trx.selectFrom('outreach_enrollments').select('open_profile').where('id', '=', row.enrollment_id).executeTakeFirst();
      return { row: claimed, executor, toExecute: toExecute(claimed, Number(enrollment?.open_profile ?? 0) === 1) };
    }
    return null;
  });
}

type SeatHours = Pick<Seat, 'timeZone' | 'workingHours'>;

function seatHoursOf(trx: Db, seatId: string): Promise<SeatHours> {
  return seatOfRow(trx, seatId);
}

/** An attempted action, pending again, at the seat's first working slot after its local day `day`, with its key. */
async function moveToNextDay(trx: Kysely<Database>, actionId: string, seat: SeatHours, day: LocalDate, reason: string, now: string): Promise<void> {
  const slot = nextWorkingSlot(localDayBounds(day, seat.timeZone).end, seat.timeZone, seat.workingHours);
  await trx
    .updateTable('outreach_actions')
    .set({ status: 'pending', plan_date: slot.date, due_at: slot.at, last_error: reason, lease_until: null, updated_at: now })
    .where('id', '=', actionId)
    .execute();
}

/** Reads what the claim check needs about a due action, then decides without I/O (planning/claim-check.ts). */
async function checkBeforeClaim(trx: Kysely<Database>, row: ActionRow, opts: ClaimOptions): Promise<ClaimRefusal | ClaimAllowed> {
  const rules = opts.rules ?? (await loadPacingRules(trx, row.workspace_id));
  const campaign = await trx.selectFrom('outreach_campaigns').select('status').where('id', '=', row.campaign_id).executeTakeFirst();
  const enrollment = await getEnrollmentRow(trx, row.enrollment_id);
  const suppressed = enrollment ? isSuppressed(await loadSuppressionIndex(trx, row.workspace_id), { candidateId: Number(row.candidate_id), emails: JSON.parse(enrollment.emails), profileUrl: enrollment.profile_url }) : false;
  const seat = await seatOfRow(trx, row.seat_id);
  await ensureSeatState(trx, seat.id, opts.now);
  const today = localDateOf(opts.now, seat.timeZone);
  const history = await loadSeatHistory(trx, seat.id, seat.timeZone, today, opts.now, rules, { kind: 'claim', actionId: row.id });
  return claimCheck({
    action: { channel: row.channel as Channel, withNote: Number(row.with_note) === 1, charged: Number(row.charged) === 1, candidateId: Number(row.candidate_id) },
    campaignStatus: campaign?.status ?? null,
    enrollment: enrollment ? { state: enrollment.state, inviteSentAt: enrollment.invite_sent_at, acceptedAt: enrollment.accepted_at, declinedAt: enrollment.declined_at, withdrawnAt: enrollment.withdrawn_at } : null,
    suppressed,
    seat,
    today,
    ledgerDate: opts.now.slice(0, 10),
    history,
    rules,
  });
}

/**
 * Marks an action done (executor sent it, or the recruiter did the task) and
 * moves the enrollment on. A sent InMail goes on the seat's credit ledger in
 * the same transaction; a ledger refusal (e.g. the recruiter sent a second
 * InMail by hand) is kept in `last_error` and returned — the InMail was sent
 * all the same.
 */
export async function markActionSent(
  trx: Kysely<Database>,
  dialect: Dialect,
  row: ActionRow,
  at: string,
  now: string,
  externalId: string | null,
  cause: string,
  /** the author of the ledger event: the recruiter who answered the task, else the engine */
  recordedBy = 'system',
): Promise<LedgerWrite | null> {
  await trx
    .updateTable('outreach_actions')
    .set({ status: 'sent', executed_at: at, external_id: externalId, lease_until: null, last_error: null, updated_at: now })
    .where('id', '=', row.id)
    .execute();
  const e = await getEnrollmentRow(trx, row.enrollment_id);
  if (e) {
    const channel = row.channel as Channel;
    const patch: Record<string, unknown> = {};
    if (channel === 'connection_request') patch.invite_sent_at = at;
    if (channel === 'withdraw_invitation') patch.withdrawn_at = at;
    if (Number(row.step_index) >= 0) {
      patch.position = Math.max(Number(e.position), Number(row.step_index) + 1);
      patch.last_action_at = at;
    }
    await applyEnrollmentEvent(trx, e, eventForChannel(channel), cause, at, patch);
  }
  // the ledger (seat row lock on PostgreSQL) comes last, as in applyOutcome: enrollment before seat, so the two never wait on each other in a cycle
  if (row.channel !== 'inmail') return null;
  const ledger = await recordInMailSent(trx, dialect, row.workspace_id, row.seat_id, Number(row.candidate_id), Number(row.charged) === 0, at, recordedBy);
  if (!ledger.ok) await trx.updateTable('outreach_actions').set({ last_error: `sent; credit ledger refused: ${ledger.code}: ${ledger.message}` }).where('id', '=', row.id).execute();
  return ledger;
}

/** The step is passed without being done (skipped task, permanent failure): the sequence goes on. */
async function passStep(trx: Kysely<Database>, row: ActionRow, status: 'skipped' | 'failed', reason: string, now: string): Promise<void> {
  await trx.updateTable('outreach_actions').set({ status, last_error: reason, lease_until: null, updated_at: now }).where('id', '=', row.id).execute();
  const e = await getEnrollmentRow(trx, row.enrollment_id);
  if (!e || Number(row.step_index) < 0) return;
  await trx.updateTable('outreach_enrollments').set({ position: Math.max(Number(e.position), Number(row.step_index) + 1), updated_at: now }).where('id', '=', e.id).execute();
  await trx
    .insertInto('outreach_enrollment_events')
    .values({ workspace_id: e.workspace_id, enrollment_id: e.id, event: `step_${status}`, from_state: e.state, to_state: e.state, cause: `${row.id}: ${reason}`, at: now })
    .execute();
}

export function retryDelayMinutes(attempts: number): number {
  return Math.min(240, 2 ** Math.max(0, attempts - 1));
}

export interface RecordResultOptions {
  /** a sent InMail the credit ledger refused (recorded as sent all the same) */
  onLedgerRefused?: (w: Extract<LedgerWrite, { ok: false }>) => void;
  /** tests: runs last inside the recording transaction (a throw rolls everything back) */
  inTransaction?: (trx: Kysely<Database>) => Promise<void>;
}

/** Records what the executor answered. Idempotent: a result for an action no longer running is ignored. */
export async function recordActionResult(store: Pick<Store, 'db' | 'dialect'>, actionId: string, workerId: string, result: ExecutionResult, now: string, opts: RecordResultOptions = {}): Promise<'recorded' | 'stale'> {
  return withWriteTransaction(store, async (trx) => {
    const row = await trx.selectFrom('outreach_actions').selectAll().where('id', '=', actionId).executeTakeFirst();
    if (!row || row.status !== 'running') return 'stale';
    switch (result.status) {
      case 'sent': {
        const ledger = await markActionSent(trx, store.dialect, row, result.at || now, now, result.externalId ?? null, `${row.executor ?? 'executor'} ${row.id}`);
        if (ledger && !ledger.ok) opts.onLedgerRefused?.(ledger);
        break;
      }
      case 'queued_for_person':
        await trx.updateTable('outreach_actions').set({ status: 'awaiting_person', lease_until: null, updated_at: now }).where('id', '=', row.id).execute();
        break;
      case 'limit_reached': {
        const seat = await seatHoursOf(trx, row.seat_id);
        // it reached the executor: kept, with its key, for the seat's next working day (pauseSeat moves it with the others)
        await trx.updateTable('outreach_actions').set({ status: 'pending', last_error: `limit_reached: ${result.message}`, lease_until: null, updated_at: now }).where('id', '=', row.id).execute();
        await pauseSeat(trx, row.seat_id, localDateOf(now, seat.timeZone), result.message, now);
        break;
      }
      case 'failed':
        if (result.retryable && Number(row.attempts) < maxAttempts) {
          // the retry stays inside working hours; past the day's end it goes to the next working day (plan_date with it: that day's budget counts it)
          const seat = await seatHoursOf(trx, row.seat_id);
          const slot = nextWorkingSlot(isoPlusMinutes(now, retryDelayMinutes(Number(row.attempts))), seat.timeZone, seat.workingHours);
          await trx
            .updateTable('outreach_actions')
            .set({ status: 'pending', plan_date: slot.date, due_at: slot.at, last_error: result.message, lease_until: null, updated_at: now })
            .where('id', '=', row.id)
            .execute();
        } else {
          await passStep(trx, row, 'failed', result.message, now);
        }
        break;
    }
    void workerId;
    await opts.inTransaction?.(trx);
    return 'recorded';
  });
}

export async function pauseSeat(db: Kysely<Database>, seatId: string, localDate: string, reason: string, now: string): Promise<void> {
  await ensureSeatState(db, seatId, now);
  await db.updateTable('outreach_seat_state').set({ paused_on: localDate, paused_reason: reason, updated_at: now }).where('seat_id', '=', seatId).execute();
  // the rest of the seat's day is dropped and planned again tomorrow; retries (attempted) go to tomorrow with their key
  const seat = await seatHoursOf(db, seatId);
  const retries = await db.selectFrom('outreach_actions').select('id').where('seat_id', '=', seatId).where('status', '=', 'pending').where('plan_date', '<=', localDate).where('attempts', '>', 0).execute();
  for (const r of retries) await moveToNextDay(db, r.id, seat, localDate, `seat paused: ${reason}`, now);
  await db
    .updateTable('outreach_actions')
    .set({ status: 'expired', last_error: `seat paused: ${reason}`, updated_at: now })
    .where('seat_id', '=', seatId)
    .where('status', '=', 'pending')
    .where('plan_date', '<=', localDate)
    .where('attempts', '=', 0)
    .execute();
}

/** Pauses a seat for the rest of its local day (a limit reported by the recruiter). */
export async function pauseSeatForToday(store: Pick<Store, 'db' | 'dialect'>, workspaceId: string, seatId: string, reason: string, now: string = new Date().toISOString()): Promise<{ seatId: string; pausedOn: string }> {
  return withWriteTransaction(store, async (trx) => {
    const seat = await readSeat(trx, workspaceId, seatId);
    const day = localDateOf(now, seat.timeZone);
    await pauseSeat(trx, seatId, day, reason, now);
    return { seatId, pausedOn: day };
  });
}

/** The recruiter's answer to a task: done (it was sent), skipped (step passed) or failed. */
export async function completeTask(
  store: Store,
  workspaceId: string,
  actionId: string,
  outcome: 'done' | 'skipped' | 'failed',
  now: string = new Date().toISOString(),
  message = '',
  opts: Pick<RecordResultOptions, 'inTransaction'> & { recordedBy?: string } = {},
): Promise<ActionRow> {
  return withWriteTransaction(store, async (trx) => {
    const row = await trx.selectFrom('outreach_actions').selectAll().where('id', '=', actionId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `task ${actionId} does not exist`, { id: actionId });
    if (row.status !== 'awaiting_person') throw new AppError('invalid_transition', `task ${actionId} is ${row.status}, not waiting for a person`, { id: actionId, status: row.status });
    // a done InMail task goes on the credit ledger in this transaction (markActionSent)
    if (outcome === 'done') await markActionSent(trx, store.dialect, row, now, now, null, `task done ${row.id}`, opts.recordedBy);
    else await passStep(trx, row, outcome === 'skipped' ? 'skipped' : 'failed', message || `task ${outcome}`, now);
    await opts.inTransaction?.(trx);
    return (await trx.selectFrom('outreach_actions').selectAll().where('id', '=', actionId).executeTakeFirstOrThrow()) as ActionRow;
  });
}

export { countedStatuses };
