import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/** Outreach tables (see src/outreach/outreach-tables.ts). */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const serial = (t: any) =>
    dialect === 'postgres' ? t.addColumn('id', 'bigserial', (c: any) => c.primaryKey()) : t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());

  await db.schema
    .createTable('outreach_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text')
    .addColumn('role', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sequence', 'text', (c) => c.notNull())
    .addColumn('seat_ids', 'text', (c) => c.notNull())
    .addColumn('executors', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('launched_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_campaigns_ws').on('outreach_campaigns').columns(['workspace_id', 'status']).execute();

  await db.schema
    .createTable('outreach_enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('outreach_campaigns.id').onDelete('cascade'))
    .addColumn('candidate_id', 'bigint', (c) => c.notNull())
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('has_email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('profile_url', 'text')
    .addColumn('open_profile', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('connected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('invite_sent_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('declined_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('last_action_at', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('reply_kind', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outreach_enrollments_campaign_candidate', ['campaign_id', 'candidate_id'])
    .execute();
  await db.schema.createIndex('outreach_enrollments_seat').on('outreach_enrollments').columns(['seat_id', 'state']).execute();
  await db.schema.createIndex('outreach_enrollments_candidate').on('outreach_enrollments').columns(['workspace_id', 'candidate_id']).execute();

  await serial(db.schema.createTable('outreach_enrollment_events'))
    .addColumn('workspace_id', 'text', (c: any) => c.notNull())
    .addColumn('enrollment_id', 'text', (c: any) => c.notNull().references('outreach_enrollments.id').onDelete('cascade'))
    .addColumn('event', 'text', (c: any) => c.notNull())
    .addColumn('from_state', 'text', (c: any) => c.notNull())
    .addColumn('to_state', 'text', (c: any) => c.notNull())
    .addColumn('cause', 'text', (c: any) => c.notNull())
    .addColumn('at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_enrollment_events_enrollment').on('outreach_enrollment_events').column('enrollment_id').execute();

  await db.schema
    .createTable('outreach_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('enrollment_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'bigint', (c) => c.notNull())
    .addColumn('seat_id', 'text', (c) => c.notNull())
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('with_note', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('charged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('plan_date', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('executor', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('subject', 'text')
    .addColumn('body', 'text')
    .addColumn('profile_url', 'text')
    .addColumn('email', 'text')
    .addColumn('variant', 'text')
    .addColumn('executed_at', 'text')
    .addColumn('external_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_actions_claim').on('outreach_actions').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('outreach_actions_seat').on('outreach_actions').columns(['seat_id', 'channel', 'plan_date']).execute();
  await db.schema.createIndex('outreach_actions_enrollment').on('outreach_actions').columns(['enrollment_id']).execute();
  // at most one open action per enrollment: a second planner run can never double-plan
  await sql`CREATE UNIQUE INDEX outreach_actions_one_open ON outreach_actions (enrollment_id) WHERE status IN ('pending', 'running', 'awaiting_person')`.execute(db);

  await serial(db.schema.createTable('outreach_suppressions'))
    .addColumn('workspace_id', 'text', (c: any) => c.notNull())
    .addColumn('candidate_id', 'bigint')
    .addColumn('email', 'text')
    .addColumn('profile_url', 'text')
    .addColumn('reason', 'text', (c: any) => c.notNull())
    .addColumn('note', 'text', (c: any) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_suppressions_ws').on('outreach_suppressions').column('workspace_id').execute();

  await db.schema
    .createTable('outreach_seat_state')
    .addColumn('seat_id', 'text', (c) => c.primaryKey())
    .addColumn('paused_on', 'text')
    .addColumn('paused_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await serial(db.schema.createTable('outreach_outcomes'))
    .addColumn('workspace_id', 'text', (c: any) => c.notNull())
    .addColumn('candidate_id', 'bigint', (c: any) => c.notNull())
    .addColumn('campaign_id', 'text')
    .addColumn('enrollment_id', 'text')
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('reply_kind', 'text')
    .addColumn('channel', 'text')
    .addColumn('source', 'text', (c: any) => c.notNull())
    .addColumn('at', 'text', (c: any) => c.notNull())
    .addColumn('refunded', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('recorded_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_outcomes_ws').on('outreach_outcomes').columns(['workspace_id', 'candidate_id']).execute();
}
