import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logisticObjective, predictLogistic, solve, trainLogistic } from './logistic-model.ts';

const feature = fc.double({ min: -1, max: 1, noNaN: true });

describe('trainLogistic', () => {
  it('returns the prior when there is no data', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 6 }), (prior) => {
        const fit = trainLogistic([], [], { prior, lambda: 1 });
        fit.weights.forEach((w, i) => expect(w).toBeCloseTo(prior[i], 12));
      }),
    );
  });

  it('reaches a minimum of the penalised loss: the gradient vanishes and no nearby point is better', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(feature, feature, fc.boolean()), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (rows, lambda) => {
          const x = rows.map(([a, b]) => [a, b]);
          const y = rows.map(([, , l]) => (l ? 1 : 0));
          const opts = { prior: [0.2, -0.5, 0.5], lambda };
          const fit = trainLogistic(x, y, opts);
          expect(fit.converged).toBe(true);
          const best = logisticObjective(fit.weights, x, y, opts);
          for (let k = 0; k < 3; k++) {
            for (const d of [-1e-3, 1e-3]) {
              const w = [...fit.weights];
              w[k] += d;
              expect(logisticObjective(w, x, y, opts)).toBeGreaterThanOrEqual(best - 1e-12);
            }
          }
        },
      ),
    );
  });

  it('stays finite on separable data (the L2 pull keeps it bounded) and learns the direction', () => {
    const x = Array.from({ length: 50 }, (_, i) => [i < 25 ? 1 : 0]);
    const y = x.map(([v]) => v);
    const fit = trainLogistic(x, y, { prior: [0, 0], lambda: 0.5 });
    expect(Number.isFinite(fit.weights[1])).toBe(true);
    expect(fit.weights[1]).toBeGreaterThan(2);
    expect(predictLogistic(fit.weights, [1])).toBeGreaterThan(0.8);
    expect(predictLogistic(fit.weights, [0])).toBeLessThan(0.2);
  });

  it('moves further from the prior with more data (blending by the amount of evidence)', () => {
    const make = (n: number) => {
      const x = Array.from({ length: n }, (_, i) => [i % 2]);
      const y = x.map(([v], i) => (v === 1 ? (i % 10 === 1 ? 0 : 1) : 0));
      return trainLogistic(x, y, { prior: [0, 0], lambda: 1 }).weights[1];
    };
    const few = make(4);
    const many = make(200);
    expect(many).toBeGreaterThan(few);
    expect(few).toBeGreaterThan(0);
  });

  it('solve() inverts a symmetric positive definite system', () => {
    fc.assert(
      fc.property(fc.array(fc.array(feature, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }), fc.array(feature, { minLength: 3, maxLength: 3 }), (m, b) => {
        // A = M^T M + I is symmetric positive definite
        const a = [0, 1, 2].map((i) => [0, 1, 2].map((j) => m.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? 1 : 0)));
        const x = solve(a, b);
        a.forEach((row, i) => expect(row.reduce((s, v, j) => s + v * x[j], 0)).toBeCloseTo(b[i], 8));
      }),
    );
  });

  it('refuses malformed input', () => {
    expect(() => trainLogistic([[1]], [1], { prior: [0, 0], lambda: 0 })).toThrow(/lambda/);
    expect(() => trainLogistic([[1, 2]], [1], { prior: [0, 0], lambda: 1 })).toThrow(/features/);
  });
});
