import { AppError } from '../core/app-error.ts';
import type { Database, Db } from './schema.ts';

/**
 * The workspace settings: one JSON object in `workspaces.settings`, one key
 * per domain (`credits`, `outreach`, `webhooks`). Each domain reads and
 * replaces only its own key; the others are written back as they were.
 */
export type WorkspaceSettings = Record<string, unknown>;


export function parseWorkspaceSettings(text: string | null): WorkspaceSettings {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as WorkspaceSettings) : {};
  } catch {
    throw new AppError('storage_error', 'workspace settings are not valid JSON');
  }
}

/** The settings of a workspace; `{}` for a workspace without settings, and for an unknown one unless it must exist. */
export async function readWorkspaceSettings(db: Db, workspaceId: string, opts: { mustExist?: boolean } = {}): Promise<WorkspaceSettings> {
  const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  if (!row && opts.mustExist) throw new AppError('not_found', `workspace '${workspaceId}' does not exist`, { workspaceId });
  return parseWorkspaceSettings(row?.settings ?? null);
}

/** Replaces one key of a workspace's settings with `update(previous value)`; call it inside a transaction. */
export async function writeWorkspaceSettingsKey(trx: Db, workspaceId: string, key: string, update: (previous: unknown) => unknown): Promise<void> {
  const settings = await readWorkspaceSettings(trx, workspaceId, { mustExist: true });
  settings[key] = update(settings[key]);
  await trx.updateTable('workspaces').set({ settings: JSON.stringify(settings) }).where('id', '=', workspaceId).execute();
}
