import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Database } from '../db/schema.ts';
import { readWorkspaceSettings, writeWorkspaceSettingsKey } from '../db/workspace-settings.ts';
import { privacySettingsFrom, privacySettingsSchema, type PrivacySettings, type RetentionRun, type StoredPrivacySettings } from './privacy-settings.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const privacySettingsKey = 'privacy';

export async function loadPrivacySettings(db: Db, workspaceId: string): Promise<StoredPrivacySettings> {
  return privacySettingsFrom((await readWorkspaceSettings(db, workspaceId))[privacySettingsKey]);
}

/** Validates and replaces the settings people set (the last retention run is kept); refused whole with invalid_input naming the field. */
export function parsePrivacySettings(raw: unknown): PrivacySettings {
  const parsed = privacySettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('invalid_input', `invalid privacy settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ')}`, {
      fields: parsed.error.issues.map((i) => i.path.join('.')),
    });
  }
  return parsed.data;
}

export async function savePrivacySettings(db: Kysely<Database>, workspaceId: string, settings: PrivacySettings): Promise<StoredPrivacySettings> {
  let saved: StoredPrivacySettings | undefined;
  await db.transaction().execute(async (trx) => {
    await writeWorkspaceSettingsKey(trx, workspaceId, privacySettingsKey, (previous) => {
      saved = { ...settings, lastRetentionRun: privacySettingsFrom(previous).lastRetentionRun };
      return saved;
    });
  });
  return saved!;
}

export async function recordRetentionRun(db: Db, workspaceId: string, run: RetentionRun): Promise<void> {
  await writeWorkspaceSettingsKey(db, workspaceId, privacySettingsKey, (previous) => ({ ...privacySettingsFrom(previous), lastRetentionRun: run }));
}
