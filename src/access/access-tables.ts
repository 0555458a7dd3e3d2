import type { Generated } from 'kysely';

/** ISO text on SQLite, a Date on PostgreSQL (timestamptz) */
export type AuthTime = string | Date;

/**
 * Tables owned by src/access (migration 0013-accounts). The auth_* tables
 * belong to better-auth (it reads and writes them through its Kysely
 * adapter; field names mapped in auth-server.ts); on PostgreSQL their times
 * are timestamptz and their booleans boolean, as the library expects (on SQLite
 * ISO text and 0/1). The rest are ours: times ISO text (UTC), booleans 0/1.
 */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  email_verified: number | boolean;
  image: string | null;
  created_at: AuthTime;
  updated_at: AuthTime;
}

export interface AuthSessionTable {
  id: string;
  token: string;
  user_id: string;
  expires_at: AuthTime;
  ip_address: string | null;
  user_agent: string | null;
  /** the workspace this session works in (switched by the user) */
  active_workspace_id: string | null;
  created_at: AuthTime;
  updated_at: AuthTime;
}

export interface AuthAccountTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: AuthTime | null;
  refresh_token_expires_at: AuthTime | null;
  scope: string | null;
  /** better-auth's password hash (scrypt) for provider 'credential' */
  password: string | null;
  created_at: AuthTime;
  updated_at: AuthTime;
}

export interface AuthVerificationTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: AuthTime;
  created_at: AuthTime;
  updated_at: AuthTime;
}

export interface AuthRateLimitTable {
  id: string;
  key: string;
  count: number;
  last_request: number;
}

export interface WorkspaceMemberTable {
  workspace_id: string;
  user_id: string;
  /** owner | admin | recruiter | viewer */
  role: string;
  created_at: string;
}

export interface WorkspaceInvitationTable {
  id: string;
  workspace_id: string;
  /** the invited address, or null for a link anyone holding it may accept */
  email: string | null;
  role: string;
  /** SHA-256 of the invitation token (the token itself is only in the link) */
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  /** the most the token may do; never more than its user's role at the time of use */
  role: string;
  /** SHA-256 of the token; the token is shown once and never stored */
  token_hash: string;
  /** the first characters of the token, to recognise it in a list */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** null for events outside a workspace (a failed sign-in) */
  workspace_id: string | null;
  at: string;
  actor_user_id: string | null;
  /** who, for people: the user's email, 'local cli', or the address tried at a failed sign-in */
  actor: string;
  /** session | token | cli | system | webhook */
  via: string;
  action: string;
  /** what was acted on: a candidate id, a campaign id, a member's email, ... */
  target: string | null;
  /** ok | refused */
  outcome: string;
  /** JSON object; never personal data of candidates */
  details: string;
  ip: string | null;
}

export interface AccessTables {
  auth_users: AuthUserTable;
  auth_sessions: AuthSessionTable;
  auth_accounts: AuthAccountTable;
  auth_verifications: AuthVerificationTable;
  auth_rate_limits: AuthRateLimitTable;
  workspace_members: WorkspaceMemberTable;
  workspace_invitations: WorkspaceInvitationTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
}
