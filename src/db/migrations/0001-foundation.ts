import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('workspaces')
    .values({ id: 'default', name: 'Default workspace', settings: '{}', created_at: new Date().toISOString() })
    .execute();

  await db.schema
    .createTable('seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan', 'text')
    .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('working_hours', 'text', (c) => c.notNull())
    .addColumn('weekly_invite_cap', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('contract_id', 'text')
    .addColumn('employers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('schools', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  let t = db.schema.createTable('candidates');
  t =
    dialect === 'postgres'
      ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await t
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('headline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('profile_url', 'text')
    .addColumn('positions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('education', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('open_profile', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_to_work', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('premium', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('degree', 'integer')
    .addColumn('mutual_connections', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_active', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('candidates_profile_url')
    .unique()
    .on('candidates')
    .columns(['workspace_id', 'profile_url'])
    .execute();
  await db.schema.createIndex('candidates_open_profile').on('candidates').columns(['workspace_id', 'open_profile']).execute();

  await db.schema
    .createTable('candidate_emails')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'bigint', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('candidate_emails_pk', ['workspace_id', 'email'])
    .execute();
  await db.schema.createIndex('candidate_emails_candidate').on('candidate_emails').column('candidate_id').execute();
  void sql;
}
