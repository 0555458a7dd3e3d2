import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../db/open-database.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { pauseSeatForToday } from './action-store.ts';
import { setCampaignStatus } from '../campaigns/campaign-store.ts';
import type { ActionToExecute } from './executor.ts';
import { createExecutorRegistry } from './executor-registry.ts';
import { WebhookExecutor, webhookConfigSchema } from './executors/webhook-executor.ts';
import { verifySignature } from './executors/webhook-signature.ts';
import { seedRunningCampaign } from '../outreach-test-setup.ts';
import { TasksExecutor } from './tasks-executor.ts';
import { runWorkerPass } from './worker.ts';

/**
 * Issue #14 item 1, as reported: a seat in Australia/Adelaide (UTC+9:30 in
 * June), an outgoing webhook whose receiver acts and then answers too late
 * (after the executor's timeout, so Scoutline sees a retryable failure), and
 * the clock moved across the seat's local midnight. The receiver is a real
 * HTTP server on 127.0.0.1 that checks the signature and drops a key it has
 * already acted on (answering 409, as integrators are told to). Every action
 * must reach it under exactly one key and be acted on once.
 */
const secret = 'receiver-secret-1';
const timeoutMs = 150;

interface Receiver {
  url: string;
  /** answer only after the executor gave up (it has acted by then) */
  slow: boolean;
  /** idempotency key -> the action it carried, first time only: what the receiver did */
  acted: Map<string, ActionToExecute>;
  requests: number;
  badSignatures: number;
}

