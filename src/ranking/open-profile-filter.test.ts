import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitOpenProfileFilter } from './open-profile-filter.ts';

describe('splitOpenProfileFilter', () => {
  it.each([
    ['java openProfile:true', 'java', true],
    ['openProfile:true AND title:engineer', 'title:engineer', true],
    ['(go OR rust) AND openprofile:false', '(go OR rust)', false],
    ['java', 'java', undefined],
    ['openProfile:true', '', true],
  ])('%s', (q, rest, flag) => {
    expect(splitOpenProfileFilter(q)).toEqual({ query: rest, openProfile: flag });
  });

  it('leaves queries without the filter unchanged apart from spacing', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]+( (AND|OR) [a-z]+){0,3}$/), (q) => {
        expect(splitOpenProfileFilter(q)).toEqual({ query: q, openProfile: undefined });
      }),
    );
  });
});

describe('splitOpenProfileFilter without the filter', () => {
  it('does not repair broken queries (the parser must still see them)', () => {
    expect(splitOpenProfileFilter('golang AND').query).toBe('golang AND');
  });
});
