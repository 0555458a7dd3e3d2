import { z } from 'zod';

/**
 * A member's role in a workspace, from most to least power:
 * - owner: everything, including other owners and deleting the workspace;
 * - admin: members, invitations, settings, every seat's tasks and campaigns, credit moves;
 * - recruiter: search, import, campaigns and tasks of the seats they own;
 * - viewer: a hiring manager: reads candidates, shortlists and results, and comments.
 */
export const roles = ['owner', 'admin', 'recruiter', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

const rank: Record<Role, number> = { viewer: 0, recruiter: 1, admin: 2, owner: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, min: Role): boolean {
  return rank[role] >= rank[min];
}

/** The lesser of two roles: what a token may do when its user's role has since changed. */
export function lesserRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b;
}
