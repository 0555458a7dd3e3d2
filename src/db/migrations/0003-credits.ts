import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

/** The append-only credit history of each seat (src/credits/credit-tables.ts). */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let t = db.schema.createTable('credit_events');
  t =
    dialect === 'postgres'
      ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await t
    .addColumn('seat_id', 'text', (c) => c.notNull().references('seats.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credit_events_seat_seq').unique().on('credit_events').columns(['seat_id', 'seq']).execute();

  // Append-only: history rows are never rewritten (deleting a seat still cascades).
  if (dialect === 'postgres') {
    await sql`CREATE FUNCTION credit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'credit_events is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER credit_events_no_update BEFORE UPDATE ON credit_events
      FOR EACH ROW EXECUTE FUNCTION credit_events_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER credit_events_no_update BEFORE UPDATE ON credit_events
      BEGIN SELECT RAISE(ABORT, 'credit_events is append-only'); END`.execute(db);
  }
}
