import { Migrator, sql, type DatabaseIntrospector, type Kysely, type Migration, type MigrationProvider, type TableMetadata } from 'kysely';
import type { Dialect } from './schema.ts';
import { migrations } from './migrations/migration-list.ts';

/**
 * One migration set for both backends. Each migration gets the dialect so the
 * few backend-specific statements (FTS5 vs tsvector, autoincrement) live
 * next to the portable ones.
 *
 * `schema` (PostgreSQL): where Kysely keeps its own bookkeeping tables
 * (default: the connection's current schema). It must be named: Kysely looks
 * for its tables across all schemas, so with several schemas in one database
 * (the tests use one each) it would find another schema's lock table and
 * never create its own.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  await migrate(db, dialect, schema, (m) => m.migrateToLatest());
}

/** Applies the migrations up to and including `name` (tests of an upgrade start from an older schema with data in it). */
export async function migrateUpTo(db: Kysely<any>, dialect: Dialect, name: string, schema?: string): Promise<void> {
  if (!(name in migrations)) throw new Error(`no migration named ${name}`);
  await migrate(db, dialect, schema, (m) => m.migrateTo(name));
}

async function migrate(db: Kysely<any>, dialect: Dialect, schema: string | undefined, run: (m: Migrator) => ReturnType<Migrator['migrateToLatest']>): Promise<void> {
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
    dialect === 'postgres' ? (schema ?? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s) : undefined;
  // Each domain's migration only adds its own tables, and numbers are handed out to work in flight: a database
  // that already ran a later number must still take an earlier one that lands after it.
  const migrator = new Migrator({
    db: migrationTableSchema ? withSchemaScopedIntrospection(db, migrationTableSchema) : db,
    provider,
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await run(migrator);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/**
 * The Migrator asks whether its bookkeeping tables exist through Kysely's introspector, which on PostgreSQL
 * reads every table of every schema and calls pg_get_serial_sequence on each by name. When another schema is
 * dropped or altered at that moment (parallel test suites each drop theirs), that call fails with "schema ...
 * does not exist" or "column ... does not exist" and the migration aborts. This introspector looks at the one
 * schema the migrations run in, with a plain catalog scan.
 */
function withSchemaScopedIntrospection(db: Kysely<any>, schema: string): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v' || r.kind === 'm', columns: [] }));
    },
    async getMetadata(options) {
      return { tables: await this.getTables(options) };
    },
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target);
      // Kysely keeps its state in private fields, so its methods must run on the real instance
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
