import { z } from 'zod';
import { AppError } from '../../../core/app-error.ts';
import { isSealed } from '../../../access/secret-box.ts';
import { openSettingValue, redactSettingSecrets, sealSettingSecrets, sealSettingValue, secretIsSet, valueAt, type SecretSettingPath, type SettingsObject } from '../../../access/stored-secrets.ts';
import { sandboxSettingsSchema } from './configured-executors.ts';
import { smtpConfigSchema } from './smtp-executor.ts';
import { webhookConfigSchema } from './webhook-executor.ts';

/**
 * Changing a workspace's executor settings (`executors.smtp`,
 * `executors.webhook`, `executors.sandbox`) and the inbound webhook's
 * secret (`webhooks.outcomesSecret`), for `PUT /api/settings/executors` and
 * `scoutline settings executors --set`. Pure: given the stored settings and
 * the key, it answers the settings to store and which fields changed.
 *
 * Rules: a section left out is kept as stored; `null` removes it (the
 * environment applies again, docs/executors.md); a section given replaces
 * the stored one, except its secret: left out keeps the stored secret,
 * `null` clears it, a string sets it. Every secret is stored sealed, and any
 * still in clear elsewhere in the settings is sealed on the way.
 */
const secretValue = z.string().nullable().optional();

export const executorSettingsInputSchema = z
  .object({
    smtp: smtpConfigSchema
      .extend({ auth: z.object({ user: z.string().min(1), pass: secretValue }).strict().nullable().optional() })
      .strict()
      .nullable()
      .optional(),
    webhook: webhookConfigSchema.extend({ secret: secretValue }).strict().nullable().optional(),
    sandbox: sandboxSettingsSchema.strict().nullable().optional(),
    outcomesSecret: z.string().min(8, 'the outcomes webhook secret needs at least 8 characters').nullable().optional(),
  })
  .strict();
export type ExecutorSettingsInput = z.input<typeof executorSettingsInputSchema>;

export interface ExecutorSettingsChange {
  settings: SettingsObject;
  /** the setting paths whose value changed, e.g. `executors.smtp.host`, `executors.smtp.auth.pass` (never values) */
  changed: string[];
}

const unopenable = Symbol('unopenable');

export function applyExecutorSettingsInput(stored: SettingsObject, rawInput: unknown, workspaceId: string, key: Buffer): ExecutorSettingsChange {
  const input = parseOrRefuse(executorSettingsInputSchema, rawInput, '');
  const executors: SettingsObject = { ...asObject(stored.executors) };
  const webhooks: SettingsObject = { ...asObject(stored.webhooks) };
  const changed: string[] = [];
  // the previous secret in clear, for the diff (a value that no longer opens counts as changed when replaced)
  const previousClear = (path: SecretSettingPath): unknown => {
    try {
      return openSettingValue(valueAt(stored, path), workspaceId, path, key);
    } catch {
      return unopenable;
    }
  };
  // a kept secret must open: storing it again unopened would hide a broken key until the worker needs it
  const kept = (path: SecretSettingPath): string => {
    let v: unknown;
    try {
      v = openSettingValue(valueAt(stored, path), workspaceId, path, key);
    } catch {
      throw new AppError('config_error', `${path}: the stored secret cannot be opened with this server's key (was the key file or SCOUTLINE_SECRET_KEY changed?); send a new one, or null to clear it`, { setting: path });
    }
    return typeof v === 'string' ? v : '';
  };

  // a kept secret keeps its stored sealed text (no needless churn in the row); one kept in clear is sealed now
  const resealed = (path: SecretSettingPath, clear: string): string => {
    const v = valueAt(stored, path);
    return isSealed(v) ? v : sealSettingValue(clear, workspaceId, path, key);
  };

  if (input.smtp === null) {
    if (executors.smtp !== undefined) changed.push('executors.smtp');
    delete executors.smtp;
  } else if (input.smtp !== undefined) {
    const path = 'executors.smtp.auth.pass' as const;
    const a = input.smtp.auth;
    const auth = a ? { user: a.user, pass: a.pass === undefined ? kept(path) : (a.pass ?? '') } : null;
    const next = parseOrRefuse(smtpConfigSchema, { ...input.smtp, auth }, 'smtp');
    const before = asObjectOrUndefined(stored.executors, 'smtp');
    diffSection('executors.smtp', before && withSecret(before, ['auth', 'pass'], previousClear(path)), next, changed);
    executors.smtp = next.auth ? { ...next, auth: { user: next.auth.user, pass: a?.pass === undefined ? resealed(path, next.auth.pass) : sealSettingValue(next.auth.pass, workspaceId, path, key) } } : next;
  }

  if (input.webhook === null) {
    if (executors.webhook !== undefined) changed.push('executors.webhook');
    delete executors.webhook;
  } else if (input.webhook !== undefined) {
    const path = 'executors.webhook.secret' as const;
    const s = input.webhook.secret;
    const next = parseOrRefuse(webhookConfigSchema, { ...input.webhook, secret: s === undefined ? kept(path) : (s ?? '') }, 'webhook');
    const before = asObjectOrUndefined(stored.executors, 'webhook');
    diffSection('executors.webhook', before && withSecret(before, ['secret'], previousClear(path)), next, changed);
    executors.webhook = { ...next, secret: s === undefined ? resealed(path, next.secret) : sealSettingValue(next.secret, workspaceId, path, key) };
  }

  if (input.sandbox === null) {
    if (executors.sandbox !== undefined) changed.push('executors.sandbox');
    delete executors.sandbox;
  } else if (input.sandbox !== undefined) {
    const next = parseOrRefuse(sandboxSettingsSchema, input.sandbox, 'sandbox');
    diffSection('executors.sandbox', asObjectOrUndefined(stored.executors, 'sandbox'), next, changed);
    executors.sandbox = next;
  }

  if (input.outcomesSecret !== undefined) {
    const path = 'webhooks.outcomesSecret' as const;
    const before = previousClear(path);
    const next = input.outcomesSecret ?? '';
    if (before !== next && (secretIsSet(before) || next !== '' || before === unopenable)) changed.push(path);
    if (next === '') delete webhooks.outcomesSecret;
    else webhooks.outcomesSecret = sealSettingValue(next, workspaceId, path, key);
  }

  const settings: SettingsObject = { ...stored };
  if (Object.keys(executors).length > 0 || stored.executors !== undefined) settings.executors = executors;
  if (Object.keys(webhooks).length > 0 || stored.webhooks !== undefined) settings.webhooks = webhooks;
  // secrets still in clear in the sections left as they were: sealed on this write too
  return { settings: sealSettingSecrets(settings, workspaceId, key).settings, changed };
}

