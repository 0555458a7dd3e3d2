import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedMemo } from './bounded-memo.ts';

describe('boundedMemo', () => {
  it('returns what the function returns, computing each key once while it fits (undefined and null results too)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 50 }), (keys) => {
        const calls = new Map<string, number>();
        const f = (k: string) => {
          calls.set(k, (calls.get(k) ?? 0) + 1);
          return k.length === 0 ? undefined : k.length === 1 ? null : k.toUpperCase();
        };
        const memo = boundedMemo(f, 1000);
        for (const k of keys) expect(memo(k)).toBe(f(k));
        // f was called once per key by the test itself, and once more per distinct key by the memo
        for (const [k, n] of calls) expect(n).toBe(keys.filter((x) => x === k).length + 1);
      }),
    );
  });

  it('never holds more than its bound', () => {
    let computed = 0;
    const memo = boundedMemo((k) => (computed++, k), 2);
    memo('a');
    memo('b');
    memo('c'); // full: starts over with c
    memo('a');
    expect(computed).toBe(4);
    memo('c');
    memo('a');
    expect(computed).toBe(4);
  });
});
