import type { Kysely } from 'kysely';
import { AppError } from '../../../core/app-error.ts';
import type { Store } from '../../../db/open-database.ts';
import type { Database } from '../../../db/schema.ts';
import { parseWorkspaceSettings, readWorkspaceSettings } from '../../../db/workspace-settings.ts';
import { forUpdate, withWriteTransaction } from '../../../db/write-transaction.ts';
import { applyExecutorSettingsInput, executorSettingsView, type ExecutorSettingsView } from './executor-settings-update.ts';

/**
 * Reading and changing a workspace's executor settings and inbound webhook
 * secret (executor-settings-update.ts says the rules). The worker reads
 * them when it starts (restart it after a change, worker-executors.ts).
 */
export async function loadExecutorSettingsView(db: Kysely<Database>, workspaceId: string): Promise<ExecutorSettingsView> {
  return executorSettingsView(await readWorkspaceSettings(db, workspaceId, { mustExist: true }));
}

/** Stores the change and answers the new view and the changed paths; `inTransaction` commits with it (the audit entry) when something changed. */
export async function saveExecutorSettings(
  store: Pick<Store, 'db' | 'dialect'>,
  workspaceId: string,
  input: unknown,
  secretsKey: Buffer,
  opts: { inTransaction?: (trx: Kysely<Database>, changed: string[]) => Promise<void> } = {},
): Promise<{ view: ExecutorSettingsView; changed: string[] }> {
  return withWriteTransaction(store, async (trx) => {
    // locked: the settings JSON is one value, and another domain's write in between would be lost
    const row = await forUpdate(trx.selectFrom('workspaces').select('settings').where('id', '=', workspaceId), store.dialect).executeTakeFirst();
    if (!row) throw new AppError('not_found', `workspace '${workspaceId}' does not exist`, { workspaceId });
    const { settings, changed } = applyExecutorSettingsInput(parseWorkspaceSettings(row.settings), input, workspaceId, secretsKey);
    await trx.updateTable('workspaces').set({ settings: JSON.stringify(settings) }).where('id', '=', workspaceId).execute();
    if (changed.length > 0) await opts.inTransaction?.(trx, changed);
    return { view: executorSettingsView(settings), changed };
  });
}
