import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ndcgAt, precisionAt } from './ndcg.ts';

const labelled = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }).map((grades) => new Map(grades.map((g, i) => [i + 1, g])));

describe('NDCG and precision', () => {
  it('NDCG is 1 for the ideal order and within [0, 1] for any order', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 1, max: 20 }), fc.integer(), (labels, k, seed) => {
        const ideal = [...labels.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
        const hasRelevant = [...labels.values()].some((g) => g > 0);
        expect(ndcgAt(ideal, labels, k)).toBeCloseTo(hasRelevant ? 1 : 0, 12);
        const shuffled = [...ideal].sort((a, b) => ((a * 2654435761 + seed) % 97) - ((b * 2654435761 + seed) % 97));
        const n = ndcgAt(shuffled, labels, k);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('swapping a better item up never lowers NDCG', () => {
    fc.assert(
      fc.property(labelled, fc.nat(), (labels, i) => {
        const order = [...labels.keys()];
        if (order.length < 2) return;
        const a = i % (order.length - 1);
        const swapped = [...order];
        if ((labels.get(order[a + 1]) ?? 0) > (labels.get(order[a]) ?? 0)) [swapped[a], swapped[a + 1]] = [swapped[a + 1], swapped[a]];
        expect(ndcgAt(swapped, labels, 10)).toBeGreaterThanOrEqual(ndcgAt(order, labels, 10) - 1e-12);
      }),
    );
  });

  it('known values', () => {
    const labels = new Map([[1, 3], [2, 0], [3, 2]]);
    expect(ndcgAt([2, 1, 3], labels, 3)).toBeCloseTo((7 / Math.log2(3) + 3 / 2) / (7 + 3 / Math.log2(3)), 12);
    expect(precisionAt([1, 2, 3], labels, 2)).toBe(0.5);
    expect(precisionAt([], labels, 0)).toBe(0);
  });
});
