import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignVariant, assignVariantIndex } from './variant-assignment.ts';
import { tallyVariantOutcomes } from './variant-outcomes.ts';

describe('assignVariant', () => {
  it('is deterministic for any key, variant count and salt', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.integer({ min: 1, max: 9 }), fc.string(), (key, n, salt) => {
        const i = assignVariantIndex(key, n, salt);
        return i === assignVariantIndex(key, n, salt) && Number.isInteger(i) && i >= 0 && i < n;
      }),
    );
  });

  it('splits any run of consecutive ids evenly: every variant within one of every other', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 7 }), fc.string({ maxLength: 8 }), (start, count, n, salt) => {
        const counts = new Array<number>(n).fill(0);
        for (let k = start; k < start + count; k++) counts[assignVariantIndex(k, n, salt)]!++;
        return Math.max(...counts) - Math.min(...counts) <= 1;
      }),
    );
  });

  it('returns the variant itself and refuses an empty list', () => {
    expect(assignVariant(4, ['a', 'b'])).toBe('a');
    expect(assignVariant(5, ['a', 'b'])).toBe('b');
    expect(() => assignVariant(1, [])).toThrow(RangeError);
  });

  it('string keys are spread over all variants', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, i) => assignVariantIndex(`https://www.linkedin.com/in/person-${i}`, 3)));
    expect(seen).toEqual(new Set([0, 1, 2]));
  });
});

describe('tallyVariantOutcomes', () => {
  it('counts sends, acceptances and replies per variant, with rates', () => {
    const t = tallyVariantOutcomes([
      { variant: 'A', accepted: true, replied: true, positiveReply: true },
      { variant: 'A', accepted: true },
      { variant: 'B' },
      { variant: null, replied: true },
    ]);
    expect(t).toEqual([
      { variant: '(none)', sent: 1, accepted: 0, replied: 1, positiveReplies: 0, acceptanceRate: 0, replyRate: 1 },
      { variant: 'A', sent: 2, accepted: 2, replied: 1, positiveReplies: 1, acceptanceRate: 1, replyRate: 0.5 },
      { variant: 'B', sent: 1, accepted: 0, replied: 0, positiveReplies: 0, acceptanceRate: 0, replyRate: 0 },
    ]);
  });
  it('the counts add up to the input for any sends', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ variant: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null }), accepted: fc.boolean(), replied: fc.boolean() })), (sends) => {
        const t = tallyVariantOutcomes(sends);
        return (
          t.reduce((s, v) => s + v.sent, 0) === sends.length &&
          t.reduce((s, v) => s + v.replied, 0) === sends.filter((x) => x.replied).length &&
          t.every((v) => v.replyRate !== null && v.replyRate >= 0 && v.replyRate <= 1)
        );
      }),
    );
  });
});
