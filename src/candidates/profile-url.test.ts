import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalProfileUrl, profileUrlProblem } from './profile-url.ts';

describe('profile URLs (#14 item 10)', () => {
  it('only http and https addresses, with or without the scheme, are links', () => {
    for (const ok of ['https://www.linkedin.com/in/ada', 'HTTP://example.com/x', 'linkedin.com/in/ada', 'www.example.com:8080/in/x', 'example.com:443']) expect(profileUrlProblem(ok)).toBeNull();
    for (const bad of ['javascript:alert(1)', 'JavaScript://evil.example/%0aalert(1)', ' \tjava\nscript:alert(1)', 'data:text/html,<script>', 'vbscript:msgbox', 'mailto:a@b.c', 'ftp://files.example.com/cv', 'file:///etc/passwd']) {
      expect(profileUrlProblem(bad)).toMatch(/is not a web address \(a [a-z]+: link; only http and https are kept\)/);
    }
  });

  it('a value without a dot in its host is no address (it merged everyone with N/A)', () => {
    expect(canonicalProfileUrl('N/A')).toBeNull();
    expect(canonicalProfileUrl('none')).toBeNull();
    expect(canonicalProfileUrl('linkedin.com/in/Ada-L/')).toBe('https://www.linkedin.com/in/ada-l');
  });

  it('property: a canonical profile URL is always http(s), whatever the input; a non-http scheme is always refused', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,9}$/).filter((s) => s !== 'http' && s !== 'https');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), scheme.chain((s) => fc.string().map((rest) => `${s}:${rest}`))), (raw) => {
        const url = canonicalProfileUrl(raw);
        if (url !== null) expect(url).toMatch(/^https?:\/\/[^/]*\./);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(scheme, fc.string(), fc.constantFrom('', ' ', '\t', '\n'), (s, rest, pad) => {
        fc.pre(!/^\d+([/?#]|$)/.test(rest));
        expect(profileUrlProblem(`${pad}${s.toUpperCase()}:${rest}`)).not.toBeNull();
        expect(canonicalProfileUrl(`${s}:${rest}`)).toBeNull();
      }),
    );
  });
});
