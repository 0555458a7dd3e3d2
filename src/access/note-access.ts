import { roleAtLeast, type Role } from './role.ts';

/**
 * Row-level rule for notes on candidates (policy level `comment`): any
 * member may write one; its author may delete it, and admins and owners may
 * delete any (notes from before accounts have no author: only admins).
 */
export function canDeleteNote(who: { userId: string; role: Role | null }, note: { authorUserId: string | null }): boolean {
  if (who.role === null) return false;
  if (roleAtLeast(who.role, 'admin')) return true;
  return note.authorUserId !== null && note.authorUserId === who.userId;
}
