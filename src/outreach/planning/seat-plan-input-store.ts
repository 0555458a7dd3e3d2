import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Seat } from '../../seats/seat.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { rowToCampaign } from '../campaigns/campaign-store.ts';
import { activeStates, type EnrollmentRow } from '../enrollment/enrollment-store.ts';
import type { PacingRules } from './pacing-rules.ts';
import { shouldWithdraw } from './pacing-rules.ts';
import type { PlannerCampaign } from './plan-day.ts';
import { localDateOf, type LocalDate } from './seat-calendar.ts';

/**
 * What the planner reads about one seat's campaigns and enrollments: the
 * worker (plan-seat-day.ts) plans from it and the Today page's forecast
 * (seat-outlook.ts) dry-runs the planner on it, so both see the same
 * enrollments.
 *
 * - running campaigns: their active enrollments, and their closed ones
 *   (finished, replied, stopped) whose request has been pending for the
 *   configured age (spec 4: withdrawn whatever became of the sequence);
 * - stopped campaigns (`withdrawalsOnly`): only enrollments whose request
 *   has been pending for the configured age, so a stopped campaign's
 *   requests do not count against the pending limit for ever.
 *
 * Campaigns come oldest first (the planner's round robin and ties follow
 * this order, never the random ids). Paused and draft campaigns give nothing. `isOpen` says which enrollments
 * have an open action (no second one is planned for them). Null when the
 * seat has no running or stopped campaign.
 */
export interface SeatPlanInput {
  /** running and stopped campaigns on the seat */
  campaigns: Campaign[];
  plannerCampaigns: PlannerCampaign[];
  rows: EnrollmentRow[];
}

export async function loadSeatPlanInput(
  db: Kysely<Database>,
  seat: Pick<Seat, 'id' | 'workspaceId' | 'timeZone'>,
  date: LocalDate,
  rules: PacingRules,
  isOpen: (enrollmentId: string) => boolean,
): Promise<SeatPlanInput | null> {
  const campaigns = (await db.selectFrom('outreach_campaigns').selectAll().where('workspace_id', '=', seat.workspaceId).where('status', 'in', ['running', 'stopped']).orderBy('created_at').orderBy('name').orderBy('id').execute())
    .map(rowToCampaign)
    .filter((c) => c.seatIds.includes(seat.id));
  if (campaigns.length === 0) return null;
  const running = campaigns.filter((c) => c.status === 'running').map((c) => c.id);
  const stopped = campaigns.filter((c) => c.status === 'stopped').map((c) => c.id);
  const rows =
    running.length === 0
      ? []
      : await db
          .selectFrom('outreach_enrollments')
          .selectAll()
          .where('seat_id', '=', seat.id)
          .where('campaign_id', 'in', running)
          .where('state', 'in', activeStates)
          .execute();
  const pending = await db
    .selectFrom('outreach_enrollments')
    .selectAll()
    .where('seat_id', '=', seat.id)
    .where((eb) => {
      const closed = eb.and([eb('campaign_id', 'in', running.length ? running : ['']), eb('state', 'in', ['finished', 'replied', 'stopped'])]);
      return stopped.length ? eb.or([closed, eb('campaign_id', 'in', stopped)]) : closed;
    })
    .where('invite_sent_at', 'is not', null)
    .where('accepted_at', 'is', null)
    .where('declined_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .execute();
  rows.push(...pending.filter((r) => !isOpen(r.id) && shouldWithdraw(localDateOf(r.invite_sent_at!, seat.timeZone), date, rules)));
  return {
    campaigns,
    plannerCampaigns: campaigns.map((c) => ({ id: c.id, sequence: c.sequence, ...(c.status === 'stopped' ? { withdrawalsOnly: true } : {}) })),
    rows,
  };
}
