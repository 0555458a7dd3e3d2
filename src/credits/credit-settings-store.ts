import type { Database, Db } from '../db/schema.ts';
import { readWorkspaceSettings, writeWorkspaceSettingsKey } from '../db/workspace-settings.ts';
import { creditOverridesSchema, resolveCreditConfig, type CreditConfig, type CreditOverrides } from './credit-config.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';
import type { Store } from '../db/open-database.ts';

/**
 * A workspace's overrides of the plan catalogue and the credit rules, kept
 * in the workspace settings JSON under the key `credits` (other keys of the
 * settings belong to other domains and are left as they are).
 */

export async function loadCreditOverrides(db: Db, workspaceId: string): Promise<CreditOverrides> {
  const settings = await readWorkspaceSettings(db, workspaceId, { mustExist: true });
  return (settings.credits ?? {}) as CreditOverrides;
}

export async function creditConfigFor(db: Db, workspaceId: string): Promise<CreditConfig> {
  return resolveCreditConfig(await loadCreditOverrides(db, workspaceId));
}

/**
 * Validates and stores the overrides (replacing the previous ones); returns
 * the resulting configuration. `inTransaction` commits with the change (the
 * audit entry).
 */
export async function saveCreditOverrides(
  store: Pick<Store, 'db' | 'dialect'>,
  workspaceId: string,
  overrides: unknown,
  opts: { inTransaction?: (trx: Db, saved: CreditOverrides) => Promise<void> } = {},
): Promise<CreditConfig> {
  const config = resolveCreditConfig(overrides);
  const parsed = creditOverridesSchema.parse(overrides ?? {});
  await withWriteTransaction(store, async (trx) => {
    await writeWorkspaceSettingsKey(trx, workspaceId, 'credits', () => parsed);
    await opts.inTransaction?.(trx, parsed);
  });
  return config;
}
