import type { Kysely } from 'kysely';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import type { ExecutionResult, OutcomeReport } from '../delivery/executor.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';
import type { ScheduledOutcome } from './sandbox-executor.ts';

/**
 * Where the sandbox executor keeps what it sent and the simulated members'
 * answers still to come (migration 0010: `outreach_sandbox_sends`,
 * `outreach_sandbox_answers`). A restarted worker builds a new executor over
 * the same tables and resumes: answers not yet due are still there, and a
 * re-sent idempotency key returns its first result and schedules nothing new.
 * Each answer is marked applied inside the transaction that applies it
 * (applyOutcome's `inTransaction`), so it is applied exactly once even with
 * several workers reading the same due answers.
 */
export interface DueSandboxAnswer {
  id: number;
  report: OutcomeReport;
}

export interface SandboxSend {
  idempotencyKey: string;
  seatId: string;
  /** UTC day of the send */
  day: string;
  channel: string;
  result: ExecutionResult;
}

export class SandboxAnswerStore {
  constructor(private readonly store: Pick<Store, 'db' | 'dialect'>) {}

  /** The result first answered for this key, if it was sent before. */
  async previous(idempotencyKey: string): Promise<ExecutionResult | null> {
    const row = await this.store.db.selectFrom('outreach_sandbox_sends').select('result').where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    return row ? (JSON.parse(row.result) as ExecutionResult) : null;
  }

  /** Connection requests the seat sent through the sandbox on a UTC day (its optional daily limit). */
  async invitesSent(seatId: string, day: string): Promise<number> {
    const row = await this.store.db
      .selectFrom('outreach_sandbox_sends')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('seat_id', '=', seatId)
      .where('sent_day', '=', day)
      .where('channel', '=', 'connection_request')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Records a send and its answers in one transaction; a key already recorded (a concurrent worker) keeps its first result, which is returned. */
  async recordSend(send: SandboxSend, answers: readonly ScheduledOutcome[], now: string): Promise<{ result: ExecutionResult; recorded: boolean }> {
    return withWriteTransaction(this.store, async (trx) => {
      const existing = await trx.selectFrom('outreach_sandbox_sends').select('result').where('idempotency_key', '=', send.idempotencyKey).executeTakeFirst();
      if (existing) return { result: JSON.parse(existing.result) as ExecutionResult, recorded: false };
      await trx
        .insertInto('outreach_sandbox_sends')
        .values({ idempotency_key: send.idempotencyKey, seat_id: send.seatId, sent_day: send.day, channel: send.channel, result: JSON.stringify(send.result), created_at: now })
        .execute();
      if (answers.length > 0) {
        await trx
          .insertInto('outreach_sandbox_answers')
          .values(answers.map((a, i) => ({ idempotency_key: send.idempotencyKey, seq: i, due_at: a.report.at, report: JSON.stringify(a.report), applied_at: null, created_at: now })))
          .execute();
      }
      return { result: send.result, recorded: true };
    });
  }

  /** Answers due at or before `now` and not applied yet, oldest first. */
  async due(now: string, limit = 5000): Promise<DueSandboxAnswer[]> {
    const rows = await this.store.db
      .selectFrom('outreach_sandbox_answers')
      .select(['id', 'report'])
      .where('applied_at', 'is', null)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), report: JSON.parse(r.report) as OutcomeReport }));
  }

  /** Answers scheduled and not applied yet (due or not). */
  async pendingCount(): Promise<number> {
    const row = await this.store.db.selectFrom('outreach_sandbox_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('applied_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** An answer that can never be applied (its candidate or campaign is gone): set aside so it is not retried. */
  async discard(id: number, now: string): Promise<void> {
    await this.store.db.updateTable('outreach_sandbox_answers').set({ applied_at: now }).where('id', '=', id).where('applied_at', 'is', null).execute();
  }

  /** Inside the applying transaction: false when another worker applied it first (the caller then rolls back). */
  static async markApplied(trx: Kysely<Database>, id: number, now: string): Promise<boolean> {
    const r = await trx.updateTable('outreach_sandbox_answers').set({ applied_at: now }).where('id', '=', id).where('applied_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
