import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './schema.ts';
import { migrations } from './migrations/migration-list.ts';

/**
 * One migration set for both backends. Each migration gets the dialect so the
 * few backend-specific statements (FTS5 vs tsvector, autoincrement) live
 * next to the portable ones.
 */
/**
 * `schema` (PostgreSQL): where Kysely keeps its own bookkeeping tables. It must
 * be named: Kysely looks for its tables across all schemas, so with several
 * schemas in one database (the tests use one each) it would find another
 * schema's lock table and never create its own.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) out[name] = { up: (d) => m.up(d, dialect) };
      return out;
    },
  };
  // Kysely looks for its migration tables in every schema unless told which one: with parallel test
  // schemas on one PostgreSQL server it would see another schema's lock table and skip creating its own.
  const migrationTableSchema =
    dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  // Each domain's migration only adds its own tables, and numbers are handed out to work in flight: a database
  // that already ran a later number must still take an earlier one that lands after it.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? String(error)}`);
  }
}
