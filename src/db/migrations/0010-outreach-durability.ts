import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/**
 * Outreach durability (src/outreach/outreach-tables.ts):
 * - `outreach_actions.lint`: the composer's lint findings on the queued text (JSON), shown with tasks;
 * - `outreach_sandbox_sends` / `outreach_sandbox_answers`: the sandbox executor's sends and the
 *   simulated members' answers not yet applied, so a restarted worker resumes them.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('outreach_actions').addColumn('lint', 'text').execute();

  await db.schema
    .createTable('outreach_sandbox_sends')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('sent_day', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_sandbox_sends_seat_day').on('outreach_sandbox_sends').columns(['seat_id', 'sent_day', 'channel']).execute();

  const t = db.schema.createTable('outreach_sandbox_answers');
  await (dialect === 'postgres' ? t.addColumn('id', 'bigserial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outreach_sandbox_answers_key_seq', ['idempotency_key', 'seq'])
    .execute();
  await db.schema.createIndex('outreach_sandbox_answers_due').on('outreach_sandbox_answers').columns(['applied_at', 'due_at']).execute();
}
