import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActionToExecute } from '../executor.ts';
import { WebhookExecutor, backoffDelayMs, interpretWebhookResponse, webhookConfigSchema } from './webhook-executor.ts';
import { verifySignature } from './webhook-signature.ts';

const secret = 'integration-secret';
interface Hit {
  headers: IncomingMessage['headers'];
  body: string;
}
let hits: Hit[] = [];
let script: Array<{ status: number; body?: string } | 'hang' | 'drop'> = [];
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      const next = script.shift() ?? { status: 200, body: '{}' };
      if (next === 'hang') return; // never answers: the executor's timeout fires
      if (next === 'drop') return req.socket.destroy();
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(next.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  hits = [];
  script = [];
});

const action: ActionToExecute = {
  actionId: 'act-7',
  idempotencyKey: 'camp1:7:connection_request:0',
  workspaceId: 'default',
  campaignId: 'camp1',
  seatId: 'seat-a',
  candidateId: 7,
  channel: 'connection_request',
  body: 'Hi Linus, loved your talk.',
  profileUrl: 'https://www.linkedin.com/in/linus',
  openProfile: false,
  dueAt: '2026-03-03T10:00:00.000Z',
};

function executor(sleeps: number[], extra: Record<string, unknown> = {}) {
  return new WebhookExecutor(webhookConfigSchema.parse({ url, secret, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 500, ...extra }), {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
}

describe('webhook executor against a local HTTP server', () => {
  it('posts signed JSON with the idempotency key, verifiable with the shared secret', async () => {
    script = [{ status: 200, body: '{"externalId":"ext-1"}' }];
    expect(await executor([]).execute(action)).toMatchObject({ status: 'sent', externalId: 'ext-1' });
    expect(hits).toHaveLength(1);
    const h = hits[0];
    expect(h.headers['idempotency-key']).toBe(action.idempotencyKey);
    expect(h.headers['content-type']).toBe('application/json');
    expect(JSON.parse(h.body)).toEqual({ type: 'outreach.action', action });
    const check = verifySignature({
      secret,
      rawBody: h.body,
      signature: h.headers['x-scoutline-signature'] as string,
      timestamp: h.headers['x-scoutline-timestamp'] as string,
      nowSeconds: Date.now() / 1000,
    });
    expect(check.ok).toBe(true);
  });

  it('retries 5xx, 429 and dropped connections with growing backoff, keeping the idempotency key', async () => {
    script = [{ status: 503 }, 'drop', { status: 429 }, { status: 200, body: '' }];
    const sleeps: number[] = [];
    expect(await executor(sleeps, { maxAttempts: 5 }).execute(action)).toMatchObject({ status: 'sent' });
    expect(hits).toHaveLength(4);
    expect(new Set(hits.map((h) => h.headers['idempotency-key']))).toEqual(new Set([action.idempotencyKey]));
    expect(sleeps).toEqual([75, 150, 300]);
  });

  it('gives up after maxAttempts with a retryable failure, and times out a hanging receiver', async () => {
    script = [{ status: 500 }, 'hang', { status: 502 }];
    const r = await executor([], { maxAttempts: 3, timeoutMs: 150 }).execute(action);
    expect(r).toMatchObject({ status: 'failed', retryable: true });
    expect(hits).toHaveLength(3);
  });

  it('does not retry a 4xx: a permanent failure', async () => {
    script = [{ status: 422, body: '{"error":"no such profile"}' }];
    expect(await executor([]).execute(action)).toMatchObject({ status: 'failed', retryable: false });
    expect(hits).toHaveLength(1);
  });

  it('pauses the seat when the receiver answers limit_reached, and treats 409 as already sent', async () => {
    script = [{ status: 200, body: '{"status":"limit_reached","message":"weekly invitation limit"}' }, { status: 409 }];
    expect(await executor([]).execute(action)).toEqual({ status: 'limit_reached', message: 'weekly invitation limit' });
    expect(await executor([]).execute(action)).toMatchObject({ status: 'sent' });
  });
});

describe('webhook backoff and answers', () => {
  it('waits between half and all of the capped exponential delay, never more than the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 60_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, base, max, u) => {
        const d = backoffDelayMs(attempt, base, max, u);
        const ceiling = Math.min(max, base * 2 ** (attempt - 1));
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(d).toBeLessThanOrEqual(Math.ceil(ceiling));
      }),
    );
  });

  it('never retries a 4xx other than 429, always retries 5xx', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (status) => {
        const r = interpretWebhookResponse(status, 'x');
        if (status >= 500 || status === 429) expect('retry' in r).toBe(true);
        else if (status === 409) expect(r).toMatchObject({ done: { status: 'sent' } });
        else expect(r).toMatchObject({ done: { status: 'failed', retryable: false } });
      }),
    );
  });
});
