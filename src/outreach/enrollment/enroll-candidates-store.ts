import type { Kysely } from 'kysely';
import type { Candidate } from '../../candidates/candidate.ts';
import type { Database } from '../../db/schema.ts';
import type { RankingModel } from '../../ranking/ranking-model.ts';
import type { RoleProfile } from '../../ranking/role-profile.ts';
import type { Seat } from '../../seats/seat.ts';
import { enrollmentPriority } from './candidate-priority.ts';
import { enrollmentId } from './enrollment-store.ts';

/**
 * Writes queued enrollments for candidates of a campaign, inside the
 * caller's write transaction (campaign creation and "add to campaign").
 * Seats take candidates in turn (the connection then belongs to that seat's
 * account); `firstTurn` continues the turns after the candidates already
 * enrolled. Each enrollment's priority comes from src/ranking unless
 * `priorities` names it.
 */
export interface EnrollCandidatesInput {
  workspaceId: string;
  campaignId: string;
  seats: readonly Seat[];
  candidates: readonly Candidate[];
  role: RoleProfile | null;
  model: RankingModel;
  /** explicit priorities by candidate id; they win over ranking */
  priorities?: Readonly<Record<string, number>>;
  now: string;
  /** when priorities are scored (default: now) */
  scoreAt?: string;
  /** the campaign's search query, the role when there is none (candidate-priority.ts) */
  sourceQuery: string | null;
  /** the seat turn of the first candidate (default 0) */
  firstTurn?: number;
}

export async function enrollCandidates(trx: Kysely<Database>, input: EnrollCandidatesInput): Promise<void> {
  const { workspaceId, campaignId, seats, role, model, now, sourceQuery } = input;
  const at = new Date(input.scoreAt ?? now);
  const firstTurn = input.firstTurn ?? 0;
  const rows = input.candidates.map((c, i) => {
    const seat = seats[(firstTurn + i) % seats.length]!;
    return {
      id: enrollmentId(campaignId, c.id),
      workspace_id: workspaceId,
      campaign_id: campaignId,
      candidate_id: c.id,
      seat_id: seat.id,
      state: 'queued',
      position: 0,
      priority: enrollmentPriority(c, role, seat, model, at, input.priorities?.[String(c.id)], sourceQuery),
      has_email: c.emails.length > 0 ? 1 : 0,
      emails: JSON.stringify(c.emails),
      profile_url: c.profileUrl,
      open_profile: c.linkedin.openProfile ? 1 : 0,
      connected: c.linkedin.degree === 1 ? 1 : 0,
      enrolled_at: now,
      invite_sent_at: null,
      accepted_at: null,
      declined_at: null,
      withdrawn_at: null,
      last_action_at: null,
      replied_at: null,
      reply_kind: null,
      updated_at: now,
    };
  });
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('outreach_enrollments').values(rows.slice(i, i + 200)).execute();
}
