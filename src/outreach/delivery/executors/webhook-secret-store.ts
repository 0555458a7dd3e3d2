/**
 * The secret that signs inbound outcome webhooks: the workspace's settings
 * (`webhooks.outcomesSecret` in the workspace settings JSON) win, else the
 * environment variable SCOUTLINE_WEBHOOK_SECRET, which only the default
 * workspace falls back to (one server-wide secret must not open every
 * workspace to whoever holds it). Null when neither is set:
 * the inbound webhook then refuses every request (bad_signature).
 *
 * The setting is stored sealed (access/stored-secrets.ts) and opened here
 * with the server's settings key; a value still in clear (an old database)
 * is used as it is. A sealed value that does not open with `key` is a
 * config_error: never silently "no secret", which would fall back to the
 * environment's.
 */
import type { Store } from '../../../db/open-database.ts';
import { openSettingValue } from '../../../access/stored-secrets.ts';

export function webhookSecretFrom(
  settingsJson: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
  secrets: { workspaceId: string; key: Buffer | null } = { workspaceId: 'default', key: null },
): string | null {
  let stored: unknown;
  if (settingsJson) {
    try {
      const s = JSON.parse(settingsJson) as { webhooks?: { outcomesSecret?: unknown } };
      stored = s?.webhooks?.outcomesSecret;
    } catch {
      /* unreadable settings: fall back to the environment */
    }
  }
  const v = openSettingValue(stored, secrets.workspaceId, 'webhooks.outcomesSecret', secrets.key);
  if (typeof v === 'string' && v.length > 0) return v;
  return env.SCOUTLINE_WEBHOOK_SECRET && env.SCOUTLINE_WEBHOOK_SECRET.length > 0 ? env.SCOUTLINE_WEBHOOK_SECRET : null;
}

export async function loadWebhookSecret(store: Store, workspaceId: string, key: Buffer | null, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const row = await store.db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  return webhookSecretFrom(row?.settings, workspaceId === 'default' ? env : {}, { workspaceId, key });
}
