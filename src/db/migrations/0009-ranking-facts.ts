import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/**
 * Ranking: each candidate's profile facts (normalised skills incl. those read
 * out of position descriptions, normalised titles, career months), computed
 * on first rank and reused until the candidate changes. A cache: deleting
 * rows only makes the next ranking slower.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('candidate_facts')
    // SQLite: INTEGER PRIMARY KEY is the rowid itself, one lookup instead of index + row
    .addColumn('candidate_id', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey().references('candidates.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('candidate_updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .execute();
}
