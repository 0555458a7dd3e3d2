import { DateTime } from 'luxon';
import type { RetentionPolicy } from './privacy-settings.ts';

/**
 * The retention rule: a candidate whose last activity is older than the
 * policy's months is affected (flagged for review, or erased). Activity is
 * anything that shows the data is in use or was received again: the profile
 * changing, an import or API call re-sending it, a note, a ranking verdict,
 * an enrollment or action changing, an outcome. Someone in an active
 * enrollment (a sequence still running) is never affected, however old.
 */
export interface CandidateActivity {
  id: number;
  name: string;
  /** ISO time of the newest activity */
  lastActivityAt: string;
  /** an enrollment of theirs is still active (queued, invited, ...) */
  inActiveSequence: boolean;
  /** when the policy flagged them, if it did */
  flaggedAt: string | null;
}

/** The day before which activity counts as old: `months` calendar months before `now` (UTC; the 31st falls back to the month's last day). */
export function retentionCutoff(now: string, months: number): string {
  const t = DateTime.fromISO(now, { zone: 'utc' });
  if (!t.isValid) throw new Error(`not an ISO time: ${now}`);
  return t.minus({ months }).toISO({ suppressMilliseconds: false })!;
}

export function isAffected(a: Pick<CandidateActivity, 'lastActivityAt' | 'inActiveSequence'>, cutoff: string): boolean {
  return !a.inActiveSequence && a.lastActivityAt < cutoff;
}

export interface RetentionPlan {
  policy: RetentionPolicy;
  cutoff: string | null;
  /** affected, oldest activity first */
  affected: CandidateActivity[];
  /** flagged earlier and no longer affected: their flag is lifted when the policy is applied */
  unflag: number[];
}

export function planRetention(policy: RetentionPolicy, now: string, candidates: readonly CandidateActivity[]): RetentionPlan {
  if (policy.months === null) return { policy, cutoff: null, affected: [], unflag: candidates.filter((c) => c.flaggedAt !== null).map((c) => c.id) };
  const cutoff = retentionCutoff(now, policy.months);
  const affected = candidates.filter((c) => isAffected(c, cutoff)).sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? -1 : a.lastActivityAt > b.lastActivityAt ? 1 : a.id - b.id));
  const unflag = candidates.filter((c) => c.flaggedAt !== null && !isAffected(c, cutoff)).map((c) => c.id);
  return { policy, cutoff, affected, unflag };
}

/** Whether a scheduled policy is due: never applied, or last applied on an earlier UTC day. */
export function retentionDue(policy: RetentionPolicy, lastRunAt: string | null, now: string): boolean {
  if (!policy.schedule || policy.months === null) return false;
  return lastRunAt === null || lastRunAt.slice(0, 10) < now.slice(0, 10);
}
