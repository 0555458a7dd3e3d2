import type { Role } from './account-api.ts';

/**
 * What each role may do, as the UI shows it: the server's route policy table
 * mirrored for the routes the UI offers a control for (the server checks
 * every request anyway; this only decides which controls are enabled). A test
 * (test/e2e/ui-role-policy.test.ts) compares this table with the server's.
 *
 * - read / comment: every member, viewers included (a comment changes only the caller's own notes);
 * - write: a recruiter or more;
 * - admin: an admin or the owner.
 */
export type UiLevel = 'read' | 'comment' | 'write' | 'admin';

export const uiPolicies = {
  'POST /api/import': 'write',
  'DELETE /api/candidates/{id}': 'admin',
  'POST /api/candidates/{id}/notes': 'comment',
  'DELETE /api/candidates/{id}/notes/{noteId}': 'comment',
  'POST /api/candidates/{id}/feedback': 'write',
  'POST /api/roles': 'write',
  'POST /api/campaigns': 'write',
  'POST /api/campaigns/{id}/launch': 'write',
  'POST /api/campaigns/{id}/pause': 'write',
  'POST /api/campaigns/{id}/stop': 'write',
  'PUT /api/campaigns/{id}/steps': 'write',
  'POST /api/campaigns/{id}/candidates': 'write',
  'POST /api/suppressions': 'write',
  'DELETE /api/suppressions/{id}': 'admin',
  'POST /api/tasks/{id}/done': 'write',
  'POST /api/tasks/{id}/skip': 'write',
  'POST /api/tasks/{id}/fail': 'write',
  'POST /api/outcomes': 'write',
  'POST /api/outreach/seats/{id}/pause': 'write',
  'POST /api/seats': 'admin',
  'POST /api/seats/{seatId}/credits/events': 'write',
  'POST /api/credits/transfers': 'admin',
  'GET /api/members': 'read',
  'PATCH /api/members/{userId}': 'admin',
  'DELETE /api/members/{userId}': 'admin',
  'GET /api/invitations': 'admin',
  'POST /api/invitations': 'admin',
  'DELETE /api/invitations/{id}': 'admin',
  'GET /api/audit': 'admin',
  'PUT /api/settings/executors': 'admin',
  'GET /api/candidates/{id}/export': 'admin',
  'PUT /api/privacy/settings': 'admin',
  'POST /api/privacy/retention/dry-run': 'admin',
  'POST /api/privacy/retention/apply': 'admin',
} as const satisfies Record<string, UiLevel>;

export type UiAction = keyof typeof uiPolicies;

export const viewerReason = 'Viewers can read and comment; ask an admin for the recruiter role.';
export const adminReason = 'Only admins and the owner can do this.';

/** Whether a role meets a level. */
export function roleMeetsLevel(role: Role, level: UiLevel): boolean {
  switch (level) {
    case 'read':
    case 'comment':
      return true;
    case 'write':
      return role !== 'viewer';
    case 'admin':
      return role === 'admin' || role === 'owner';
  }
}

export interface Permit {
  allowed: boolean;
  /** why not, in words the person can act on; null when allowed */
  reason: string | null;
}

/** May this role use the control for this route? No role (not in a workspace) may change nothing. */
export function permitFor(role: Role | null, action: UiAction): Permit {
  const level: UiLevel = uiPolicies[action];
  if (!role) return level === 'read' ? { allowed: true, reason: null } : { allowed: false, reason: 'You are not a member of this workspace.' };
  if (roleMeetsLevel(role, level)) return { allowed: true, reason: null };
  return { allowed: false, reason: role === 'viewer' && level === 'write' ? viewerReason : level === 'admin' ? adminReason : viewerReason };
}
