import type { Role } from './role.ts';

/**
 * Who is calling, once authenticated. `via` says how: a browser session, an
 * API token, the local CLI (which has the database file and so acts as an
 * owner), or the system itself (first start, the worker).
 */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token' | 'cli' | 'system';
  /** the workspace the call works in; null for a user who belongs to none */
  workspaceId: string | null;
  /** the role in that workspace (for a token: the lesser of the token's and the user's) */
  role: Role | null;
  /** set when via is 'token' */
  tokenId?: string;
}

/** The name that goes into the audit log for a principal. */
export function actorLabel(p: Pick<Principal, 'email' | 'via'>): string {
  return p.via === 'cli' ? `${p.email} (local cli)` : p.email;
}
