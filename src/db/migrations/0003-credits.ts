import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';

export async function up(_db: Kysely<any>, _dialect: Dialect): Promise<void> {
  // filled in by the owning domain
}
