import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../access/api-token-store.ts';
import { addMember } from '../access/membership-store.ts';
import { createUser } from '../access/user-accounts.ts';
import { testAccess } from '../api/test-app.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';
import { openDatabase } from '../db/open-database.ts';
import { createThrowawayPostgres, noPostgresBinariesReason, postgresBinDir, type ThrowawayPostgres } from '../db/throwaway-postgres.ts';
import { seedRunningCampaign } from '../outreach/outreach-test-setup.ts';
import { planSeatDay } from '../outreach/planning/plan-seat-day-store.ts';
import { searchCandidates } from '../search-request/search-candidates.ts';

/**
 * Issue #14 item 8 for PostgreSQL: the commands docs/operations.md gives,
 * run for real. A database with candidates, accounts, a running campaign
 * and planned actions is dumped with `pg_dump --format=custom` and restored
 * with `pg_restore --no-owner --exit-on-error` into a fresh database; every
 * table has the same rows, candidates the same checksum, the full-text
 * index answers, sequences go on (a new candidate gets a new id), and
 * Scoutline opens it with nothing left to migrate.
 */
const run = promisify(execFile);
const bin = postgresBinDir();

async function tableCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
    const out: Record<string, number> = {};
    for (const r of rows) out[r.table_name] = Number((await c.query(`SELECT count(*)::int AS n FROM "${r.table_name}"`)).rows[0].n);
    return out;
  } finally {
    await c.end();
  }
}

async function candidateChecksum(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ h: string }>("SELECT md5(string_agg(id::text || ':' || updated_at, ',' ORDER BY id)) AS h FROM candidates")).rows[0].h;
  } finally {
    await c.end();
  }
}

(bin ? describe : describe.skip)(`PostgreSQL backup with pg_dump, restore with pg_restore${bin ? '' : ` — ${noPostgresBinariesReason}`}`, () => {
  let cluster: ThrowawayPostgres;
  let dir: string;
  beforeAll(async () => {
    cluster = await createThrowawayPostgres();
    dir = mkdtempSync(join(tmpdir(), 'scoutline-pgdump-'));
  }, 60_000);
  afterAll(async () => {
    await cluster?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database with identical rows in every table and the same candidates', { timeout: 180_000 }, async () => {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE scoutline_live');
    const source = cluster.url('scoutline_live');
    const store = await openDatabase(source);
    try {
      await upsertCandidates(store, 'default', Array.from({ length: 500 }, (_, i) => normaliseCandidateInput({ firstName: `Pg${i}`, lastName: i % 2 ? 'Kotlin' : 'Rust', headline: i % 2 ? 'Kotlin engineer' : 'Rust engineer', profileUrl: `https://www.linkedin.com/in/pgdump-${i}`, emails: [`pg${i}@example.com`] })));
      const user = await createUser(testAccess(store), { email: 'owner@pgdump.test', name: 'Dump Owner' });
      await addMember(store, 'default', user.id, 'owner');
      await createApiToken(store, { workspaceId: 'default', userId: user.id, name: 'dump', role: 'owner' });
      const { seatId } = await seedRunningCampaign(store, { tag: 'dump', n: 30, launchAt: '2025-06-03T00:00:00.000Z', sequence: [{ key: 'mail', channel: 'email', anchor: 'enrolled', delayDays: 0, conditions: [{ kind: 'has_email' }] }] });
      expect((await planSeatDay(store, seatId, '2025-06-03T00:01:00.000Z')).planned).toBe(30);
    } finally {
      await store.close();
    }

    // the documented commands (docs/operations.md, "PostgreSQL")
    const dump = join(dir, 'scoutline.dump');
    await run(join(bin!, 'pg_dump'), ['--format=custom', '--file', dump, source]);
    expect(statSync(dump).size).toBeGreaterThan(0);
    await admin.query('CREATE DATABASE scoutline_restored');
    await admin.end();
    const restored = cluster.url('scoutline_restored');
    await run(join(bin!, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', restored, dump]);

    const before = await tableCounts(source);
    expect(before.candidates).toBe(530);
    expect(before.outreach_actions).toBe(30);
    expect(await tableCounts(restored)).toEqual(before);
    expect(await candidateChecksum(restored)).toBe(await candidateChecksum(source));

    const back = await openDatabase(restored);
    try {
      expect((await searchCandidates(back, { query: 'kotlin', workspaceId: 'default', limit: 1000 })).total).toBe(250);
      const { outcomes } = await upsertCandidates(back, 'default', [normaliseCandidateInput({ firstName: 'After', lastName: 'Restore', profileUrl: 'https://www.linkedin.com/in/after-restore' })]);
      expect(outcomes[0].outcome).toBe('imported');
      const maxBefore = (await back.db.selectFrom('candidates').select((eb) => eb.fn.max('id').as('m')).where('id', '<>', outcomes[0].id).executeTakeFirstOrThrow()).m;
      expect(outcomes[0].id).toBeGreaterThan(Number(maxBefore));
    } finally {
      await back.close();
    }
  });
});