let server: Server;
const receiver: Receiver = { url: '', slow: false, acted: new Map(), requests: 0, badSignatures: 0 };

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      receiver.requests++;
      const check = verifySignature({ secret, rawBody: raw, signature: req.headers['x-scoutline-signature'] as string, timestamp: req.headers['x-scoutline-timestamp'] as string, nowSeconds: Date.now() / 1000 });
      if (!check.ok) {
        receiver.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      const key = req.headers['idempotency-key'] as string;
      const first = !receiver.acted.has(key);
      if (first) receiver.acted.set(key, (JSON.parse(raw) as { action: ActionToExecute }).action);
      const answer = () => {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(first ? 200 : 409, { 'content-type': 'application/json' }).end(JSON.stringify({ externalId: `rcv-${key}` }));
      };
      if (receiver.slow) setTimeout(answer, timeoutMs + 200);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scoutline`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const adelaide = 'Australia/Adelaide';
/** local Adelaide time (ACST, UTC+9:30, in June) as a UTC instant */
function adl(local: string): string {
  const [d, t] = local.split(' ');
  const [h, m] = t.split(':').map(Number);
  return new Date(Date.parse(`${d}T00:00:00.000Z`) + ((h - 9) * 60 + (m - 30)) * 60_000).toISOString();
}

function webhookRegistry() {
  const webhook = new WebhookExecutor(webhookConfigSchema.parse({ url: receiver.url, secret, maxAttempts: 1, timeoutMs }), { sleep: async () => undefined });
  return createExecutorRegistry([new TasksExecutor(), webhook]);
}

async function pass(store: Store, now: string) {
  return runWorkerPass(store, { registry: webhookRegistry(), override: 'webhook', now: () => now, seed: 1, learnIgnored: null });
}

async function campaignActions(store: Store, campaignId: string) {
  return store.db.selectFrom('outreach_actions').select(['id', 'enrollment_id', 'step_key', 'idempotency_key', 'status', 'attempts', 'plan_date', 'due_at', 'last_error']).where('campaign_id', '=', campaignId).orderBy('enrollment_id').execute();
}

/** What the receiver did for this campaign: the keys it acted on per (enrollment, step). */
function actedPerStep(campaignId: string, keyToStep: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, a] of receiver.acted) {
    if (a.campaignId !== campaignId) continue;
    const step = keyToStep.get(key) ?? `unknown key ${key}`;
    out.set(step, [...(out.get(step) ?? []), key]);
  }
  return out;
}

async function expectDeliveredOnceEach(store: Store, campaignId: string, candidateIds: number[]) {
  const actions = await campaignActions(store, campaignId);
  const keyToStep = new Map(actions.map((a) => [a.idempotency_key, `${a.enrollment_id}/${a.step_key}`]));
  const acted = actedPerStep(campaignId, keyToStep);
  // every (enrollment, step) acted on exactly once, under exactly one key
  expect([...acted.values()].map((keys) => keys.length)).toEqual(candidateIds.map(() => 1));
  expect(acted.size).toBe(candidateIds.length);
  // nothing lost: each action is sent, under the key the receiver acted on, and no second action was planned
  expect(actions).toHaveLength(candidateIds.length);
  for (const a of actions) {
    expect(a.status).toBe('sent');
    expect(receiver.acted.has(a.idempotency_key)).toBe(true);
    expect(a.idempotency_key).toBe(`${a.enrollment_id}:${a.step_key}`);
  }
  const enrollments = await store.db.selectFrom('outreach_enrollments').select(['state', 'invite_sent_at']).where('campaign_id', '=', campaignId).execute();
  expect(enrollments.every((e) => e.invite_sent_at !== null && e.state === 'invited')).toBe(true);
  expect(receiver.badSignatures).toBe(0);
}

/** Plans at 22:00 local, then at 23:56 every action is due and the receiver acts on each but answers too late. */
async function failJustBeforeMidnight(store: Store, campaignId: string, n: number) {
  receiver.slow = false;
  const planned = await pass(store, adl('2025-06-03 22:00'));
  expect(planned.planned).toBe(n);
  receiver.slow = true;
  const failing = await pass(store, adl('2025-06-03 23:56'));
  expect(failing.results).toEqual({ failed: n });
  receiver.slow = false;
  const actions = await campaignActions(store, campaignId);
  expect(actions.map((a) => [a.status, Number(a.attempts)])).toEqual(actions.map(() => ['pending', 1]));
  expect(actions.filter((a) => receiver.acted.has(a.idempotency_key))).toHaveLength(n);
}

describeEachBackend('an attempted action keeps its key across the seat\'s local midnight (issue #14)', (getStore) => {
  it('a webhook that acted and timed out before midnight: retried after midnight under the same key, never planned again under a new one', { timeout: 60_000 }, async () => {
    const store = getStore();
    const { campaignId, candidateIds } = await seedRunningCampaign(store, { tag: 'adl-midnight', n: 5, timeZone: adelaide, launchAt: adl('2025-06-03 21:30') });
    await failJustBeforeMidnight(store, campaignId, 5);
    // the worker was not running at 23:57 when the retries fell due; it comes back after the seat's midnight
    const after = await pass(store, adl('2025-06-04 00:10'));
    expect(after.planned).toBe(0);
    expect(after.results).toEqual({ sent: 5 });
    await pass(store, adl('2025-06-04 23:58'));
    await expectDeliveredOnceEach(store, campaignId, candidateIds);
  });

  it('a retry due after midnight moves to the next local day with its key (that day\'s budget counts it)', { timeout: 60_000 }, async () => {
    const store = getStore();
    const { campaignId, candidateIds } = await seedRunningCampaign(store, { tag: 'adl-late', n: 3, timeZone: adelaide, launchAt: adl('2025-06-03 21:30') });
    await pass(store, adl('2025-06-03 22:00'));
    receiver.slow = true;
    // the seat works until 23:59: a retry a minute after 23:59 lands on the next local day
    expect((await pass(store, adl('2025-06-03 23:59'))).results).toEqual({ failed: 3 });
    receiver.slow = false;
    const moved = await campaignActions(store, campaignId);
    expect(moved.map((a) => [a.status, a.plan_date])).toEqual(moved.map(() => ['pending', '2025-06-04']));
    const after = await pass(store, adl('2025-06-04 00:05'));
    expect([after.planned, after.results.sent]).toEqual([0, 3]);
    await expectDeliveredOnceEach(store, campaignId, candidateIds);
  });

  it('a seat paused with pending retries: the retries wait for the next day with their keys and go out once it resumes', { timeout: 60_000 }, async () => {
    const store = getStore();
    const { campaignId, seatId, candidateIds } = await seedRunningCampaign(store, { tag: 'adl-pause', n: 4, timeZone: adelaide, launchAt: adl('2025-06-03 21:30') });
    await failJustBeforeMidnight(store, campaignId, 4);
    expect(await pauseSeatForToday(store, 'default', seatId, 'LinkedIn warning shown', adl('2025-06-03 23:57'))).toEqual({ seatId, pausedOn: '2025-06-03' });
    const paused = await campaignActions(store, campaignId);
    expect(paused.map((a) => [a.status, a.plan_date, a.due_at])).toEqual(paused.map(() => ['pending', '2025-06-04', adl('2025-06-04 00:00')]));
    // paused: nothing goes out the rest of the day
    expect((await pass(store, adl('2025-06-03 23:58'))).executed).toBe(0);
    // the next local day the seat works again: the same keys go out, the receiver drops them (409) and they are recorded sent
    const resumed = await pass(store, adl('2025-06-04 00:05'));
    expect([resumed.planned, resumed.results.sent]).toEqual([0, 4]);
    await pass(store, adl('2025-06-04 23:58'));
    await expectDeliveredOnceEach(store, campaignId, candidateIds);
  });

  it('a campaign paused with pending retries keeps them; on resume they go out under their keys', { timeout: 60_000 }, async () => {
    const store = getStore();
    const { campaignId, candidateIds } = await seedRunningCampaign(store, { tag: 'adl-campaign-pause', n: 3, timeZone: adelaide, launchAt: adl('2025-06-03 21:30') });
    await failJustBeforeMidnight(store, campaignId, 3);
    await setCampaignStatus(store, 'default', campaignId, 'paused', adl('2025-06-03 23:57'));
    expect((await campaignActions(store, campaignId)).map((a) => a.status)).toEqual(['pending', 'pending', 'pending']);
    // while paused the claim holds them back to the next day, keys kept
    expect((await pass(store, adl('2025-06-04 00:05'))).executed).toBe(0);
    const held = await campaignActions(store, campaignId);
    expect(held.map((a) => [a.status, a.plan_date])).toEqual(held.map(() => ['pending', '2025-06-05']));
    await setCampaignStatus(store, 'default', campaignId, 'running', adl('2025-06-04 09:00'));
    const resumed = await pass(store, adl('2025-06-04 09:01'));
    expect([resumed.planned, resumed.results.sent]).toEqual([0, 3]);
    await pass(store, adl('2025-06-04 23:58'));
    await expectDeliveredOnceEach(store, campaignId, candidateIds);
  });
});
