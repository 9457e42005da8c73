import { solveLinearSystem } from './linearSystem.js';

/** A fitted logistic regression: P(y = 1 | x) = σ(intercept + weights · x). */
export interface LogisticModel {
  readonly intercept: number;
  readonly weights: readonly number[];
  /** Newton steps taken until the largest change fell under the tolerance. */
  readonly iterations: number;
}

/** How {@link fitLogisticRegression} fits. */
export interface LogisticOptions {
  /** The ridge (L2) penalty on the weights, not the intercept: 0 is the plain maximum likelihood. */
  readonly l2: number;
  /** Newton steps at most; 25 is plenty, the method converges quadratically. */
  readonly maxIterations?: number;
  /** Stop once no coefficient moves by more than this. */
  readonly tolerance?: number;
}

/** The logistic function, computed without overflow for large |z|. */
export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

const linear = (beta: readonly number[], x: readonly number[]): number => {
  let z = beta[0] ?? 0;
  for (let j = 0; j < x.length; j += 1) z += (beta[j + 1] ?? 0) * (x[j] ?? 0);
  return z;
};

/** The gradient and Hessian of the penalised log-likelihood at beta (intercept first). */
const newtonTerms = (
  rows: readonly (readonly number[])[],
  outcomes: readonly (0 | 1)[],
  beta: readonly number[],
  l2: number,
) => {
  const size = beta.length;
  const gradient = beta.map((b, j) => (j === 0 ? 0 : -l2 * b));
  const hessian = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j && i > 0 ? l2 : 0)),
  );
  rows.forEach((x, i) => {
    const p = sigmoid(linear(beta, x));
    const residual = (outcomes[i] ?? 0) - p;
    const weight = p * (1 - p);
    const full = [1, ...x];
    for (let a = 0; a < size; a += 1) {
      const xa = full[a] ?? 0;
      if (xa === 0) continue;
      gradient[a] = (gradient[a] ?? 0) + residual * xa;
      const hessianRow = hessian[a] ?? [];
      for (let b = 0; b < size; b += 1)
        hessianRow[b] = (hessianRow[b] ?? 0) + weight * xa * (full[b] ?? 0);
    }
  });
  return { gradient, hessian };
};

/**
 * Fits a logistic regression by Newton–Raphson (iteratively reweighted least squares) on the
 * penalised log-likelihood, starting from all zeros. Nothing is random, so the same rows always
 * give the same model, bit for bit. The ridge penalty keeps the fit finite when a category is all
 * wins or all losses; with `l2: 0` it is the textbook maximum-likelihood estimate.
 */
export const fitLogisticRegression = (
  rows: readonly (readonly number[])[],
  outcomes: readonly (0 | 1)[],
  options: LogisticOptions,
): LogisticModel => {
  const width = rows[0]?.length ?? 0;
  let beta = new Array<number>(width + 1).fill(0);
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 1e-10;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations += 1;
    const { gradient, hessian } = newtonTerms(rows, outcomes, beta, options.l2);
    const step = solveLinearSystem(hessian, gradient);
    if (step === undefined) break;
    beta = beta.map((b, j) => b + (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < tolerance) break;
  }
  return { intercept: beta[0] ?? 0, weights: beta.slice(1), iterations };
};

/** The model's probability for one encoded case. */
export const predictProbability = (model: LogisticModel, x: readonly number[]): number =>
  sigmoid(linear([model.intercept, ...model.weights], x));
