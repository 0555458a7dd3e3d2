import { getCandidate } from '../candidates/candidate-store.ts';
import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { getSeat } from '../seats/seat-store.ts';
import { scoreCandidate } from './candidate-score.ts';
import { priorRankingModel, type FeedbackVerdict, type OutreachOutcome, type RankingModel } from './ranking-model.ts';
import { getRole, insertExample, retrainRankingModel } from './ranking-store.ts';
import { resolveRole } from './resolved-role.ts';
import { queryOnlyRoleProfile } from './role-profile.ts';

/**
 * The two ways a workspace teaches its ranking. Each stores the candidate's
 * signals as they are now (so later profile edits do not rewrite history)
 * and retrains the workspace model at once (a few milliseconds).
 */

export interface FeedbackInput {
  candidateId: number;
  /** a saved role; or, for a plain search, `query`: the search's own words are the role, and no role is saved */
  roleId?: string;
  query?: string;
  verdict: FeedbackVerdict;
  /** the candidate's normalised text relevance in the list the recruiter saw, when known (0..1) */
  relevance?: number | null;
}

export async function recordFeedback(store: Store, workspaceId: string, input: FeedbackInput, now: Date = new Date()): Promise<RankingModel> {
  if ((input.roleId === undefined) === (input.query === undefined)) throw new AppError('invalid_input', 'give either roleId (a saved role) or query (a plain search)');
  const candidate = await getCandidate(store, workspaceId, input.candidateId);
  const profile = input.roleId !== undefined ? await getRole(store, workspaceId, input.roleId) : queryOnlyRoleProfile('Search', input.query!);
  const role = resolveRole(profile);
  const scored = scoreCandidate(candidate, role, null, priorRankingModel(), { now, relevance: input.relevance ?? null, explain: false });
  // a plain search's verdicts are kept under its query (the role list stays the roles people saved)
  const exampleRole = input.roleId ?? `query:${input.query!.trim()}`.slice(0, 500);
  await insertExample(store, workspaceId, { candidateId: candidate.id, roleId: exampleRole, kind: 'feedback', label: input.verdict, fit: scored.signals.fit, reply: scored.signals.reply }, now.toISOString());
  return retrainRankingModel(store, workspaceId, now.toISOString());
}

export interface OutcomeInput {
  candidateId: number;
  roleId?: string | null;
  outcome: OutreachOutcome;
  /** the seat that reached out, for the shared-background signals */
  seatId?: string | null;
}

/** Called by outreach when a connection request is accepted, a message answered, or a sequence ends unanswered. */
export async function recordOutcomeForLearning(store: Store, workspaceId: string, input: OutcomeInput, now: Date = new Date()): Promise<RankingModel> {
  const candidate = await getCandidate(store, workspaceId, input.candidateId);
  const seat = input.seatId ? await getSeat(store, workspaceId, input.seatId) : null;
  const role = input.roleId ? resolveRole(await getRole(store, workspaceId, input.roleId)) : resolveRole(queryOnlyRoleProfile('outcome', '*'));
  const scored = scoreCandidate(candidate, role, seat, priorRankingModel(), { now, explain: false });
  await insertExample(store, workspaceId, { candidateId: candidate.id, roleId: input.roleId ?? '', kind: 'outcome', label: input.outcome, fit: scored.signals.fit, reply: scored.signals.reply }, now.toISOString());
  return retrainRankingModel(store, workspaceId, now.toISOString());
}
