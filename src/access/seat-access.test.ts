import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles, roleAtLeast } from './role.ts';
import { canWorkSeat, seatRefusalMessage, seesOnlyOwnSeats } from './seat-access.ts';

const userId = fc.constantFrom('u1', 'u2', 'u3');
const owner = fc.option(userId, { nil: null });
const role = fc.option(fc.constantFrom(...roles), { nil: null });

describe('canWorkSeat (fast-check)', () => {
  it('admins and owners work every seat, assigned or not', () => {
    fc.assert(fc.property(userId, owner, fc.constantFrom('admin' as const, 'owner' as const), (u, o, r) => canWorkSeat({ userId: u, role: r }, { ownerUserId: o })));
  });

  it('a recruiter works a seat exactly when it is assigned to them', () => {
    fc.assert(fc.property(userId, owner, (u, o) => canWorkSeat({ userId: u, role: 'recruiter' }, { ownerUserId: o }) === (o === u)));
  });

  it('a viewer, or a caller with no role here, works no seat', () => {
    fc.assert(fc.property(userId, owner, fc.constantFrom('viewer' as const, null), (u, o, r) => !canWorkSeat({ userId: u, role: r }, { ownerUserId: o })));
  });

  it('is monotone in the role: whoever may work a seat, a higher role may too', () => {
    fc.assert(
      fc.property(userId, owner, role, role, (u, o, a, b) => {
        if (a === null || b === null || !roleAtLeast(b, a)) return true;
        return !canWorkSeat({ userId: u, role: a }, { ownerUserId: o }) || canWorkSeat({ userId: u, role: b }, { ownerUserId: o });
      }),
    );
  });

  it('an unassigned seat is worked only by admins and owners', () => {
    fc.assert(fc.property(userId, role, (u, r) => canWorkSeat({ userId: u, role: r }, { ownerUserId: null }) === (r !== null && roleAtLeast(r, 'admin'))));
  });
});

describe('seat rules, plain cases', () => {
  it('only recruiters are limited to their own seats in the task list', () => {
    expect(roles.filter((r) => seesOnlyOwnSeats({ userId: 'u', role: r }))).toEqual(['recruiter']);
  });

  it('names the seat and its owner in the refusal', () => {
    expect(seatRefusalMessage({ id: 'demo-london' }, 'Alex')).toBe("seat 'demo-london' belongs to Alex; only its owner or an admin can work it");
    expect(seatRefusalMessage({ id: 'spare' }, null)).toContain("seat 'spare' is not assigned to anyone");
  });
});
