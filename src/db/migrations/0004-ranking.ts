import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/** Ranking: saved roles, learning examples (verdicts and outcomes with their signals), trained models. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('ranking_roles')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ranking_roles_pk', ['workspace_id', 'id'])
    .execute();

  let t = db.schema.createTable('ranking_examples');
  t = dialect === 'postgres' ? t.addColumn('id', 'bigserial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await t
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('candidate_id', 'bigint', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('fit_signals', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('reply_signals', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ranking_examples_ws').on('ranking_examples').columns(['workspace_id', 'kind', 'id']).execute();
  await db.schema.createIndex('ranking_examples_candidate').on('ranking_examples').columns(['workspace_id', 'candidate_id', 'role_id']).execute();

  await db.schema
    .createTable('ranking_models')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('trained_at', 'text', (c) => c.notNull())
    .execute();
}
