/**
 * The secret that signs inbound outcome webhooks: the workspace's settings
 * (`webhooks.outcomesSecret` in the workspace settings JSON) win, else the
 * environment variable SCOUTLINE_WEBHOOK_SECRET, which only the default
 * workspace falls back to (one server-wide secret must not open every
 * workspace to whoever holds it). Null when neither is set:
 * the inbound webhook then refuses every request (bad_signature).
 */
import type { Store } from '../../db/open-database.ts';

export function webhookSecretFrom(settingsJson: string | null | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (settingsJson) {
    try {
      const s = JSON.parse(settingsJson) as { webhooks?: { outcomesSecret?: unknown } };
      const v = s?.webhooks?.outcomesSecret;
      if (typeof v === 'string' && v.length > 0) return v;
    } catch {
      /* unreadable settings: fall back to the environment */
    }
  }
  return env.SCOUTLINE_WEBHOOK_SECRET && env.SCOUTLINE_WEBHOOK_SECRET.length > 0 ? env.SCOUTLINE_WEBHOOK_SECRET : null;
}

export async function loadWebhookSecret(store: Store, workspaceId: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const row = await store.db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  return webhookSecretFrom(row?.settings, workspaceId === 'default' ? env : {});
}
