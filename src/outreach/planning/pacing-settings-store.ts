import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { Database } from '../../db/schema.ts';
import { readWorkspaceSettings, writeWorkspaceSettingsKey } from '../../db/workspace-settings.ts';
import { pacingRulesSchema, type PacingRules } from './pacing-rules.ts';
import { withWriteTransaction } from '../../db/write-transaction.ts';

/**
 * A workspace's pacing rules (spec 4: withdrawal age, pending limit,
 * re-invite block, note quota, daily limits, weekday weights), kept in the
 * workspace settings JSON under `outreach.pacing`; every rule left out takes
 * its default (pacing-rules.ts). Other settings keys are left as they are.
 * The planner and the claim read them per workspace.
 */
export function pacingRulesFrom(raw: unknown): PacingRules {
  const parsed = pacingRulesSchema.strict().safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', `outreach.pacing.${issue?.path.join('.') || '(root)'}: ${issue?.message}`, { path: issue?.path ?? [] });
  }
  return parsed.data;
}

export async function loadPacingRules(db: Kysely<Database>, workspaceId: string): Promise<PacingRules> {
  const outreach = (await readWorkspaceSettings(db, workspaceId)).outreach as { pacing?: unknown } | undefined;
  return pacingRulesFrom(outreach?.pacing);
}

/**
 * Validates and stores the workspace's pacing overrides (replacing the
 * previous ones); returns the rules in force. `inTransaction` commits with
 * the change (the audit entry).
 */
export async function savePacingRules(
  store: Pick<Store, 'db' | 'dialect'>,
  workspaceId: string,
  raw: unknown,
  opts: { inTransaction?: (trx: Kysely<Database>) => Promise<void> } = {},
): Promise<PacingRules> {
  const rules = pacingRulesFrom(raw);
  await withWriteTransaction(store, async (trx) => {
    await writeWorkspaceSettingsKey(trx, workspaceId, 'outreach', (previous) => ({
      ...(previous && typeof previous === 'object' ? (previous as Record<string, unknown>) : {}),
      pacing: raw ?? {},
    }));
    await opts.inTransaction?.(trx);
  });
  return rules;
}
