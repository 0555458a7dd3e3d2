/**
 * Logistic regression, small and exact: maximum a posteriori weights under a
 * Gaussian prior centred on given prior weights (L2 regularisation towards
 * the prior, not towards zero). With no data the answer is the prior; every
 * example pulls the weights towards what the data says, so the model blends
 * priors and evidence by the amount of evidence. Solved with Newton's method
 * (the problem is strictly convex for lambda > 0), which for the dozen
 * features we have converges in a handful of steps.
 */
export interface LogisticOptions {
  /** prior weights, intercept first; also the starting point */
  prior: number[];
  /** strength of the pull towards the prior (precision of the Gaussian prior), > 0 */
  lambda: number;
  maxIterations?: number;
  tolerance?: number;
}

export interface LogisticFit {
  /** intercept first, then one weight per feature */
  weights: number[];
  iterations: number;
  converged: boolean;
}

/** Rows of features (without the intercept column), labels 0/1, optional per-example weights. */
export function trainLogistic(x: number[][], y: number[], opts: LogisticOptions, sampleWeights?: number[]): LogisticFit {
  const d = opts.prior.length;
  if (!(opts.lambda > 0)) throw new Error('lambda must be > 0');
  for (const row of x) if (row.length !== d - 1) throw new Error(`each row needs ${d - 1} features`);
  if (y.length !== x.length) throw new Error('one label per row');
  let w = [...opts.prior];
  const maxIt = opts.maxIterations ?? 50;
  const tol = opts.tolerance ?? 1e-9;
  for (let it = 1; it <= maxIt; it++) {
    const g = new Array<number>(d).fill(0);
    const h: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const xi = [1, ...x[i]];
      const p = sigmoid(dot(w, xi));
      const sw = sampleWeights ? sampleWeights[i] : 1;
      const r = sw * (p - y[i]);
      const s = sw * p * (1 - p);
      for (let a = 0; a < d; a++) {
        g[a] += r * xi[a];
        for (let b = a; b < d; b++) h[a][b] += s * xi[a] * xi[b];
      }
    }
    for (let a = 0; a < d; a++) {
      g[a] += opts.lambda * (w[a] - opts.prior[a]);
      h[a][a] += opts.lambda;
      for (let b = 0; b < a; b++) h[a][b] = h[b][a];
    }
    const step = solve(h, g);
    w = w.map((v, k) => v - step[k]);
    if (Math.max(...step.map(Math.abs)) < tol) return { weights: w, iterations: it, converged: true };
  }
  return { weights: w, iterations: maxIt, converged: false };
}

/** The penalised negative log-likelihood that `trainLogistic` minimises (for tests and diagnostics). */
export function logisticObjective(w: number[], x: number[][], y: number[], opts: Pick<LogisticOptions, 'prior' | 'lambda'>, sampleWeights?: number[]): number {
  let loss = 0;
  for (let i = 0; i < x.length; i++) {
    const z = dot(w, [1, ...x[i]]);
    const sw = sampleWeights ? sampleWeights[i] : 1;
    // log(1 + e^z) - y z, computed stably
    loss += sw * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z);
  }
  let pen = 0;
  for (let k = 0; k < w.length; k++) pen += (w[k] - opts.prior[k]) ** 2;
  return loss + (opts.lambda / 2) * pen;
}

export function predictLogistic(w: number[], features: number[]): number {
  return sigmoid(dot(w, [1, ...features]));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Solves A x = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    [m[col], m[piv]] = [m[piv], m[col]];
    const p = m[col][col];
    if (Math.abs(p) < 1e-300) throw new Error('singular matrix');
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * out[c];
    out[r] = s / m[r][r];
  }
  return out;
}
