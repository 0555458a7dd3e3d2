import type { Store } from '../db/open-database.ts';
import { parseWorkspaceSettings } from '../db/workspace-settings.ts';
import { sealSettingSecrets, type SecretSettingPath } from './stored-secrets.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

/**
 * One pass over every workspace at server start: secrets still in clear in
 * the settings (databases from before sealing, or a hand-edited row) are
 * sealed with the settings key. Each workspace in its own transaction, read
 * again inside it, so a settings write racing the pass is not undone.
 * Workspaces whose settings are not JSON are left alone and listed.
 */
export interface SealPassReport {
  sealed: Array<{ workspaceId: string; paths: SecretSettingPath[] }>;
  unreadable: string[];
}

export async function sealClearSecrets(store: Store, secretsKey: Buffer): Promise<SealPassReport> {
  const report: SealPassReport = { sealed: [], unreadable: [] };
  const ids = await store.db.selectFrom('workspaces').select('id').orderBy('id').execute();
  for (const { id } of ids) {
    await withWriteTransaction(store, async (trx) => {
      const row = await trx.selectFrom('workspaces').select('settings').where('id', '=', id).executeTakeFirst();
      if (!row) return;
      let settings;
      try {
        settings = parseWorkspaceSettings(row.settings);
      } catch {
        report.unreadable.push(id);
        return;
      }
      const r = sealSettingSecrets(settings, id, secretsKey);
      if (r.sealed.length === 0) return;
      await trx.updateTable('workspaces').set({ settings: JSON.stringify(r.settings) }).where('id', '=', id).execute();
      report.sealed.push({ workspaceId: id, paths: r.sealed });
    });
  }
  return report;
}
