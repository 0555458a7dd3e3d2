import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { zodIssuesText, zodIssuesToAppError } from './zod-issues.ts';

describe('zod issues in words', () => {
  it('names each bad field by its path, the value as a whole by the root word, and keeps the issues in details', () => {
    const r = z.object({ name: z.string(), tags: z.array(z.number()) }).safeParse({ name: 1, tags: ['x'] });
    expect(r.success).toBe(false);
    const e = zodIssuesToAppError(r.error!.issues, 'seat');
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/^invalid seat: name: .+; tags\.0: .+$/);
    expect(e.details).toEqual({ issues: [expect.objectContaining({ path: ['name'] }), expect.objectContaining({ path: ['tags', '0'] })] });
    expect(zodIssuesText(z.string().safeParse(3).error!.issues, 'value')).toMatch(/^value: /);
  });

  it('property: every issue appears once, in order, as "path: message"', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ path: fc.array(fc.oneof(fc.stringMatching(/^[a-z]{1,5}$/), fc.nat(9)), { maxLength: 3 }), message: fc.stringMatching(/^[a-z ]{1,12}$/) }), { minLength: 1, maxLength: 5 }), (issues) => {
        expect(zodIssuesText(issues, 'root')).toBe(issues.map((i) => `${i.path.length ? i.path.join('.') : 'root'}: ${i.message}`).join('; '));
      }),
    );
  });
});
