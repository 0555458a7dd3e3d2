import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/**
 * Outreach keys (issue #14, src/outreach/outreach-tables.ts):
 * - `outreach_outcomes.external_id`: the outcome's id (the sender's `id`, or
 *   one derived from its content), unique per workspace, so applying the same
 *   outcome twice, by any route, records and changes nothing the second time;
 *   null for older rows and outcomes without one;
 * - `outreach_webhook_replays`: the signatures of signed inbound webhook
 *   deliveries already accepted, per workspace, kept until their timestamp
 *   leaves the replay window, so an exact replay is refused.
 * Action idempotency keys need no change: older `<enrollment>:<step>:<date>`
 * keys stay as they are (an attempted action keeps its key), new ones have
 * no date and never equal an older one (plan-day.ts, actionIdempotencyKey).
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('outreach_outcomes').addColumn('external_id', 'text').execute();
  // NULLs are distinct in a unique index on both backends: outcomes without an id never collide
  await db.schema.createIndex('outreach_outcomes_external_id').on('outreach_outcomes').columns(['workspace_id', 'external_id']).unique().execute();

  await db.schema
    .createTable('outreach_webhook_replays')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    /** after this instant the signed timestamp is outside the window: the row can go */
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outreach_webhook_replays_pk', ['workspace_id', 'signature'])
    .execute();
  await db.schema.createIndex('outreach_webhook_replays_expiry').on('outreach_webhook_replays').column('expires_at').execute();
}
