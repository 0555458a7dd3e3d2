import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/** Notes on candidates (see src/candidates/candidate-notes-tables.ts). */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let t = db.schema.createTable('candidate_notes');
  t = dialect === 'postgres' ? t.addColumn('id', 'bigserial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await t
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'bigint', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_seat_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('candidate_notes_candidate').on('candidate_notes').columns(['workspace_id', 'candidate_id']).execute();
}
