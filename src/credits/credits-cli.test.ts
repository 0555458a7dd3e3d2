import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScoutline, type CliRun } from '../cli/cli-process.ts';
import { openDatabase } from '../db/open-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'scoutline-credits-cli-'));
const env = { ...process.env, SCOUTLINE_DB: join(dir, 'cli.db') };

function cli(args: string[]): Promise<CliRun> {
  return runScoutline(args, { env, cwd: dir });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bin/scoutline credits (machine contract)', () => {
  // each call starts a process through tsx, which takes a few seconds on a loaded machine
  it('simulate FILE --json prints one {type, ok, reason, balance} per event', { timeout: 60_000 }, async () => {
    const file = join(dir, 'events.json');
    writeFileSync(
      file,
      JSON.stringify({
        events: [
          { date: '2025-01-31', type: 'subscribe', plan: 'recruiter-lite' },
          { date: '2025-02-01', type: 'inmail', to: 'person-1', openProfile: false },
          { date: '2025-02-01', type: 'inmail', to: 'person-1' },
          { date: '2025-02-02', type: 'reply', from: 'person-1', kind: 'positive' },
          { date: '2025-02-03', type: 'purchase', count: 60 },
          { date: '2025-02-28', type: 'balance' },
          { date: '2025-03-01', type: 'switch', plan: 'premium-career' },
          { date: '2025-03-02', type: 'cancel' },
          { date: '2025-03-03', type: 'inmail', to: 'person-2', openProfile: true },
        ],
      }),
    );
    const r = await cli(['credits', 'simulate', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      results: [
        { type: 'subscribe', ok: true, reason: null, balance: 30 },
        { type: 'inmail', ok: true, reason: null, balance: 29 },
        { type: 'inmail', ok: false, reason: 'awaiting_reply', balance: 29 },
        { type: 'reply', ok: true, reason: null, balance: 30 },
        { type: 'purchase', ok: false, reason: 'purchase_cap', balance: 30 },
        { type: 'balance', ok: true, reason: null, balance: 60 },
        { type: 'switch', ok: true, reason: null, balance: 5 },
        { type: 'cancel', ok: true, reason: null, balance: 0 },
        { type: 'inmail', ok: false, reason: 'no_plan', balance: 0 },
      ],
    });
  });

  it('rejects events out of date order with invalid_input naming the index (exit 2)', { timeout: 60_000 }, async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ events: [{ date: '2025-01-02', type: 'balance' }, { date: '2025-01-01', type: 'balance' }] }));
    const r = await cli(['credits', 'simulate', file, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'invalid_input', details: { index: 1 } } });
  });

  it('seats add, credits inmail, show, forecast and advise work end to end', async () => {
    expect((await cli(['seats', 'add', '--name', 'Ann Lee', '--plan', 'recruiter-lite', '--since', '2025-01-31', '--json'])).code).toBe(0);
    const sent = await cli(['credits', 'inmail', '--seat', 'ann-lee', '--to', 'p1', '--date', '2025-02-01']);
    expect(sent.code).toBe(0);
    const refused = await cli(['credits', 'inmail', '--seat', 'ann-lee', '--to', 'p1', '--date', '2025-02-01']);
    expect(refused.code).toBe(12); // awaiting_reply's exit status
    const show = JSON.parse((await cli(['credits', 'show', '--seat', 'ann-lee', '--date', '2025-02-01', '--json'])).stdout);
    expect(show).toMatchObject({ balance: 29, awaitingReply: [{ to: 'p1', refundableUntil: '2025-05-02' }], expiringSoon: { withinDays: 14 } });
    const forecast = JSON.parse((await cli(['credits', 'forecast', '--seat', 'ann-lee', '--weekly', '10', '--reply-rate', '0.2', '--date', '2025-02-01', '--runs', '50', '--json'])).stdout);
    expect(forecast.days).toHaveLength(180);
    const advice = JSON.parse((await cli(['credits', 'advise', '--monthly', '100', '--reply-rates', '0.2', '--json'])).stdout);
    expect(advice.scenarios[0].perCredit).toEqual({ creditPriceUsd: 10, costPerReplyUsd: 50, costPerReplyWithRefundsUsd: 40 });
    // the history in words, not JSON (#16 item 11); --json keeps the machine form
    const history = await cli(['credits', 'history', '--seat', 'ann-lee']);
    expect(history.code).toBe(0);
    expect(history.stdout).toBe('    1  2025-01-31  subscribed to recruiter-lite\n    2  2025-02-01  InMail to p1\n');
    const machine = JSON.parse((await cli(['credits', 'history', '--seat', 'ann-lee', '--json'])).stdout) as { events: Array<{ type: string }> };
    expect(machine.events.map((e) => e.type)).toEqual(['subscribe', 'inmail']);
  }, 180_000);

  it("records the CLI as the author of its credit events and audits seats, purchases, moves and plan changes as via cli", async () => {
    for (const id of ['pool-a', 'pool-b']) {
      expect((await cli(['seats', 'add', '--name', id, '--id', id, '--plan', 'recruiter-corporate', '--contract', 'pool', '--since', '2025-01-01'])).code).toBe(0);
    }
    expect((await cli(['credits', 'purchase', '--seat', 'pool-a', '--count', '5', '--date', '2025-01-02'])).code).toBe(0);
    expect((await cli(['credits', 'transfer', '--from', 'pool-a', '--to', 'pool-b', '--count', '7', '--date', '2025-01-03'])).code).toBe(0);
    const plans = join(dir, 'plans.json');
    writeFileSync(plans, JSON.stringify({ plans: { 'premium-career': { monthlyAllocation: 6 } } }));
    expect((await cli(['credits', 'plans', '--set', plans])).code).toBe(0);
    const unassign = await cli(['seats', 'assign', 'pool-a', '--unassign', '--json']);
    expect(unassign.code).toBe(0);
    expect(JSON.parse(unassign.stdout)).toMatchObject({ id: 'pool-a', ownerUserId: null });
    expect((await cli(['seats', 'assign', 'pool-a', '--to', 'nobody@example.test'])).code).not.toBe(0);

    const store = await openDatabase(env.SCOUTLINE_DB);
    try {
      const rows = await store.db.selectFrom('credit_events').select(['seat_id', 'type', 'recorded_by']).where('seat_id', 'in', ['pool-a', 'pool-b']).orderBy('id').execute();
      expect(rows).toEqual([
        { seat_id: 'pool-a', type: 'subscribe', recorded_by: 'cli' },
        { seat_id: 'pool-b', type: 'subscribe', recorded_by: 'cli' },
        { seat_id: 'pool-a', type: 'purchase', recorded_by: 'cli' },
        { seat_id: 'pool-a', type: 'transfer_out', recorded_by: 'cli' },
        { seat_id: 'pool-b', type: 'transfer_in', recorded_by: 'cli' },
      ]);
      const audit = await store.db.selectFrom('audit_log').select(['action', 'target', 'via', 'actor']).where('workspace_id', '=', 'default').orderBy('id').execute();
      expect(audit.filter((e) => e.target?.includes('pool') || e.action === 'settings_changed').map((e) => [e.action, e.target, e.via])).toEqual([
        ['seat_created', 'seat:pool-a', 'cli'],
        ['seat_created', 'seat:pool-b', 'cli'],
        ['credits_purchased', 'seat:pool-a', 'cli'],
        ['credits_moved', 'seat:pool-a', 'cli'],
        ['settings_changed', 'credits', 'cli'],
        ['seat_assigned', 'seat:pool-a', 'cli'],
      ]);
      expect(audit.every((e) => e.via !== 'cli' || e.actor.startsWith('local cli ('))).toBe(true);
    } finally {
      await store.close();
    }
  }, 240_000);
});
