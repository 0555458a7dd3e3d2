import { zodIssuesText } from '../core/zod-issues.ts';
import { AppError } from '../core/app-error.ts';
import type { Database, Db } from '../db/schema.ts';
import { readWorkspaceSettings, writeWorkspaceSettingsKey } from '../db/workspace-settings.ts';
import { privacySettingsFrom, privacySettingsSchema, type PrivacySettings, type RetentionRun, type StoredPrivacySettings } from './privacy-settings.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';
import type { Store } from '../db/open-database.ts';


export const privacySettingsKey = 'privacy';

export async function loadPrivacySettings(db: Db, workspaceId: string): Promise<StoredPrivacySettings> {
  return privacySettingsFrom((await readWorkspaceSettings(db, workspaceId))[privacySettingsKey]);
}

/** Validates and replaces the settings people set (the last retention run is kept); refused whole with invalid_input naming the field. */
export function parsePrivacySettings(raw: unknown): PrivacySettings {
  const parsed = privacySettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('invalid_input', `invalid privacy settings: ${zodIssuesText(parsed.error.issues, 'settings')}`, {
      fields: parsed.error.issues.map((i) => i.path.join('.')),
    });
  }
  return parsed.data;
}

/** Saves the settings; `audit` runs in the same transaction with the names of the fields that changed (never their values). */
export async function savePrivacySettings(
  store: Pick<Store, 'db' | 'dialect'>,
  workspaceId: string,
  settings: PrivacySettings,
  opts: { audit?: (trx: Db, changed: string[]) => Promise<void> } = {},
): Promise<{ settings: StoredPrivacySettings; changed: string[] }> {
  let saved: StoredPrivacySettings | undefined;
  let changed: string[] = [];
  await withWriteTransaction(store, async (trx) => {
    await writeWorkspaceSettingsKey(trx, workspaceId, privacySettingsKey, (previous) => {
      const before = privacySettingsFrom(previous);
      saved = { ...settings, lastRetentionRun: before.lastRetentionRun };
      changed = changedFields(before, saved);
      return saved;
    });
    await opts.audit?.(trx, changed);
  });
  return { settings: saved!, changed };
}

/** Field paths whose value differs ('retention.months', 'privacyNoticeUrl', ...). */
export function changedFields(a: PrivacySettings, b: PrivacySettings): string[] {
  const out: string[] = [];
  for (const k of ['lawfulBasis', 'lawfulBasisNote', 'privacyNoticeUrl'] as const) if (a[k] !== b[k]) out.push(k);
  for (const k of ['months', 'action', 'schedule'] as const) if (a.retention[k] !== b.retention[k]) out.push(`retention.${k}`);
  return out;
}

export async function recordRetentionRun(db: Db, workspaceId: string, run: RetentionRun): Promise<void> {
  await writeWorkspaceSettingsKey(db, workspaceId, privacySettingsKey, (previous) => ({ ...privacySettingsFrom(previous), lastRetentionRun: run }));
}
