import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.ts';
import { postgresSkipReason, testPostgresUrl } from './test-backends.ts';

const title = 'migrations on PostgreSQL while other schemas come and go';

(testPostgresUrl ? describe : describe.skip)(testPostgresUrl ? title : `${title} — ${postgresSkipReason}`, () => {
  it('migrate a fresh schema while other schemas are created and dropped (parallel test suites do this)', async () => {
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    let churning = true;
    const churn = (async () => {
      // other schemas with serial columns, created and dropped as fast as the server allows
      for (let i = 0; churning; i++) {
        const other = `churn_${randomBytes(4).toString('hex')}`;
        await admin.query(`CREATE SCHEMA ${other}`);
        await admin.query(`CREATE TABLE ${other}.t (id serial primary key, source text)`);
        await admin.query(`CREATE TABLE ${other}.u (id serial primary key, note text)`);
        await admin.query(`DROP SCHEMA ${other} CASCADE`);
      }
    })();
    const schemas: string[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const schema = `t_mig_${randomBytes(4).toString('hex')}`;
        schemas.push(schema);
        const store = await openDatabase(testPostgresUrl, { schema, poolSize: 2 });
        const { rows } = await admin.query(`select table_name from information_schema.tables where table_schema = $1 and table_name = 'candidates'`, [schema]);
        await store.close();
        expect(rows).toHaveLength(1);
      }
    } finally {
      churning = false;
      await churn;
      for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await admin.end();
    }
  }, 120_000);
});
