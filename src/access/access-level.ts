import { roleAtLeast, type Role } from './role.ts';

/**
 * What a route needs from the caller (the policy table says which route needs what):
 * - public: nothing (health, the sign-in endpoints, the OpenAPI document);
 * - signed: no caller; the route checks a webhook signature itself;
 * - user: any signed-in user, even one in no workspace (who am I, my workspaces);
 * - session: a signed-in browser session, not an API token (passwords, new tokens);
 * - read / comment: any member (viewers included); comment changes only the caller's own notes;
 * - write: a recruiter or more;
 * - admin: an admin or the owner;
 * - owner: the owner.
 */
export const accessLevels = ['public', 'signed', 'user', 'session', 'read', 'comment', 'write', 'admin', 'owner'] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** Levels that need a caller at all. */
export function needsCaller(level: AccessLevel): boolean {
  return level !== 'public' && level !== 'signed';
}

/** Levels that need a role in the current workspace. */
export function needsWorkspace(level: AccessLevel): boolean {
  return level === 'read' || level === 'comment' || level === 'write' || level === 'admin' || level === 'owner';
}

export function roleMeets(role: Role, level: AccessLevel): boolean {
  switch (level) {
    case 'read':
    case 'comment':
      return true;
    case 'write':
      return roleAtLeast(role, 'recruiter');
    case 'admin':
      return roleAtLeast(role, 'admin');
    case 'owner':
      return role === 'owner';
    default:
      return true;
  }
}

/** Whether a level lets the route change state: what a viewer may not do (comment is the one exception). */
export function changesState(level: AccessLevel): boolean {
  return level === 'write' || level === 'admin' || level === 'owner';
}
