import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileRoutePolicies } from './route-policy-match.ts';
import { routePolicies } from './route-policies.ts';

const match = compileRoutePolicies(routePolicies);
const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);

describe('route policy matching', () => {
  it('every route of the table matches itself with any parameter values, and gets its params back', () => {
    const entries = Object.entries(routePolicies);
    fc.assert(
      fc.property(fc.constantFrom(...entries), fc.array(segment, { minLength: 3, maxLength: 3 }), ([route, level], values) => {
        const [method, template] = route.split(' ') as [string, string];
        let i = 0;
        const names: string[] = [];
        const path = template.replace(/\{(\w+)\}/g, (_, n: string) => {
          names.push(n);
          return values[i++]!;
        });
        const m = match(method, path);
        // a literal route that happens to equal the filled path wins (e.g. /api/roles/extract): that is the rule
        expect(m).not.toBeNull();
        if (m!.route === route) {
          expect(m!.level).toBe(level);
          names.forEach((n, k) => expect(m!.params[n]).toBe(values[k]));
        } else {
          expect(m!.route.replace(/\{\w+\}/g, '').length).toBeGreaterThan(template.replace(/\{\w+\}/g, '').length);
        }
      }),
    );
  });

  it('literal segments win over parameters, and unknown routes match nothing', () => {
    expect(match('POST', '/api/roles/extract')?.route).toBe('POST /api/roles/extract');
    expect(match('POST', '/api/roles')?.route).toBe('POST /api/roles');
    expect(match('GET', '/api/roles/extract')?.route).toBe('GET /api/roles/{id}');
    expect(match('POST', '/api/candidates/12/notes')?.level).toBe('comment');
    expect(match('DELETE', '/api/candidates/12')?.level).toBe('admin');
    expect(match('GET', '/api/nothing-here')).toBeNull();
    expect(match('PUT', '/api/candidates')).toBeNull();
    expect(match('GET', '/api/candidates/1/extra/segments')).toBeNull();
  });

  it('HEAD is checked as GET; a trailing slash is the same route; parameters are decoded', () => {
    expect(match('HEAD', '/api/candidates')?.route).toBe('GET /api/candidates');
    expect(match('GET', '/api/candidates/')?.route).toBe('GET /api/candidates');
    expect(match('GET', '/api/campaigns/a%20b')?.params.id).toBe('a b');
  });
});
