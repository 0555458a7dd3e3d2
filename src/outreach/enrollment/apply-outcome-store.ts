/**
 * APPLY AN OUTCOME — the one entry point for every outcome source (CLI, API,
 * signed inbound webhook, CSV import, sandbox, tasks).
 *
 * `applyOutcome(store, workspaceId, report)`:
 * - finds the enrollments: the report's campaign, or (campaignId null/absent)
 *   every enrollment of the candidate in the workspace that is not stopped;
 * - records the outcome (`outreach_outcomes`) and advances each enrollment's
 *   state machine, recording every transition with its time and cause:
 *   accepted -> invite_accepted, declined_invitation -> invite_declined,
 *   bounced -> email_bounced, replied (any reply kind) -> replied, which
 *   stops the sequence: the enrollment's open actions and tasks are cancelled;
 * - for a reply, closes the InMail awaiting a reply on each seat that sent
 *   one and refunds a credit through the ledger when spec 2 rule 7 allows
 *   (reply channel `inmail` or unknown; Open Profile messages never refund),
 *   in the same transaction as the outcome: both are written or neither;
 * - tells ranking (accepted / replied) so it learns; a learning failure never
 *   fails the outcome.
 * A refused transition (e.g. a bounce before any email was sent) is recorded, not
 * thrown: outcomes can arrive late and out of order. Throws `not_found` when
 * the candidate has no enrollment to apply to.
 *
 * Idempotent by the outcome's id (outcome-id.ts: the sender's `id`, else one
 * derived from its content), unique per workspace: an id already applied, by
 * any route, changes nothing and answers `duplicate: true` with the first
 * application's outcome row (no transition, refund, cancellation or learning).
 */
import { AppError } from '../../core/app-error.ts';
import type { Kysely } from 'kysely';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import { recordOutcomeForLearning } from '../../ranking/learn-from-outcomes.ts';
import { applyEnrollmentEvent, type EnrollmentChange } from './enrollment-store.ts';
import type { EnrollmentEvent } from './enrollment-state-machine.ts';
import type { OutcomeReport } from '../delivery/executor.ts';
import { recordInMailReply, seatLedgerState } from '../delivery/seat-credit-ledger-store.ts';
import { outcomeIdOf } from './outcome-id.ts';
import { outcomeReportSchema } from './outcome-report.ts';
import { ledgerPersonId } from '../planning/plan-day.ts';
import { toUtcIso } from '../planning/seat-calendar.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';
import { zodIssuesToAppError } from '../../core/zod-issues.ts';

export { outcomeReportSchema } from './outcome-report.ts';

export interface AppliedOutcome {
  outcomeId: number;
  /** the outcome's id (given or derived) */
  id: string;
  /** the id had been applied before: nothing changed this time */
  duplicate: boolean;
  candidateId: number;
  kind: OutcomeReport['kind'];
  changes: EnrollmentChange[];
  /** seats whose InMail to the candidate this reply closed, and whether a credit came back */
  refunds: Array<{ seatId: string; refunded: boolean }>;
  cancelledActions: number;
  learned: boolean;
}

export interface ApplyOutcomeOptions {
  now?: string;
  /** ranking's learning hook; default: src/ranking's recordOutcomeForLearning */
  learn?: ((input: { candidateId: number; roleId: string | null; seatId: string | null; outcome: 'accepted' | 'replied' }) => Promise<void>) | null;
  /**
   * Runs last inside the outcome's transaction: a throw rolls the whole
   * outcome back (ledger events included). The worker marks a sandbox answer
   * applied here, so it is applied exactly once.
   */
  inTransaction?: (trx: Kysely<Database>) => Promise<void>;
}

const eventFor: Record<OutcomeReport['kind'], EnrollmentEvent> = {
  accepted: 'invite_accepted',
  declined_invitation: 'invite_declined',
  bounced: 'email_bounced',
  replied: 'replied',
};

