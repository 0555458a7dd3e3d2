/**
 * A personalisation hook: one specific, true thing from a candidate's
 * profile that a message can mention. Each kind is a typed value that
 * templates read by field (`hook.company`, `hook.years`, ...); `strength`
 * ranks hooks (1 = most personal), `text` is a short neutral phrase for
 * simple templates and the LLM prompt, and `evidence` lists the words of
 * which at least one appears in any text that really mentions the hook.
 */
export type PersonalHook =
  | CurrentRoleHook
  | TenureMilestoneHook
  | RecentMoveHook
  | SharedEmployerHook
  | SharedSchoolHook
  | MutualConnectionsHook
  | SkillMatchHook
  | LocationHook;

export type HookKind = PersonalHook['kind'];

export const hookKinds = [
  'current_role',
  'tenure_milestone',
  'recent_move',
  'shared_employer',
  'shared_school',
  'mutual_connections',
  'skill_match',
  'location',
] as const satisfies readonly HookKind[];

interface HookBase {
  /** 0..1, higher = more personal and more likely to earn a reply */
  strength: number;
  /** short neutral phrase, e.g. "5 years at Acme" */
  text: string;
  /** words whose presence shows a text mentions this hook */
  evidence: string[];
}

export interface CurrentRoleHook extends HookBase {
  kind: 'current_role';
  title: string;
  company: string;
}

export interface TenureMilestoneHook extends HookBase {
  kind: 'tenure_milestone';
  company: string;
  title: string;
  /** whole years reached at the company in the current position (a milestone: 1, 2, 3, 5, 10, 15, 20, 25, 30) */
  years: number;
}

export interface RecentMoveHook extends HookBase {
  kind: 'recent_move';
  title: string;
  company: string;
  /** the employer before this move ('' when unknown) */
  previousCompany: string;
  /** a new title at the same company */
  promotion: boolean;
  /** whole months since the start of the new position */
  months: number;
}

export interface SharedEmployerHook extends HookBase {
  kind: 'shared_employer';
  /** the company as the candidate's profile spells it */
  company: string;
}

export interface SharedSchoolHook extends HookBase {
  kind: 'shared_school';
  school: string;
}

export interface MutualConnectionsHook extends HookBase {
  kind: 'mutual_connections';
  count: number;
}

export interface SkillMatchHook extends HookBase {
  kind: 'skill_match';
  /** the skill as the candidate's profile spells it */
  skill: string;
}

export interface LocationHook extends HookBase {
  kind: 'location';
  city: string;
  region: string;
  country: string;
  /** the most precise of city, region, country */
  place: string;
  /** the candidate lives where the role is */
  matchesRole: boolean;
}
