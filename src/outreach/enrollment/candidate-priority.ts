import type { Candidate } from '../../candidates/candidate.ts';
import type { Seat } from '../../seats/seat.ts';
import { scoreCandidate } from '../../ranking/candidate-score.ts';
import { priorityScore } from '../../ranking/priority.ts';
import type { RankingModel } from '../../ranking/ranking-model.ts';
import { resolveRole } from '../../ranking/resolved-role.ts';
import { roleProfileSchema, type RoleProfile } from '../../ranking/role-profile.ts';

/**
 * A candidate's priority (0-100) when a campaign enrolls them, always from
 * the ranking engine with the workspace's model (docs/outreach.md,
 * "Priorities"):
 *
 * - with a role: ranking's priority for that role (fit and reply chance);
 * - without a role: the campaign's search query as a query-only role (the
 *   skills and titles it names are the criteria, as for `search --sort
 *   priority`); when that names no criterion the candidate can be measured
 *   against (an id list, a query of plain words), fit says nothing and the
 *   priority is the reply chance alone, measured against the top-performer
 *   rate (ranking's `priorityScore` with fit weight 0; the same for a role
 *   that states no criterion), so it still spreads over 0-100 and
 *   high-reach candidates pass "priority at least 70";
 * - explicit priorities given at creation win over both.
 */
export function enrollmentPriority(
  candidate: Candidate,
  role: RoleProfile | null,
  seat: Pick<Seat, 'employers' | 'schools'> | null,
  model: RankingModel,
  now: Date,
  explicit?: number,
  sourceQuery?: string | null,
): number {
  if (explicit !== undefined) return clamp(explicit);
  const profile = role ?? queryOnlyRole(sourceQuery ?? null);
  const score = scoreCandidate(candidate, resolveRole(profile), seat, model, { now, explain: false });
  if (Object.keys(score.signals.fit).length > 0) return clamp(score.priority);
  return clamp(priorityScore(0, score.replyLikelihood, 0));
}

/** The role ranking uses for a search without one: just the query. */
export function queryOnlyRole(query: string | null): RoleProfile {
  return roleProfileSchema.parse({ name: 'Campaign query', query: query?.trim() || '*' });
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}
