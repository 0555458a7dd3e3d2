import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeReturnPath, signInPathFor } from './sign-in-return.ts';

describe('the return path after signing in', () => {
  it('keeps a path of this app with its query', () => {
    expect(safeReturnPath('/search?q=java')).toBe('/search?q=java');
    expect(signInPathFor('/campaigns/c1')).toBe('/sign-in?next=%2Fcampaigns%2Fc1');
    expect(signInPathFor('/')).toBe('/sign-in');
    // someone with an account opens an invitation: sign in, then back to accept it
    expect(safeReturnPath('/invite/abc')).toBe('/invite/abc');
  });

  it('never leads to another site or back to a sign-in page', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', '', '/sign-in', '/sign-in?next=/x', '/reset-password?token=x']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
    fc.assert(
      // strings of the characters that matter to a URL parser, so slashes, backslashes and whitespace meet often
      fc.property(fc.string({ unit: fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', 'a', '.', ':', '?', '#', '@', '%') }), (s) => {
        const out = safeReturnPath(s);
        // a same-origin path: starts with one slash and is not a public page
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(out === '/' || !['/sign-in', '/reset-password'].includes(out.split('?')[0]!)).toBe(true);
        expect(new URL(out, 'http://127.0.0.1:4477').origin).toBe('http://127.0.0.1:4477');
      }),
    );
  });
});
