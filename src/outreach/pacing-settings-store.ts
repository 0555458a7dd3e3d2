import type { Kysely } from 'kysely';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { Database } from '../db/schema.ts';
import { pacingRulesSchema, type PacingRules } from './pacing-rules.ts';
import { withWriteTransaction } from './write-transaction.ts';

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
  const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  const settings = parseSettings(row?.settings ?? null);
  const outreach = settings.outreach as { pacing?: unknown } | undefined;
  return pacingRulesFrom(outreach?.pacing);
}

/** Validates and stores the workspace's pacing overrides (replacing the previous ones); returns the rules in force. */
export async function savePacingRules(store: Pick<Store, 'db' | 'dialect'>, workspaceId: string, raw: unknown): Promise<PacingRules> {
  const rules = pacingRulesFrom(raw);
  await withWriteTransaction(store, async (trx) => {
    const row = await trx.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `workspace '${workspaceId}' does not exist`, { workspaceId });
    const settings = parseSettings(row.settings);
    const outreach = settings.outreach && typeof settings.outreach === 'object' ? (settings.outreach as Record<string, unknown>) : {};
    settings.outreach = { ...outreach, pacing: raw ?? {} };
    await trx.updateTable('workspaces').set({ settings: JSON.stringify(settings) }).where('id', '=', workspaceId).execute();
  });
  return rules;
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
