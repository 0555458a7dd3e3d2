import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/**
 * Personal data lifecycle (src/privacy/privacy-tables.ts): where each
 * candidate's data came from (`data_sources`, `candidate_sources`), the
 * workspace's key for hashed suppression entries, retention flags; and two
 * columns on outreach tables so erasure can remove a person's data without
 * changing the numbers: `outreach_suppressions.key_hash` (an erased person's
 * email or profile URL, hashed) and `outreach_actions.text_length` (the
 * length of a message whose text was erased).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let sources = db.schema.createTable('data_sources');
  sources = dialect === 'postgres' ? sources.addColumn('id', 'bigserial', (c) => c.primaryKey()) : sources.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await sources
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_name', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_sources_ws').on('data_sources').columns(['workspace_id', 'id']).execute();

  // SQLite: stored in its primary key (an import writes one row per record; see 0012 for why)
  const withoutRowid = dialect === 'sqlite' ? sql` WITHOUT ROWID` : sql``;
  await sql`CREATE TABLE candidate_sources (
    workspace_id text NOT NULL,
    candidate_id bigint NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    source_id bigint NOT NULL REFERENCES data_sources (id) ON DELETE CASCADE,
    outcome text NOT NULL,
    at text NOT NULL,
    CONSTRAINT candidate_sources_pk PRIMARY KEY (candidate_id, source_id)
  )${withoutRowid}`.execute(db);
  await db.schema.createIndex('candidate_sources_source').on('candidate_sources').column('source_id').execute();
  await db.schema.createIndex('candidate_sources_ws_at').on('candidate_sources').columns(['workspace_id', 'at']).execute();

  await db.schema
    .createTable('privacy_hash_keys')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('hash_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('retention_flags')
    .addColumn('candidate_id', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey().references('candidates.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('retention_flags_ws').on('retention_flags').column('workspace_id').execute();

  await db.schema.alterTable('outreach_suppressions').addColumn('key_hash', 'text').execute();
  await db.schema.alterTable('outreach_actions').addColumn('text_length', 'integer').execute();
}
