import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lesserRole, roleAtLeast, roles, type Role } from './role.ts';
import { accessLevels, roleMeets } from './access-level.ts';

const role = fc.constantFrom<Role>(...roles);

describe('roles', () => {
  it('roleAtLeast is a total order: reflexive, antisymmetric, transitive, total', () => {
    fc.assert(
      fc.property(role, role, role, (a, b, c) => {
        expect(roleAtLeast(a, a)).toBe(true);
        if (roleAtLeast(a, b) && roleAtLeast(b, a)) expect(a).toBe(b);
        if (roleAtLeast(a, b) && roleAtLeast(b, c)) expect(roleAtLeast(a, c)).toBe(true);
        expect(roleAtLeast(a, b) || roleAtLeast(b, a)).toBe(true);
      }),
    );
  });

  it('lesserRole is the meet: commutative, below both, and one of them', () => {
    fc.assert(
      fc.property(role, role, (a, b) => {
        const m = lesserRole(a, b);
        expect(m).toBe(lesserRole(b, a));
        expect(roleAtLeast(a, m) && roleAtLeast(b, m)).toBe(true);
        expect([a, b]).toContain(m);
      }),
    );
  });

  it('a higher role can do everything a lower one can', () => {
    fc.assert(
      fc.property(role, role, fc.constantFrom(...accessLevels), (a, b, level) => {
        if (roleAtLeast(a, b) && roleMeets(b, level)) expect(roleMeets(a, level)).toBe(true);
      }),
    );
  });

  it('the viewer reads and comments only; the recruiter writes; admin and owner administer', () => {
    expect(['read', 'comment', 'write', 'admin', 'owner'].map((l) => roleMeets('viewer', l as never))).toEqual([true, true, false, false, false]);
    expect(['read', 'comment', 'write', 'admin', 'owner'].map((l) => roleMeets('recruiter', l as never))).toEqual([true, true, true, false, false]);
    expect(['read', 'comment', 'write', 'admin', 'owner'].map((l) => roleMeets('admin', l as never))).toEqual([true, true, true, true, false]);
    expect(roleMeets('owner', 'owner')).toBe(true);
  });
});
