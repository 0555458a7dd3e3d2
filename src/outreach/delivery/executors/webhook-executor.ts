import { z } from 'zod';
import type { ActionToExecute, ExecutionResult, Executor } from '../executor.ts';
import { idempotencyKeyHeader, signatureHeaders } from './webhook-signature.ts';

/**
 * The `webhook` executor: POSTs each action as signed JSON to the
 * integrator's URL (their browser extension, RPA tool or CRM) and maps the
 * answer onto the executor contract.
 *
 * Request: `{"type":"outreach.action","action":{...ActionToExecute}}` with
 * `X-Scoutline-Signature`, `X-Scoutline-Timestamp` (webhook-signature.ts) and
 * `Idempotency-Key` (the action's key, the same on every attempt).
 *
 * Answers: 2xx is sent, unless the JSON body says
 * `{"status":"limit_reached"}` (the seat pauses for the day) or
 * `{"status":"queued_for_person"}`; `{"externalId":"..."}` is kept. 409 means
 * the receiver already has this idempotency key: sent. 429, 5xx, timeouts
 * and network errors are retried here with exponential backoff and jitter,
 * up to `maxAttempts`; after that the action fails retryably and the worker
 * tries again later. Any other 4xx is a permanent failure.
 */
export const webhookConfigSchema = z.object({
  url: z.url(),
  secret: z.string().min(8, 'the webhook secret needs at least 8 characters'),
  maxAttempts: z.number().int().min(1).max(10).default(4),
  baseDelayMs: z.number().int().min(0).default(500),
  maxDelayMs: z.number().int().min(0).default(30_000),
  timeoutMs: z.number().int().min(100).default(10_000),
});
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
export type WebhookConfigInput = z.input<typeof webhookConfigSchema>;

export interface WebhookExecutorDeps {
  fetch?: typeof fetch;
  /** waits between attempts; tests pass a recorder that does not wait */
  sleep?: (ms: number) => Promise<void>;
  /** uniform [0, 1) for the jitter */
  random?: () => number;
  /** unix milliseconds, for the signature timestamp */
  now?: () => number;
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): exponential
 * from `baseMs`, capped at `maxMs`, with "equal jitter" (half fixed, half random).
 */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, u: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(u, 0), 1));
}

type AttemptResult = { done: ExecutionResult } | { retry: string };

/** How one HTTP answer maps onto the contract (pure). */
export function interpretWebhookResponse(status: number, bodyText: string): AttemptResult {
  if (status >= 200 && status < 300) {
    let body: unknown = null;
    try {
      body = bodyText ? JSON.parse(bodyText) : null;
    } catch {
      body = null;
    }
    const b = (typeof body === 'object' && body !== null ? body : {}) as { status?: unknown; message?: unknown; externalId?: unknown };
    if (b.status === 'limit_reached') return { done: { status: 'limit_reached', message: typeof b.message === 'string' ? b.message : 'the receiver reported a limit' } };
    if (b.status === 'queued_for_person') return { done: { status: 'queued_for_person' } };
    return { done: { status: 'sent', ...(typeof b.externalId === 'string' ? { externalId: b.externalId } : {}), at: new Date().toISOString() } };
  }
  if (status === 409) return { done: { status: 'sent', at: new Date().toISOString() } };
  if (status === 429 || status >= 500) return { retry: `webhook answered ${status}` };
  return { done: { status: 'failed', message: `webhook answered ${status}: ${bodyText.slice(0, 200)}`, retryable: false } };
}

export class WebhookExecutor implements Executor {
  readonly name = 'webhook' as const;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(
    private readonly config: WebhookConfig,
    deps: WebhookExecutorDeps = {},
  ) {
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = deps.random ?? Math.random;
    this.now = deps.now ?? Date.now;
  }

  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    const body = JSON.stringify({ type: 'outreach.action', action });
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.config.maxAttempts; attempt += 1) {
      if (attempt > 1) await this.sleep(backoffDelayMs(attempt - 1, this.config.baseDelayMs, this.config.maxDelayMs, this.random()));
      const result = await this.attempt(action, body);
      if ('done' in result) return result.done;
      lastProblem = result.retry;
    }
    return { status: 'failed', message: `${lastProblem} (gave up after ${this.config.maxAttempts} attempts)`, retryable: true };
  }

  private async attempt(action: ActionToExecute, body: string): Promise<AttemptResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs);
    try {
      // a fresh timestamp per attempt, so a retry is never refused as a replay
      const headers = {
        'content-type': 'application/json',
        ...signatureHeaders(this.config.secret, this.now() / 1000, body),
        [idempotencyKeyHeader]: action.idempotencyKey,
      };
      const res = await this.fetch(this.config.url, { method: 'POST', headers, body, signal: controller.signal });
      const text = await res.text();
      return interpretWebhookResponse(res.status, text);
    } catch (err) {
      return { retry: `webhook request failed: ${(err as Error).message}` };
    } finally {
      clearTimeout(timer);
    }
  }
}
