import type { Store } from '../db/open-database.ts';
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
}

export function startWorkerLoop(store: Store, opts: WorkerLoopOptions): WorkerHandle {
  const log: StructuredLog = jsonLineLogger(opts.log);
  let stopping = false;
  let wake: (() => void) | null = null;
  const interval = (opts.intervalSeconds ?? 15) * 1000;
  let executors: WorkerExecutors | null = null;
  const done = (async () => {
    while (!stopping) {
      try {
        if (!executors) {
          executors = await loadWorkerExecutors(store, { sandboxSeed: opts.sandboxSeed, env: opts.env, secretsKey: opts.secretsKey ?? null });
          for (const e of executors.errors) log('error', 'executor settings unreadable: only tasks for this workspace', { workspaceId: e.workspaceId, error: e.message });
          log('info', 'worker started', { executors: [...executors.registry.keys()], override: opts.executor ?? null, intervalSeconds: interval / 1000, database: store.dialect });
        }
        const { registry, registryFor, takeDueOutcomes } = executors;
        const r = await runWorkerPass(store, { registry, registryFor, override: opts.executor ?? null, log, shouldStop: () => stopping, takeDueOutcomes });
        if (r.executed || r.planned || r.outcomes) log('info', 'worker pass', { ...r });
      } catch (err) {
        log('error', 'worker pass failed', { error: (err as Error).message });
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, interval);
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
