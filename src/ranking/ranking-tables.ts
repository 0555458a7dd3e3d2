import type { Generated } from 'kysely';

/**
 * Tables owned by src/ranking: saved roles, what the workspace learned from
 * (recruiter verdicts and outreach outcomes, with the signals the candidate
 * had at that moment), and the trained model per workspace.
 */
export interface RankingRoleTable {
  workspace_id: string;
  id: string;
  name: string;
  /** JSON RoleProfile */
  profile: string;
  created_at: string;
  updated_at: string;
}

export interface RankingExampleTable {
  id: Generated<number>;
  workspace_id: string;
  candidate_id: number;
  /** '' when the outcome is not tied to a role */
  role_id: string;
  /** 'feedback' | 'outcome' */
  kind: string;
  /** shortlist | reject | accepted | replied | ignored */
  label: string;
  /** JSON Partial<Record<FitSignal, number>> */
  fit_signals: string;
  /** JSON Partial<Record<ReplySignal, number>> */
  reply_signals: string;
  created_at: string;
}

export interface RankingModelTable {
  workspace_id: string;
  /** JSON RankingModel */
  model: string;
  trained_at: string;
}

/** A cache of each candidate's `ProfileFacts` (profile-facts.ts), valid while the candidate's updated_at and the facts version match. */
export interface CandidateFactsTable {
  candidate_id: number;
  workspace_id: string;
  /** the candidates.updated_at the facts were computed from */
  candidate_updated_at: string;
  /** `profileFactsVersion` they were computed with */
  version: string;
  /** JSON ProfileFacts */
  facts: string;
}

export interface RankingTables {
  ranking_roles: RankingRoleTable;
  ranking_examples: RankingExampleTable;
  ranking_models: RankingModelTable;
  candidate_facts: CandidateFactsTable;
}
