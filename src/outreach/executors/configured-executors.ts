import { z } from 'zod';
import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../executor.ts';
import { SandboxExecutor, type SandboxExecutorOptions } from './sandbox-executor.ts';
import { resolveSandboxRates, sandboxRatesSchema } from './sandbox-linkedin.ts';
import { SmtpExecutor, smtpConfigFromEnv, smtpConfigSchema, type SmtpConfig } from './smtp-executor.ts';
import { WebhookExecutor, webhookConfigSchema, type WebhookConfig, type WebhookExecutorDeps } from './webhook-executor.ts';

/**
 * Builds the smtp, webhook and sandbox executors from a workspace's settings
 * and the environment, for the worker's executor registry (the `tasks`
 * executor needs no settings and is added by the worker).
 *
 * Workspace settings JSON, key `executors`:
 *   { "smtp": { host, port, secure, auth: { user, pass }, from, ... },
 *     "webhook": { url, secret, maxAttempts, baseDelayMs, maxDelayMs, timeoutMs },
 *     "sandbox": { seed, rates: { acceptance, inmailReply, ... } } }
 * Environment (used when the settings have no entry): SCOUTLINE_SMTP_HOST,
 * _PORT, _SECURE, _USER, _PASS, _FROM; SCOUTLINE_EXECUTOR_WEBHOOK_URL and
 * SCOUTLINE_EXECUTOR_WEBHOOK_SECRET; SCOUTLINE_SANDBOX_SEED.
 * An executor without settings is left out (routing an action to it then
 * fails visibly); the sandbox is always there.
 */
export const executorSettingsSchema = z
  .object({
    smtp: smtpConfigSchema.optional(),
    webhook: webhookConfigSchema.optional(),
    sandbox: z.object({ seed: z.union([z.string(), z.number()]).default('1'), rates: sandboxRatesSchema.partial().default({}) }).optional(),
  })
  .default({});

export interface ConfiguredExecutors {
  executors: Executor[];
  smtp: SmtpConfig | null;
  webhook: WebhookConfig | null;
  sandbox: SandboxExecutor;
}

export function configuredExecutors(
  settingsJson: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
  deps: { webhook?: WebhookExecutorDeps; sandbox?: Partial<SandboxExecutorOptions> } = {},
): ConfiguredExecutors {
  let raw: unknown = {};
  try {
    raw = settingsJson ? (JSON.parse(settingsJson) as { executors?: unknown })?.executors ?? {} : {};
  } catch {
    throw new AppError('invalid_input', 'workspace settings are not valid JSON');
  }
  const parsed = executorSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', `executor settings: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const s = parsed.data;
  const smtp = s.smtp ?? smtpConfigFromEnv(env);
  let webhook: WebhookConfig | null = s.webhook ?? null;
  if (!webhook && env.SCOUTLINE_EXECUTOR_WEBHOOK_URL) {
    const w = webhookConfigSchema.safeParse({ url: env.SCOUTLINE_EXECUTOR_WEBHOOK_URL, secret: env.SCOUTLINE_EXECUTOR_WEBHOOK_SECRET ?? '' });
    if (!w.success) throw new AppError('invalid_input', `webhook executor settings from the environment: ${w.error.issues[0]?.message}`);
    webhook = w.data;
  }
  const sandbox = new SandboxExecutor({ seed: s.sandbox?.seed ?? env.SCOUTLINE_SANDBOX_SEED ?? '1', rates: resolveSandboxRates(s.sandbox?.rates ?? {}), ...deps.sandbox });
  const executors: Executor[] = [sandbox];
  if (smtp) executors.push(new SmtpExecutor(smtp));
  if (webhook) executors.push(new WebhookExecutor(webhook, deps.webhook));
  return { executors, smtp, webhook, sandbox };
}
