import type { Executor, OutcomeReport } from './executor.ts';
import { createExecutorRegistry, type ExecutorRegistry } from './executor-registry.ts';
import { SandboxExecutor } from './executors/sandbox-executor.ts';
import { smtpConfigFromEnv, SmtpExecutor } from './executors/smtp-executor.ts';
import { WebhookExecutor, webhookConfigSchema } from './executors/webhook-executor.ts';
import { TasksExecutor } from './tasks-executor.ts';

/**
 * The executors a worker process has: always `tasks` and `sandbox` (seeded,
 * its simulated answers come back through `takeDueOutcomes`), `smtp` when
 * SCOUTLINE_SMTP_HOST is set, `webhook` when SCOUTLINE_WEBHOOK_URL and
 * SCOUTLINE_WEBHOOK_SECRET are set. Routing (which one runs which channel)
 * is the registry's job (executor-registry.ts).
 */
export interface WorkerExecutors {
  registry: ExecutorRegistry;
  takeDueOutcomes: (now: string) => OutcomeReport[];
}

export function buildWorkerExecutors(opts: { sandboxSeed?: string | number; env?: NodeJS.ProcessEnv } = {}): WorkerExecutors {
  const env = opts.env ?? process.env;
  const sandbox = new SandboxExecutor({ seed: opts.sandboxSeed ?? env.SCOUTLINE_SANDBOX_SEED ?? 1 });
  const executors: Executor[] = [new TasksExecutor(), sandbox];
  const smtp = smtpConfigFromEnv(env);
  if (smtp) executors.push(new SmtpExecutor(smtp));
  if (env.SCOUTLINE_WEBHOOK_URL && env.SCOUTLINE_WEBHOOK_SECRET) {
    executors.push(new WebhookExecutor(webhookConfigSchema.parse({ url: env.SCOUTLINE_WEBHOOK_URL, secret: env.SCOUTLINE_WEBHOOK_SECRET })));
  }
  return { registry: createExecutorRegistry(executors), takeDueOutcomes: (now) => sandbox.takeDue(now) };
}
