import type { Store } from '../../db/open-database.ts';
import { storageConditionOf, type StorageCondition } from '../../db/storage-failure.ts';
import { backoffDelayMs } from './executors/webhook-executor.ts';
import type { ExecutorName } from './executor.ts';
import { jsonLineLogger, type StructuredLog } from './structured-log.ts';
import { loadWorkerExecutors, type WorkerExecutors } from './worker-executors.ts';
import { runWorkerPass } from './worker.ts';

/**
 * The outreach worker as a long-running loop (`scoutline worker`, and inside
 * `serve` / `npm start`): a pass every `intervalSeconds`, JSON-line logs,
 * graceful shutdown — `stop()` lets the action in flight finish and be
 * recorded, then resolves. An action interrupted harder than that (SIGKILL)
 * is safe too: its lease runs out and it is executed again with the same
 * idempotency key.
 *
 * When the database is unreachable (a PostgreSQL restart), full or read-only,
 * the loop pauses: it logs one line when that starts, retries with
 * exponential backoff (1 s doubling to 30 s, jittered) instead of every
 * interval, and logs one line when a pass works again. An action executed
 * just before the outage whose result could not be recorded is run again
 * after its lease with the same idempotency key, which the receiver drops.
 */
export interface WorkerHandle {
  stop(): Promise<void>;
}

export interface WorkerLoopOptions {
  log: (line: string) => void;
  executor?: ExecutorName | null;
  intervalSeconds?: number;
  sandboxSeed?: string | number;
  /** default process.env */
  env?: NodeJS.ProcessEnv;
  /** opens the sealed secrets of the executor settings (AccessContext.secretsKey); without it only secrets still in clear work */
  secretsKey?: Buffer | null;
  /** seconds a claimed action is leased (default 120): after a crash or an outage it is retried once this has passed */
  leaseSeconds?: number;
}

const outageRetryMaxMs = 30_000;

export function startWorkerLoop(store: Store, opts: WorkerLoopOptions): WorkerHandle {
  const log: StructuredLog = jsonLineLogger(opts.log);
  let stopping = false;
  let wake: (() => void) | null = null;
  const interval = (opts.intervalSeconds ?? 15) * 1000;
  let executors: WorkerExecutors | null = null;
  let outage = null as { condition: StorageCondition; since: number; failures: number } | null;
  const done = (async () => {
    while (!stopping) {
      try {
        if (!executors) {
          executors = await loadWorkerExecutors(store, { sandboxSeed: opts.sandboxSeed, env: opts.env, secretsKey: opts.secretsKey ?? null });
          for (const e of executors.errors) log('error', 'executor settings unreadable: only tasks for this workspace', { workspaceId: e.workspaceId, error: e.message });
          log('info', 'worker started', { executors: [...executors.registry.keys()], override: opts.executor ?? null, intervalSeconds: interval / 1000, database: store.dialect });
        }
        const { registry, registryFor, takeDueOutcomes } = executors;
        const r = await runWorkerPass(store, { registry, registryFor, override: opts.executor ?? null, log, shouldStop: () => stopping, takeDueOutcomes, ...(opts.leaseSeconds ? { leaseSeconds: opts.leaseSeconds } : {}) });
        if (outage) {
          log('info', 'database back: worker resumed', { after: outage.condition, pausedSeconds: Math.round((Date.now() - outage.since) / 1000), retries: outage.failures });
          outage = null;
        }
        if (r.executed || r.planned || r.outcomes) log('info', 'worker pass', { ...r });
      } catch (err) {
        const condition = storageConditionOf(err);
        if (condition && outage?.condition !== condition) {
          log('warn', 'database not usable: worker paused, retrying with backoff', { condition, reason: (err as { code?: unknown }).code ?? null, error: (err as Error).message });
          outage = { condition, since: Date.now(), failures: 0 };
        } else if (!condition) log('error', 'worker pass failed', { error: (err as Error).message });
        if (outage) outage.failures++;
      }
      if (stopping) break;
      const wait = outage ? backoffDelayMs(outage.failures, 1000, outageRetryMaxMs, Math.random()) : interval;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    (executors as WorkerExecutors | null)?.close();
    log('info', 'worker stopped');
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
