import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { SeatWorker } from '../../access/seat-access.ts';
import { requireWorkableSeats } from '../../seats/seat-work-guard.ts';
import { getCampaignRow, rowToCampaign } from './campaign-store.ts';

/**
 * A campaign is worked through its seats: the caller may launch, pause,
 * stop, edit or add candidates to it only if they may work every one of
 * them. not_found for a campaign of another workspace.
 */
export async function requireWorkableCampaign(store: Store, workspaceId: string, who: SeatWorker, campaignId: string): Promise<void> {
  const campaign = rowToCampaign(await getCampaignRow(store.db, workspaceId, campaignId));
  await requireWorkableSeats(store, workspaceId, who, campaign.seatIds);
}

/** The seat of a task of the workspace, checked the same way (not_found for another workspace's task). */
export async function requireWorkableTask(store: Store, workspaceId: string, who: SeatWorker, actionId: string): Promise<void> {
  const task = await store.db.selectFrom('outreach_actions').select('seat_id').where('id', '=', actionId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!task) throw new AppError('not_found', `task ${actionId} does not exist`, { id: actionId });
  await requireWorkableSeats(store, workspaceId, who, [task.seat_id]);
}
