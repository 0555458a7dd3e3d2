import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonTextProblems, maxJsonDepth, stringProblem } from './json-text-problems.ts';

/** A JSON value with `bad` put at a random place (as a value, or as a key), and the path to it. */
const withBadString = (bad: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(fc.oneof(fc.nat({ max: 3 }), fc.string({ maxLength: 4 })), { maxLength: 6 }), bad, fc.boolean()).map(([steps, s, asKey]) => {
    let value: unknown = asKey ? { [s]: 1 } : s;
    const path: string[] = [];
    for (const step of [...steps].reverse()) {
      if (typeof step === 'number') {
        const arr: unknown[] = Array.from({ length: step + 1 }, () => 'ok');
        arr[step] = value;
        value = arr;
      } else value = { [`k${step}`]: value, other: 'fine' };
      path.unshift(typeof step === 'number' ? String(step) : `k${step}`);
    }
    return { value, path: asKey ? [...path, s] : path, asKey };
  });

const clean = fc.string({ unit: 'grapheme' }).filter((s) => stringProblem(s) === null);

describe('jsonTextProblems', () => {
  it('finds a NUL anywhere (value or key) and names its path', () => {
    fc.assert(
      fc.property(withBadString(fc.tuple(clean, clean).map(([a, b]) => `${a}\u0000${b}`)), ({ value, path, asKey }) => {
        const problems = jsonTextProblems(value);
        expect(problems).toHaveLength(1);
        expect(problems[0]!.path).toEqual(asKey ? [...path.slice(0, -1), path[path.length - 1]!.replace(/\u0000/g, '\\u0000')] : path);
        expect(problems[0]!.message).toMatch(/NUL character/);
      }),
    );
  });

  it('finds a lone surrogate, and never flags a well-formed pair (emoji) or RTL marks', () => {
    fc.assert(
      fc.property(withBadString(fc.tuple(clean, fc.integer({ min: 0xd800, max: 0xdfff })).map(([a, cu]) => `${a}${String.fromCharCode(cu)}`)), ({ value }) => {
        expect(jsonTextProblems(value)[0]?.message).toMatch(/lone UTF-16 surrogate/);
      }),
    );
    fc.assert(
      fc.property(fc.json().map((j) => JSON.parse(j)), fc.constantFrom('😀', '\u200f', '\u202e', 'עברית', '\ud83d\ude00'), (v, s) => {
        expect(jsonTextProblems({ v, s, [s]: [s] })).toEqual([]);
      }),
    );
  });

  it('accepts every clean JSON value as it is', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (v) => {
        const text = JSON.stringify(v);
        // JSON.stringify writes NUL and lone surrogates (only those) as escapes
        if (/\\u(0000|d[89a-f])/i.test(text)) return;
        const clean = JSON.parse(text) as unknown;
        expect(jsonTextProblems(clean)).toEqual([]);
      }),
    );
  });

  it(`refuses nesting over ${maxJsonDepth} levels, at the level where it goes over`, () => {
    let v: unknown = 1;
    for (let i = 0; i < maxJsonDepth; i++) v = [v];
    expect(jsonTextProblems(v)).toEqual([]);
    const deeper = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    const p = jsonTextProblems({ a: deeper });
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toHaveLength(maxJsonDepth);
    expect(p[0]!.message).toMatch(/nested more than 64 levels/);
  });
});
