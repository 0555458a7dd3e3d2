import type { Store } from '../../db/open-database.ts';
import type { Executor, OutcomeReport } from './executor.ts';
import { createExecutorRegistry, type ExecutorRegistry } from './executor-registry.ts';
import { configuredExecutors } from './executors/configured-executors.ts';
import { SandboxAnswerStore } from '../simulation/sandbox-answer-store.ts';
import type { SandboxExecutorOptions } from '../simulation/sandbox-executor.ts';
import type { WebhookExecutorDeps } from './executors/webhook-executor.ts';
import { TasksExecutor } from './tasks-executor.ts';
import type { DueOutcome } from './worker.ts';

/**
 * The executors a worker process has, per workspace. One source of truth:
 * `configuredExecutors` (executors/configured-executors.ts, docs/executors.md
 * "Configuration") builds smtp, webhook and sandbox from the workspace's
 * settings (`executors`) or else the environment (SCOUTLINE_SMTP_*,
 * SCOUTLINE_EXECUTOR_WEBHOOK_URL / _SECRET, SCOUTLINE_SANDBOX_SEED); `tasks`
 * is always there. The outgoing webhook's secret is never the inbound
 * outcomes webhook's (SCOUTLINE_WEBHOOK_SECRET, executors/webhook-secret.ts).
 * A `sandboxSeed` (worker `--seed`, fast-forward) wins over the configured
 * seed. Built once when the worker starts: restart it after changing the
 * executor settings. Routing (which one runs which channel) is the
 * registry's job (executor-registry.ts). Sealed secrets in the settings are
 * opened with `secretsKey` (the server's AccessContext.secretsKey, or
 * access/store-master-key.ts for the `worker` command); a workspace whose
 * secrets do not open gets only `tasks` and an entry in `errors`.
 */
export interface WorkerExecutors {
  /** the registry of a workspace without settings of its own (environment only) */
  registry: ExecutorRegistry;
  /** the registry for an action's workspace */
  registryFor: (workspaceId: string) => ExecutorRegistry;
  /** the sandbox answers due now, from every workspace's sandbox (from the database with `sandboxAnswers`) */
  takeDueOutcomes: (now: string) => OutcomeReport[] | Promise<DueOutcome[]>;
  /** workspaces whose executor settings could not be read: they get only `tasks` (other routes fail visibly) */
  errors: Array<{ workspaceId: string; message: string }>;
  /** closes SMTP connections */
  close: () => void;
}

export interface WorkerExecutorOptions {
  sandboxSeed?: string | number;
  env?: NodeJS.ProcessEnv;
  /** opens the sealed secrets in the settings; null or absent: none can be opened (clear values still work) */
  secretsKey?: Buffer | null;
  /** workspace id -> its settings JSON */
  settings?: ReadonlyMap<string, string | null>;
  deps?: { webhook?: WebhookExecutorDeps; sandbox?: Partial<SandboxExecutorOptions> };
  /** durable sandbox sends and answers, shared by every workspace's sandbox: a restarted worker resumes them */
  sandboxAnswers?: SandboxAnswerStore;
}

export function buildWorkerExecutors(opts: WorkerExecutorOptions = {}): WorkerExecutors {
  const env = opts.env ?? process.env;
  const answers = opts.sandboxAnswers;
  const sandboxDeps = { ...opts.deps?.sandbox, ...(opts.sandboxSeed !== undefined ? { seed: opts.sandboxSeed } : {}), ...(answers ? { answers } : {}) };
  const built: Executor[][] = [];
  const sandboxes: Array<{ takeDue(now: string): OutcomeReport[] }> = [];
  const build = (settingsJson: string | null, workspaceId = 'default'): ExecutorRegistry => {
    const c = configuredExecutors(settingsJson, env, { webhook: opts.deps?.webhook, sandbox: sandboxDeps, secrets: { workspaceId, key: opts.secretsKey ?? null } });
    sandboxes.push(c.sandbox);
    const executors = [new TasksExecutor(), ...c.executors];
    built.push(executors);
    return createExecutorRegistry(executors);
  };
  const fallback = build(null);
  const byWorkspace = new Map<string, ExecutorRegistry>();
  const errors: WorkerExecutors['errors'] = [];
  for (const [id, settings] of opts.settings ?? []) {
    if (!hasExecutorSettings(settings)) byWorkspace.set(id, fallback);
    else {
      try {
        byWorkspace.set(id, build(settings, id));
      } catch (err) {
        errors.push({ workspaceId: id, message: (err as Error).message });
        byWorkspace.set(id, createExecutorRegistry([new TasksExecutor()]));
      }
    }
  }
  return {
    registry: fallback,
    registryFor: (workspaceId) => byWorkspace.get(workspaceId) ?? fallback,
    takeDueOutcomes: answers
      ? async (now) =>
          (await answers.due(now)).map((a) => ({
            report: a.report,
            settle: (trx, at) => SandboxAnswerStore.markApplied(trx, a.id, at),
            discard: (at) => answers.discard(a.id, at),
          }))
      : (now) => sandboxes.flatMap((s) => s.takeDue(now)),
    errors,
    close: () => {
      // smtp (inside its secret-scrubbing wrapper) holds connections
      for (const list of built) for (const e of list) (e as { close?: () => void }).close?.();
    },
  };
}

/** Reads every workspace's settings and builds its executors (see buildWorkerExecutors), the sandbox's answers kept in `store`. */
export async function loadWorkerExecutors(store: Store, opts: Omit<WorkerExecutorOptions, 'settings'> = {}): Promise<WorkerExecutors> {
  const rows = await store.db.selectFrom('workspaces').select(['id', 'settings']).execute();
  return buildWorkerExecutors({ sandboxAnswers: new SandboxAnswerStore(store), ...opts, settings: new Map(rows.map((r) => [r.id, r.settings ?? null])) });
}

function hasExecutorSettings(settingsJson: string | null): boolean {
  if (!settingsJson) return false;
  try {
    return (JSON.parse(settingsJson) as { executors?: unknown })?.executors !== undefined;
  } catch {
    return true; // let configuredExecutors report the broken settings
  }
}
