import type { Candidate } from '../candidates/candidate.ts';
import type { Seat } from '../seats/seat.ts';
import { scoreCandidate } from '../ranking/candidate-score.ts';
import type { RankingModel } from '../ranking/ranking-model.ts';
import { resolveRole } from '../ranking/resolved-role.ts';
import type { RoleProfile } from '../ranking/role-profile.ts';

/**
 * A candidate's priority (0-100) when a campaign enrolls them: the ranking
 * engine's priority for the campaign's role with the workspace's model.
 * Without a role, a neutral 50 (so "priority at least X" conditions only
 * pass for explicitly ranked campaigns); explicit priorities given at
 * creation win over both.
 */
export const neutralPriority = 50;

export function enrollmentPriority(
  candidate: Candidate,
  role: RoleProfile | null,
  seat: Pick<Seat, 'employers' | 'schools'> | null,
  model: RankingModel,
  now: Date,
  explicit?: number,
): number {
  if (explicit !== undefined) return clamp(explicit);
  if (!role) return neutralPriority;
  return clamp(Math.round(scoreCandidate(candidate, resolveRole(role), seat, model, { now, explain: false }).priority));
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}
