import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Store } from './open-database.ts';

/** The PostgreSQL server storage tests also run on; CI sets it, locally it is optional. */
export const testPostgresUrl = process.env.SCOUTLINE_TEST_PG_URL || '';

export const postgresSkipReason = 'PostgreSQL storage tests skipped: SCOUTLINE_TEST_PG_URL is not set';

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

/** A fresh, migrated, private database: a temp SQLite file, or a new PostgreSQL schema. */
export const testBackends: TestBackend[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'scoutline-test-'));
      const store = await openDatabase(join(dir, 'test.db'));
      return {
        store,
        async cleanup() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
      const store = await openDatabase(testPostgresUrl, { schema, poolSize: 4 });
      return {
        store,
        async cleanup() {
          await store.close();
          const admin = new pg.Client({ connectionString: testPostgresUrl });
          await admin.connect();
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  },
];

/**
 * Runs the same storage tests on every backend: always on SQLite, and on
 * PostgreSQL when SCOUTLINE_TEST_PG_URL is set (with the variable set and the
 * server down, the suite fails rather than silently skipping).
 */
export function describeEachBackend(title: string, body: (getStore: () => Store, backend: TestBackend['name']) => void): void {
  for (const backend of testBackends) {
    const enabled = backend.name === 'sqlite' || testPostgresUrl !== '';
    const name = enabled ? `${title} [${backend.name}]` : `${title} [${backend.name}] — ${postgresSkipReason}`;
    (enabled ? describe : describe.skip)(name, () => {
      let store: Store | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await backend.open();
        store = opened.store;
        cleanup = opened.cleanup;
      });
      afterAll(async () => {
        await cleanup?.();
      });
      body(() => {
        if (!store) throw new Error('test store not opened yet');
        return store;
      }, backend.name);
    });
  }
}
