import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Database } from '../db/schema.ts';
import { creditOverridesSchema, resolveCreditConfig, type CreditConfig, type CreditOverrides } from './credit-config.ts';

/**
 * A workspace's overrides of the plan catalogue and the credit rules, kept
 * in the workspace settings JSON under the key `credits` (other keys of the
 * settings belong to other domains and are left as they are).
 */
type Db = Kysely<Database> | Transaction<Database>;

export async function loadCreditOverrides(db: Db, workspaceId: string): Promise<CreditOverrides> {
  const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  if (!row) throw new AppError('not_found', `workspace '${workspaceId}' does not exist`, { workspaceId });
  const settings = parseSettings(row.settings);
  return (settings.credits ?? {}) as CreditOverrides;
}

export async function creditConfigFor(db: Db, workspaceId: string): Promise<CreditConfig> {
  return resolveCreditConfig(await loadCreditOverrides(db, workspaceId));
}

/** Validates and stores the overrides (replacing the previous ones); returns the resulting configuration. */
export async function saveCreditOverrides(db: Kysely<Database>, workspaceId: string, overrides: unknown): Promise<CreditConfig> {
  const config = resolveCreditConfig(overrides);
  const parsed = creditOverridesSchema.parse(overrides ?? {});
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `workspace '${workspaceId}' does not exist`, { workspaceId });
    const settings = parseSettings(row.settings);
    settings.credits = parsed;
    await trx.updateTable('workspaces').set({ settings: JSON.stringify(settings) }).where('id', '=', workspaceId).execute();
  });
  return config;
}

function parseSettings(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    throw new AppError('storage_error', 'workspace settings are not valid JSON');
  }
}
