import fc from 'fast-check';
import { describe, it } from 'vitest';
import { roleAtLeast, roles } from './role.ts';
import { canDeleteNote } from './note-access.ts';

const userId = fc.constantFrom('u1', 'u2', 'u3');
const author = fc.option(userId, { nil: null });

describe('canDeleteNote (fast-check)', () => {
  it('admins and owners delete any note; everyone else exactly their own', () => {
    fc.assert(
      fc.property(userId, author, fc.constantFrom(...roles), (u, a, r) => canDeleteNote({ userId: u, role: r }, { authorUserId: a }) === (roleAtLeast(r, 'admin') || a === u)),
    );
  });

  it('a note without an author is deleted only by an admin or owner, and a caller without a role deletes nothing', () => {
    fc.assert(fc.property(userId, fc.constantFrom(...roles), (u, r) => canDeleteNote({ userId: u, role: r }, { authorUserId: null }) === roleAtLeast(r, 'admin')));
    fc.assert(fc.property(userId, author, (u, a) => !canDeleteNote({ userId: u, role: null }, { authorUserId: a })));
  });
});
