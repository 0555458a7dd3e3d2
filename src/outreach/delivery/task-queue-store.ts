import type { Store } from '../../db/open-database.ts';
import type { LintFinding } from '../../messages/lint-finding.ts';
import type { Channel } from '../../core/channel.ts';

/**
 * The task queue (the `tasks` executor's inbox): due actions waiting for
 * the recruiter, each with the final text and the profile link, oldest due
 * first. Answered with `completeTask` (done / skipped / failed). Each task
 * carries the lint findings stored with its text when it was queued (only
 * warnings: a text with lint errors is never queued), and its template
 * variant, so the recruiter sees both before sending.
 */
export interface Task {
  actionId: string;
  campaignId: string;
  campaignName: string;
  seatId: string;
  candidateId: number;
  candidateName: string;
  channel: Channel;
  stepKey: string;
  subject: string | null;
  body: string;
  withNote: boolean;
  profileUrl: string | null;
  email: string | null;
  dueAt: string;
  variant: string | null;
  lint: LintFinding[];
}

/** The findings stored with an action (JSON; null for actions queued before they were stored). */
export function parseStoredLint(json: string | null): LintFinding[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as LintFinding[]) : [];
  } catch {
    return [];
  }
}

/** `seatIds`: only these seats' tasks (a recruiter's own seats). */
export async function listTasks(store: Pick<Store, 'db'>, workspaceId: string, opts: { seatId?: string; seatIds?: readonly string[]; limit?: number } = {}): Promise<Task[]> {
  if (opts.seatIds && opts.seatIds.length === 0) return [];
  let q = store.db
    .selectFrom('outreach_actions as a')
    .innerJoin('outreach_campaigns as c', 'c.id', 'a.campaign_id')
    .leftJoin('candidates as p', 'p.id', 'a.candidate_id')
    .select(['a.id', 'a.campaign_id', 'c.name as campaign_name', 'a.seat_id', 'a.candidate_id', 'p.name as candidate_name', 'a.channel', 'a.step_key', 'a.subject', 'a.body', 'a.with_note', 'a.profile_url', 'a.email', 'a.due_at', 'a.variant', 'a.lint'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.status', '=', 'awaiting_person');
  if (opts.seatId) q = q.where('a.seat_id', '=', opts.seatId);
  if (opts.seatIds) q = q.where('a.seat_id', 'in', [...opts.seatIds]);
  const rows = await q.orderBy('a.due_at').limit(opts.limit ?? 200).execute();
  return rows.map((r) => ({
    actionId: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    seatId: r.seat_id,
    candidateId: Number(r.candidate_id),
    candidateName: r.candidate_name ?? `#${r.candidate_id}`,
    // written from a sequence step's channel (outreach_actions.channel holds only these)
    channel: r.channel as Channel,
    stepKey: r.step_key,
    subject: r.subject,
    body: r.body ?? '',
    withNote: Number(r.with_note) === 1,
    profileUrl: r.profile_url,
    email: r.email,
    dueAt: r.due_at,
    variant: r.variant,
    lint: parseStoredLint(r.lint),
  }));
}
