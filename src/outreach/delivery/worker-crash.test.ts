import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteDatabase } from '../../db/sqlite-module.ts';
import { expect, it } from 'vitest';
import { describeEachBackend, testPostgresUrl } from '../../db/test-backends.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { planSeatDay } from '../planning/plan-seat-day-store.ts';

/**
 * Kills a worker process with SIGKILL at random points, restarts it, and
 * proves that no action is lost and none is delivered twice: every action
 * ends `sent`, the recipient side holds exactly one delivery per action, and
 * each enrollment moved on exactly once.
 */
const root = resolve(import.meta.dirname, '../../..');
const day = '2025-06-03';

function runChild(env: Record<string, string>, killAfterMs: number | null): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/outreach/delivery/crash-worker-child.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let killed = false;
    child.stderr.on('data', (d) => (err += String(d)));
    child.stdout.on('data', (d) => {
      if (killAfterMs !== null && String(d).includes('ready')) setTimeout(() => ((killed = child.kill('SIGKILL')), undefined), killAfterMs);
    });
    child.on('error', fail);
    child.on('exit', (code) => (code !== 0 && !killed ? fail(new Error(`worker child exited ${code}: ${err}`)) : done({ code, killed })));
  });
}

describeEachBackend('worker crash safety (SIGKILL at random points)', (getStore, backend) => {
  it('never loses or duplicates an action across kills and restarts', { timeout: 90_000 }, async () => {
    const store = getStore();
    const { campaignId, seatId } = await seedRunningCampaign(store, {
      tag: 'crash',
      n: 40,
      launchAt: `${day}T00:00:00.000Z`,
      sequence: [{ key: 'mail', channel: 'email', anchor: 'enrolled', delayDays: 0, conditions: [{ kind: 'has_email' }] }],
    });
    const planned = await planSeatDay(store, seatId, `${day}T00:01:00.000Z`);
    expect(planned.planned).toBe(40);

    const dir = mkdtempSync(join(tmpdir(), 'scoutline-crash-'));
    const deliveries = join(dir, 'deliveries.db');
    const schema = /\(schema (\w+)\)/.exec(store.location)?.[1];
    const env = {
      DB: backend === 'postgres' ? testPostgresUrl : store.location,
      ...(backend === 'postgres' && schema ? { PG_SCHEMA: schema } : {}),
      DELIVERIES: deliveries,
      // the children live at 23:58 on the planned day: everything is due
      CLOCK_OFFSET_MS: String(Date.parse(`${day}T23:58:00.000Z`) - Date.now()),
    };
    let kills = 0;
    try {
      for (let i = 0; i < 2; i++) if ((await runChild(env, 150 + Math.floor(Math.random() * 900))).killed) kills++;
      const last = await runChild(env, null);
      expect(last.code).toBe(0);

      const actions = await store.db.selectFrom('outreach_actions').select(['id', 'idempotency_key', 'status', 'enrollment_id']).where('campaign_id', '=', campaignId).execute();
      expect(actions).toHaveLength(40);
      expect(actions.filter((a) => a.status !== 'sent')).toEqual([]);

      const rec = new SqliteDatabase(deliveries, { readonly: true });
      const delivered = rec.prepare('SELECT action_id, idempotency_key FROM deliveries').all() as Array<{ action_id: string; idempotency_key: string }>;
      const attempts = (rec.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;
      rec.close();
      // exactly one delivery per action, under the action's own key
      expect(delivered).toHaveLength(40);
      expect(new Set(delivered.map((d) => d.action_id)).size).toBe(40);
      const keyOf = new Map(actions.map((a) => [a.id, a.idempotency_key]));
      for (const d of delivered) expect(d.idempotency_key).toBe(keyOf.get(d.action_id));
      expect(attempts).toBeGreaterThanOrEqual(40);

      const sentEvents = await store.db.selectFrom('outreach_enrollment_events').select(['enrollment_id']).where('event', '=', 'email_sent').execute();
      expect(sentEvents).toHaveLength(40);
      expect(new Set(sentEvents.map((e) => e.enrollment_id)).size).toBe(40);
      // (kills that landed before the first claim are fine too; attempts - 40 counts the re-executions the dedupe dropped)
      expect(kills).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
