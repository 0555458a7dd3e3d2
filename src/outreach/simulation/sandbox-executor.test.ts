import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActionToExecute } from '../delivery/executor.ts';
import { SandboxExecutor, sandboxOutcomesFor } from './sandbox-executor.ts';

function action(i: number, extra: Partial<ActionToExecute> = {}): ActionToExecute {
  return {
    actionId: `a${i}`,
    idempotencyKey: `k${i}`,
    workspaceId: 'default',
    campaignId: 'c1',
    seatId: 's1',
    candidateId: i,
    channel: 'connection_request',
    body: 'Hi, saw your talk on Rust at FOSDEM.',
    openProfile: false,
    dueAt: '2026-03-03T10:00:00.000Z',
    ...extra,
  };
}

describe('sandbox executor', () => {
  it('sends, schedules future outcomes for the campaign, and hands them out when due', async () => {
    const ex = new SandboxExecutor({ seed: 42 });
    for (let i = 1; i <= 300; i += 1) expect(await ex.execute(action(i))).toMatchObject({ status: 'sent', at: '2026-03-03T10:00:00.000Z' });
    const all = ex.pending().map((s) => s.report);
    expect(all.length).toBeGreaterThan(50);
    for (const r of all) {
      expect(r).toMatchObject({ campaignId: 'c1', source: 'sandbox', channel: 'connection_request' });
      expect(r.at >= '2026-03-03T10:00:00.000Z').toBe(true);
    }
    const accepted = all.filter((r) => r.kind === 'accepted').length;
    expect(accepted / 300).toBeGreaterThan(0.28);
    expect(accepted / 300).toBeLessThan(0.48);
    const early = ex.takeDue('2026-03-04T10:00:00.000Z');
    expect(early.every((r) => r.at <= '2026-03-04T10:00:00.000Z')).toBe(true);
    const rest = ex.takeDue('2027-01-01T00:00:00.000Z');
    expect(early.length + rest.length).toBe(all.length);
    expect(ex.pending()).toHaveLength(0);
    expect(rest.map((r) => r.at)).toEqual([...rest.map((r) => r.at)].sort());
  });

  it('never sends or schedules twice for one idempotency key', () => {
    fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 60 }), async (ids) => {
        const ex = new SandboxExecutor({ seed: 'dup' });
        for (const id of ids) await ex.execute(action(id, { channel: 'inmail', body: 'x'.repeat(300) }));
        const byKey = new Map<string, number>();
        for (const s of ex.pending()) byKey.set(s.idempotencyKey, (byKey.get(s.idempotencyKey) ?? 0) + 1);
        for (const n of byKey.values()) expect(n).toBeLessThanOrEqual(1);
        const fresh = new SandboxExecutor({ seed: 'dup' });
        for (const id of new Set(ids)) await fresh.execute(action(id, { channel: 'inmail', body: 'x'.repeat(300) }));
        expect(ex.pending()).toEqual(fresh.pending());
      }),
    );
  });

  it('gives the same answers as the pure schedule (a restart can rebuild it)', async () => {
    const ex = new SandboxExecutor({ seed: 9 });
    const a = action(5, { channel: 'message', body: 'short' });
    await ex.execute(a);
    expect(ex.pending()).toEqual(sandboxOutcomesFor(a, new Date(a.dueAt), { seed: 9 }));
  });

  it('withdraws an invitation without any answer from the member', async () => {
    const ex = new SandboxExecutor({ seed: 1 });
    for (let i = 1; i <= 50; i += 1) expect((await ex.execute(action(i, { channel: 'withdraw_invitation', body: '' }))).status).toBe('sent');
    expect(ex.pending()).toHaveLength(0);
  });

  it('bounces an email without an address', async () => {
    const ex = new SandboxExecutor({ seed: 1 });
    await ex.execute(action(1, { channel: 'email', email: null }));
    expect(ex.takeDue('2030-01-01T00:00:00.000Z')).toMatchObject([{ kind: 'bounced', channel: 'email' }]);
  });

  it('answers limit_reached past its daily invitation limit, per seat and day, and lets the action through another day', async () => {
    const ex = new SandboxExecutor({ seed: 1, dailyInviteLimit: 2 });
    expect((await ex.execute(action(1))).status).toBe('sent');
    expect((await ex.execute(action(2))).status).toBe('sent');
    expect((await ex.execute(action(3))).status).toBe('limit_reached');
    expect((await ex.execute(action(4, { seatId: 's2' }))).status).toBe('sent');
    expect((await ex.execute(action(3, { dueAt: '2026-03-04T10:00:00.000Z' }))).status).toBe('sent');
  });
});
