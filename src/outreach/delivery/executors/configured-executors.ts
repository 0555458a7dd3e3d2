import { z } from 'zod';
import { AppError } from '../../../core/app-error.ts';
import { openSettingSecrets, type SettingsObject } from '../../../access/stored-secrets.ts';
import type { Executor } from '../executor.ts';
import { SandboxExecutor, type SandboxExecutorOptions } from '../../simulation/sandbox-executor.ts';
import { resolveSandboxRates, sandboxRatesSchema } from '../../simulation/sandbox-linkedin.ts';
import { SmtpExecutor, smtpConfigFromEnv, smtpConfigSchema, type SmtpConfig } from './smtp-executor.ts';
import { WebhookExecutor, webhookConfigSchema, type WebhookConfig, type WebhookExecutorDeps } from './webhook-executor.ts';
import { SecretScrubbingExecutor, secretForms } from './secret-scrubbing-executor.ts';
import { zodIssuesToAppError } from '../../../core/zod-issues.ts';

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
 *
 * Secrets (`smtp.auth.pass`, `webhook.secret`) are stored sealed
 * (access/stored-secrets.ts): `secrets` gives the workspace and the key that
 * open them. A sealed value without a key, or with the wrong one, is a
 * config_error naming the setting. The smtp and webhook executors are
 * wrapped so their failure messages never carry the secret
 * (secret-scrubbing-executor.ts).
 */
export const sandboxSettingsSchema = z.object({ seed: z.union([z.string(), z.number()]).default('1'), rates: sandboxRatesSchema.partial().default({}) });

export const executorSettingsSchema = z
  .object({
    smtp: smtpConfigSchema.optional(),
    webhook: webhookConfigSchema.optional(),
    sandbox: sandboxSettingsSchema.optional(),
  })
  .default({});

export interface ConfiguredExecutors {
  executors: Executor[];
  smtp: SmtpConfig | null;
  webhook: WebhookConfig | null;
  sandbox: SandboxExecutor;
}

const executorSecretPaths = ['executors.smtp.auth.pass', 'executors.webhook.secret'] as const;

export interface ConfiguredExecutorDeps {
  webhook?: WebhookExecutorDeps;
  sandbox?: Partial<SandboxExecutorOptions>;
  /** the settings' workspace and the key that opens their sealed secrets (AccessContext.secretsKey); null key: none loaded */
  secrets?: { workspaceId: string; key: Buffer | null };
}

export function configuredExecutors(settingsJson: string | null | undefined, env: NodeJS.ProcessEnv = process.env, deps: ConfiguredExecutorDeps = {}): ConfiguredExecutors {
  let settings: unknown = {};
  try {
    settings = settingsJson ? JSON.parse(settingsJson) : {};
  } catch {
    throw new AppError('invalid_input', 'workspace settings are not valid JSON');
  }
  if (settings && typeof settings === 'object' && !Array.isArray(settings)) {
    settings = openSettingSecrets(settings as SettingsObject, deps.secrets?.workspaceId ?? 'default', deps.secrets?.key ?? null, executorSecretPaths);
  }
  const raw: unknown = (settings as { executors?: unknown } | null)?.executors ?? {};
  const parsed = executorSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw zodIssuesToAppError(parsed.error.issues, 'executor settings', { prefix: 'executor settings', root: '(root)' });
  }
  const s = parsed.data;
  const smtp = s.smtp ?? smtpConfigFromEnv(env);
  let webhook: WebhookConfig | null = s.webhook ?? null;
  if (!webhook && env.SCOUTLINE_EXECUTOR_WEBHOOK_URL) {
    const w = webhookConfigSchema.safeParse({ url: env.SCOUTLINE_EXECUTOR_WEBHOOK_URL, secret: env.SCOUTLINE_EXECUTOR_WEBHOOK_SECRET ?? '' });
    if (!w.success) throw zodIssuesToAppError(w.error.issues, 'webhook executor settings from the environment', { prefix: 'webhook executor settings from the environment', root: '(root)' });
    webhook = w.data;
  }
  const sandbox = new SandboxExecutor({ seed: s.sandbox?.seed ?? env.SCOUTLINE_SANDBOX_SEED ?? '1', rates: resolveSandboxRates(s.sandbox?.rates ?? {}), ...deps.sandbox });
  const executors: Executor[] = [sandbox];
  if (smtp) executors.push(new SecretScrubbingExecutor(new SmtpExecutor(smtp), secretForms(smtp.auth?.pass ?? '', smtp.auth?.user)));
  if (webhook) executors.push(new SecretScrubbingExecutor(new WebhookExecutor(webhook, deps.webhook), secretForms(webhook.secret)));
  return { executors, smtp, webhook, sandbox };
}
