import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { createCampaign, setCampaignStatus } from '../campaigns/campaign-store.ts';
import { signPayload } from './executors/webhook-signature.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { buildWorkerExecutors, loadWorkerExecutors } from './worker-executors.ts';
import { runWorkerPass } from './worker.ts';

/**
 * The worker's executors come from `configuredExecutors` (one source of
 * truth, docs/executors.md "Configuration"): workspace settings, else
 * SCOUTLINE_SMTP_* / SCOUTLINE_EXECUTOR_WEBHOOK_*; SCOUTLINE_WEBHOOK_SECRET
 * is only the inbound outcomes webhook's secret.
 */
describe('worker executors from the configuration', () => {
  it('builds the outgoing webhook from SCOUTLINE_EXECUTOR_WEBHOOK_*, never from the inbound webhook variables', () => {
    const inbound = buildWorkerExecutors({ env: { SCOUTLINE_WEBHOOK_URL: 'https://hooks.test/in', SCOUTLINE_WEBHOOK_SECRET: 'inbound-secret' } });
    expect([...inbound.registry.keys()].sort()).toEqual(['sandbox', 'tasks']);
    const outgoing = buildWorkerExecutors({ env: { SCOUTLINE_EXECUTOR_WEBHOOK_URL: 'https://hooks.test/out', SCOUTLINE_EXECUTOR_WEBHOOK_SECRET: 'outgoing-secret', SCOUTLINE_SMTP_HOST: 'mail.test', SCOUTLINE_SMTP_FROM: 'a@b.test' } });
    expect([...outgoing.registry.keys()].sort()).toEqual(['sandbox', 'smtp', 'tasks', 'webhook']);
    outgoing.close();
  });

  it('gives a workspace with executor settings its own executors and the others the environment', () => {
    const x = buildWorkerExecutors({
      env: {},
      settings: new Map([
        ['acme', JSON.stringify({ executors: { smtp: { host: 'mail.acme.test', from: 'r@acme.test' } } })],
        ['plain', '{}'],
        ['broken', JSON.stringify({ executors: { webhook: { url: 'not a url', secret: 'longsecret' } } })],
      ]),
    });
    expect([...x.registryFor('acme').keys()].sort()).toEqual(['sandbox', 'smtp', 'tasks']);
    expect([...x.registryFor('plain').keys()].sort()).toEqual(['sandbox', 'tasks']);
    expect([...x.registryFor('unknown').keys()].sort()).toEqual(['sandbox', 'tasks']);
    expect([...x.registryFor('broken').keys()]).toEqual(['tasks']);
    expect(x.errors).toEqual([{ workspaceId: 'broken', message: expect.stringMatching(/webhook\.url/) }]);
    x.close();
  });
});

describeEachBackend('worker uses the configured webhook executor', (getStore) => {
  it('sends a campaign routed to webhook to the workspace-configured URL, signed with the outgoing secret', { timeout: 60_000 }, async () => {
    const store = getStore();
    const launchAt = '2025-06-02T08:00:00.000Z';
    const seeded = await seedRunningCampaign(store, { tag: 'wh', n: 2, launchAt });
    await setCampaignStatus(store, 'default', seeded.campaignId, 'stopped', launchAt);
    const c = await createCampaign(store, 'default', { name: 'wh-routed', seatIds: [seeded.seatId], source: { kind: 'ids', ids: seeded.candidateIds }, executors: { connection_request: 'webhook' } }, { candidateIds: seeded.candidateIds, now: launchAt });
    await setCampaignStatus(store, 'default', c.id, 'running', launchAt);
    await store.db
      .updateTable('workspaces')
      .set({ settings: JSON.stringify({ executors: { webhook: { url: 'https://rpa.test/scoutline', secret: 'outgoing-secret' } } }) })
      .where('id', '=', 'default')
      .execute();

    const calls: Array<{ url: string; body: string; headers: Record<string, string> }> = [];
    const fetchStub = (async (url: string | URL, init?: RequestInit) => {
      calls.push({ url: String(url), body: String(init?.body), headers: Object.fromEntries(new Headers(init?.headers).entries()) });
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const executors = await loadWorkerExecutors(store, {
      env: { SCOUTLINE_WEBHOOK_SECRET: 'inbound-secret', SCOUTLINE_WEBHOOK_URL: 'https://wrong.test/' },
      deps: { webhook: { fetch: fetchStub, sleep: async () => {} } },
    });
    const pass = (now: string) => runWorkerPass(store, { registry: executors.registry, registryFor: executors.registryFor, takeDueOutcomes: executors.takeDueOutcomes, now: () => now });
    await pass('2025-06-02T08:30:00.000Z'); // plans the day
    const r = await pass('2025-06-02T23:59:30.000Z');
    expect(r, JSON.stringify(r)).toMatchObject({ results: { sent: 2 } });
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.url).toBe('https://rpa.test/scoutline');
      const ts = Number(call.headers['x-scoutline-timestamp']);
      expect(call.headers['x-scoutline-signature']).toBe(signPayload('outgoing-secret', ts, call.body));
    }
    executors.close();
  });
});
