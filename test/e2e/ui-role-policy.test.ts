import { describe, expect, it } from 'vitest';
import { routePolicies } from '../../src/access/route-policies.ts';
import { roleMeets } from '../../src/access/access-level.ts';
import { roles } from '../../src/access/role.ts';
import { permitFor, uiPolicies, type UiAction } from '../../web/src/role-policy.ts';

/**
 * The UI enables a control by its own copy of the route policies (it talks
 * to the server only over HTTP and bundles nothing of it). This checks the
 * copy against the server's table, so a policy changed on one side shows up
 * here instead of as a button that is enabled and then refused, or disabled
 * for someone who may use it.
 */
describe("the UI's role policies match the server's", () => {
  const actions = Object.keys(uiPolicies) as UiAction[];

  it('names only routes the server has', () => {
    for (const a of actions) expect(routePolicies[a], `${a} is not in src/access/route-policies.ts`).toBeDefined();
  });

  it('allows exactly the roles the server allows, for every route and role', () => {
    for (const a of actions) {
      for (const role of roles) {
        const server = roleMeets(role, routePolicies[a]!);
        expect(permitFor(role, a).allowed, `${a} for ${role}: the server says ${server ? 'yes' : 'no'}`).toBe(server);
      }
    }
  });

  it('gives a reason whenever it refuses, and tells viewers how to get more', () => {
    for (const a of actions) {
      for (const role of roles) {
        const p = permitFor(role, a);
        expect(p.allowed || (p.reason?.length ?? 0) > 10).toBe(true);
        if (!p.allowed && role === 'viewer' && routePolicies[a] === 'write') expect(p.reason).toBe('Viewers can read and comment; ask an admin for the recruiter role.');
      }
    }
  });
});
