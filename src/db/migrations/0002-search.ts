import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/**
 * The full-text index (see src/search/search-tables.ts). SQLite: a contentless
 * FTS5 table over pre-tokenized text (deletable by rowid). PostgreSQL: one
 * tsvector per candidate with a GIN index.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    // the search fields of src/search/search-fields.ts at the time of this migration, then the workspace token
    const columns = 'name, headline, title, currenttitle, company, currentcompany, school, skill, location, summary, ws';
    await sql
      .raw(
        `CREATE VIRTUAL TABLE search_fts USING fts5(${columns}, content='', contentless_delete=1, tokenize="ascii tokenchars '_'")`,
      )
      .execute(db);
    return;
  }
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'bigint', (c) => c.primaryKey().references('candidates.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('doc', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX search_documents_doc ON search_documents USING gin (doc)`.execute(db);
  await db.schema.createIndex('search_documents_workspace').on('search_documents').column('workspace_id').execute();
}