/** A secret as the API and CLI show it: whether it is stored, never its value. */
export const secretStateSchema = z.object({ set: z.boolean() });

/** A stored section as shown: the executor's settings with each secret as `{ set }` (defaults filled in, as the worker reads them). */
export const smtpSettingsViewSchema = smtpConfigSchema.extend({ auth: z.object({ user: z.string().min(1), pass: secretStateSchema }).nullable().default(null) });
export const webhookSettingsViewSchema = webhookConfigSchema.extend({ secret: secretStateSchema });
export const sandboxSettingsViewSchema = sandboxSettingsSchema;

/** What the API and CLI show: each section as stored (null: the environment applies), each secret as `{ set }`. */
export const executorSettingsViewSchema = z.object({
  smtp: smtpSettingsViewSchema.nullable(),
  webhook: webhookSettingsViewSchema.nullable(),
  sandbox: sandboxSettingsViewSchema.nullable(),
  outcomesSecret: secretStateSchema,
});
export type ExecutorSettingsView = z.infer<typeof executorSettingsViewSchema>;

export function executorSettingsView(stored: SettingsObject): ExecutorSettingsView {
  const r = redactSettingSecrets(stored);
  const section = <S extends z.ZodType>(name: string, schema: S): z.infer<S> | null => {
    const v = asObjectOrUndefined(r.executors, name);
    if (v === undefined) return null;
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data;
    // stored by hand or by an older version and not what the worker accepts either: say which field, never a value
    const issue = parsed.error.issues[0];
    const field = ['executors', name, ...(issue?.path ?? []).map(String)].join('.');
    throw new AppError('config_error', `${field}: the stored setting does not fit (${issue?.message ?? 'invalid'}); send the ${name} section again, or null to remove it`, { setting: field });
  };
  return {
    smtp: section('smtp', smtpSettingsViewSchema),
    webhook: section('webhook', webhookSettingsViewSchema),
    sandbox: section('sandbox', sandboxSettingsViewSchema),
    outcomesSecret: { set: secretIsSet(valueAt(stored, 'webhooks.outcomesSecret')) },
  };
}

function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = [where, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.') || '(body)';
  // the message names the field and the rule, never the value (zod 4 does not echo input in messages)
  throw new AppError('invalid_input', `${field}: ${issue?.message ?? 'invalid'}`, { field, issues: r.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].filter(Boolean), message: i.message })) });
}

function asObject(v: unknown): SettingsObject {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as SettingsObject) : {};
}

function asObjectOrUndefined(parent: unknown, name: string): SettingsObject | undefined {
  const v = asObject(parent)[name];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as SettingsObject) : undefined;
}

function withSecret(section: SettingsObject, path: string[], clear: unknown): SettingsObject {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...section, [head]: clear };
  const child = section[head];
  return child && typeof child === 'object' ? { ...section, [head]: withSecret(child as SettingsObject, rest, clear) } : section;
}

/** Adds to `changed` the leaf paths under `prefix` that differ (the whole section when it appears). */
function diffSection(prefix: string, before: SettingsObject | undefined, after: unknown, changed: string[]): void {
  if (before === undefined) {
    changed.push(prefix);
    return;
  }
  const a = leaves(before, prefix);
  const b = leaves(after, prefix);
  for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) changed.push(k);
}

function leaves(v: unknown, prefix: string, out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as SettingsObject);
    if (entries.length === 0) out.set(prefix, '{}');
    for (const [k, child] of entries) leaves(child, `${prefix}.${k}`, out);
  } else out.set(prefix, typeof v === 'symbol' ? v : Array.isArray(v) ? JSON.stringify(v) : v);
  return out;
}