export async function applyOutcome(store: Store, workspaceId: string, report: OutcomeReport, opts: ApplyOutcomeOptions = {}): Promise<AppliedOutcome> {
  const parsed = outcomeReportSchema.safeParse(report);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'outcome');
  const r = parsed.data;
  const at = toUtcIso(r.at);
  const now = opts.now ?? new Date().toISOString();
  const id = outcomeIdOf(r, at);
  const earlier = async (trx: Kysely<Database>) => {
    const row = await trx.selectFrom('outreach_outcomes').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', id).executeTakeFirst();
    return row ? Number(row.id) : null;
  };
  const duplicateOf = async (trx: Kysely<Database>, outcomeId: number) => {
    await opts.inTransaction?.(trx);
    return { outcomeId, duplicate: true, changes: [] as EnrollmentChange[], refunds: [] as AppliedOutcome['refunds'], cancelled: 0, roleId: null, seatId: null };
  };
  const result = await withWriteTransaction(store, async (trx) => {
    const seen = await earlier(trx);
    if (seen !== null) return duplicateOf(trx, seen);
    let q = trx.selectFrom('outreach_enrollments').selectAll().where('workspace_id', '=', workspaceId).where('candidate_id', '=', r.candidateId);
    q = r.campaignId ? q.where('campaign_id', '=', r.campaignId) : q.where('state', '!=', 'stopped');
    const rows = await q.orderBy('id').execute();
    if (rows.length === 0) {
      throw new AppError('not_found', `candidate ${r.candidateId} has no ${r.campaignId ? `enrollment in campaign '${r.campaignId}'` : 'active enrollment'}`, { candidateId: r.candidateId, campaignId: r.campaignId ?? null });
    }
    // seats with an InMail to this person awaiting a reply: the reply closes it on their ledgers (below, in this transaction)
    const inmailSeats: string[] = [];
    if (r.kind === 'replied' && (r.channel === undefined || r.channel === 'inmail')) {
      const seats = new Set((await trx.selectFrom('outreach_actions').select('seat_id').where('workspace_id', '=', workspaceId).where('candidate_id', '=', r.candidateId).where('channel', '=', 'inmail').where('status', '=', 'sent').execute()).map((x) => x.seat_id));
      for (const s of seats) if ((await seatLedgerState(trx, s, at.slice(0, 10)))?.open.has(ledgerPersonId(r.candidateId))) inmailSeats.push(s);
    }

    const single = rows.length === 1 ? rows[0] : null;
    const inserted = await trx
      .insertInto('outreach_outcomes')
      .values({
        workspace_id: workspaceId,
        candidate_id: r.candidateId,
        campaign_id: r.campaignId ?? single?.campaign_id ?? null,
        enrollment_id: single?.id ?? null,
        kind: r.kind,
        reply_kind: r.replyKind ?? null,
        channel: r.channel ?? null,
        source: r.source,
        at,
        refunded: 0,
        recorded_at: now,
        external_id: id,
      })
      // a concurrent application of the same id (PostgreSQL) waits for it here, then inserts nothing
      .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return duplicateOf(trx, (await earlier(trx)) ?? 0);
    const outcomeId = Number(inserted.id);

    const changes: EnrollmentChange[] = [];
    let cancelled = 0;
    const cause = `outcome ${outcomeId} via ${r.source}${r.replyKind ? ` (${r.replyKind})` : ''}`;
    for (const row of rows) {
      const patch: Record<string, unknown> = {};
      if (r.kind === 'accepted' && !row.accepted_at) patch.accepted_at = at;
      if (r.kind === 'declined_invitation' && !row.declined_at) patch.declined_at = at;
      if (r.kind === 'replied') {
        patch.replied_at = row.replied_at ?? at;
        patch.reply_kind = r.replyKind;
      }
      const change = await applyEnrollmentEvent(trx, row, eventFor[r.kind], cause, at, patch);
      changes.push(change);
      if (change.to === 'replied') {
        const res = await trx
          .updateTable('outreach_actions')
          .set({ status: 'cancelled', last_error: 'candidate replied', updated_at: now })
          .where('enrollment_id', '=', row.id)
          .where('status', 'in', ['pending', 'awaiting_person'])
          .executeTakeFirst();
        cancelled += Number(res.numUpdatedRows);
      }
    }
    const refunds: AppliedOutcome['refunds'] = [];
    for (const seatId of inmailSeats.sort()) {
      const w = await recordInMailReply(trx, store.dialect, workspaceId, seatId, r.candidateId, r.replyKind ?? 'positive', at);
      refunds.push({ seatId, refunded: w.ok && w.refunded === true });
    }
    if (refunds.some((x) => x.refunded)) await trx.updateTable('outreach_outcomes').set({ refunded: 1 }).where('id', '=', outcomeId).execute();
    const campaignIds = [...new Set(rows.map((x) => x.campaign_id))];
    const roles = await trx.selectFrom('outreach_campaigns').select(['id', 'role_id']).where('id', 'in', campaignIds).execute();
    await opts.inTransaction?.(trx);
    return { outcomeId, duplicate: false, changes, refunds, cancelled, roleId: roles.find((x) => x.role_id)?.role_id ?? null, seatId: rows[0].seat_id };
  });

  let learned = false;
  if (!result.duplicate && (r.kind === 'accepted' || r.kind === 'replied')) {
    const learn =
      opts.learn === undefined
        ? async (i: { candidateId: number; roleId: string | null; seatId: string | null; outcome: 'accepted' | 'replied' }) => {
            await recordOutcomeForLearning(store, workspaceId, { candidateId: i.candidateId, roleId: i.roleId, seatId: i.seatId, outcome: i.outcome }, new Date(now));
          }
        : opts.learn;
    if (learn) {
      try {
        await learn({ candidateId: r.candidateId, roleId: result.roleId, seatId: result.seatId, outcome: r.kind });
        learned = true;
      } catch {
        learned = false;
      }
    }
  }
  return { outcomeId: result.outcomeId, id, duplicate: result.duplicate, candidateId: r.candidateId, kind: r.kind, changes: result.changes, refunds: result.refunds, cancelledActions: result.cancelled, learned };
}
