import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';

/**
 * The campaign a recruiter means on the command line: its id, or its name
 * (case and surrounding spaces aside) when exactly one campaign has it.
 * Nothing matching, or a name shared by several, is not_found with what to
 * do next.
 */
export async function resolveCampaignRef(store: Pick<Store, 'db'>, workspaceId: string, ref: string): Promise<string> {
  const rows = await store.db.selectFrom('outreach_campaigns').select(['id', 'name']).where('workspace_id', '=', workspaceId).execute();
  if (rows.some((r) => r.id === ref)) return ref;
  const wanted = ref.trim().toLowerCase();
  const named = rows.filter((r) => r.name.trim().toLowerCase() === wanted);
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1) throw new AppError('not_found', `${named.length} campaigns are named "${ref}" (${named.map((r) => r.id).join(', ')}): give the id`, { campaign: ref });
  throw new AppError('not_found', `no campaign with the id or name "${ref}". \`scoutline campaign list\` shows the campaigns`, { campaign: ref });
}
