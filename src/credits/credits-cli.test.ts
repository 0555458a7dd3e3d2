import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScoutline, type CliRun } from '../cli/cli-process.ts';

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
  }, 180_000);
});
