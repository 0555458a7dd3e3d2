import { AppError } from '../core/app-error.ts';
import { isSealed, openSecret, sealSecret } from './secret-box.ts';

/**
 * Which workspace settings are secrets, and how they are kept: sealed with
 * the server's settings key (AccessContext.secretsKey, secret-box.ts) under
 * the context `workspace:<id>:<path>`, so a sealed value copied to another
 * field or another workspace does not open. Values still in clear (databases
 * from before sealing) are read as they are and sealed on the next write or
 * at server start (seal-clear-secrets.ts). Pure: the caller gives the
 * settings object and the key.
 */
export const secretSettingPaths = ['executors.smtp.auth.pass', 'executors.webhook.secret', 'webhooks.outcomesSecret'] as const;
export type SecretSettingPath = (typeof secretSettingPaths)[number];

export type SettingsObject = Record<string, unknown>;

export function secretContext(workspaceId: string, path: SecretSettingPath): string {
  return `workspace:${workspaceId}:${path}`;
}

/** The value at a dotted path, or undefined when a step is missing or not an object. */
export function valueAt(settings: unknown, path: string): unknown {
  let v: unknown = settings;
  for (const part of path.split('.')) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** A copy of `settings` with the value at `path` replaced (only along an existing path of objects: a missing parent is left missing). */
function withValueAt(settings: SettingsObject, path: string, value: unknown): SettingsObject {
  const [head, ...rest] = path.split('.');
  const child = settings[head];
  if (rest.length === 0) return { ...settings, [head]: value };
  if (!child || typeof child !== 'object' || Array.isArray(child)) return settings;
  return { ...settings, [head]: withValueAt(child as SettingsObject, rest.join('.'), value) };
}

/** Whether a secret value is there: a non-empty string, clear or sealed. */
export function secretIsSet(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

/** Seals one value for `path` of `workspaceId`; an empty string stays empty (nothing to hide, and it reads as "not set"). */
export function sealSettingValue(plain: string, workspaceId: string, path: SecretSettingPath, key: Buffer): string {
  return plain === '' ? '' : sealSecret(plain, key, secretContext(workspaceId, path));
}

/**
 * The clear value of one secret setting: a sealed value is opened with
 * `key` (a wrong key, a damaged value, or a value sealed for another field
 * or workspace is a config_error naming the setting, never its value);
 * a value still in clear is returned as it is.
 */
export function openSettingValue(value: unknown, workspaceId: string, path: SecretSettingPath, key: Buffer | null): unknown {
  if (!isSealed(value)) return value;
  if (!key) throw new AppError('config_error', `setting ${path} of workspace ${workspaceId} is encrypted, but no key was given to open it (SCOUTLINE_SECRET_KEY or the key file)`, { workspaceId, setting: path });
  return openSecret(value, key, secretContext(workspaceId, path));
}

/** `settings` with every secret still in clear sealed; `sealed` names the paths that were. Already sealed values are kept byte for byte. */
export function sealSettingSecrets(settings: SettingsObject, workspaceId: string, key: Buffer): { settings: SettingsObject; sealed: SecretSettingPath[] } {
  let out = settings;
  const sealed: SecretSettingPath[] = [];
  for (const path of secretSettingPaths) {
    const v = valueAt(out, path);
    if (typeof v !== 'string' || v === '' || isSealed(v)) continue;
    out = withValueAt(out, path, sealSettingValue(v, workspaceId, path, key));
    sealed.push(path);
  }
  return { settings: out, sealed };
}

/** `settings` with every sealed secret opened, for the code that uses them (executors, the webhook check). */
export function openSettingSecrets(settings: SettingsObject, workspaceId: string, key: Buffer | null, paths: readonly SecretSettingPath[] = secretSettingPaths): SettingsObject {
  let out = settings;
  for (const path of paths) {
    const v = valueAt(out, path);
    if (isSealed(v)) out = withValueAt(out, path, openSettingValue(v, workspaceId, path, key));
  }
  return out;
}

/** `settings` with every secret replaced by `{ set: true | false }`: what the API and CLI show. */
export function redactSettingSecrets(settings: SettingsObject): SettingsObject {
  let out = settings;
  for (const path of secretSettingPaths) {
    const parent = valueAt(out, path.split('.').slice(0, -1).join('.'));
    if (!parent || typeof parent !== 'object' || Array.isArray(parent)) continue;
    out = withValueAt(out, path, { set: secretIsSet(valueAt(out, path)) });
  }
  return out;
}
