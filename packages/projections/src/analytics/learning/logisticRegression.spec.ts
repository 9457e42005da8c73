import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, predictProbability, sigmoid } from './logisticRegression.js';
import { solveLinearSystem } from './linearSystem.js';

const logit = (p: number) => Math.log(p / (1 - p));

/** `wins` of `total` cases with feature value x. */
const group = (x: number, wins: number, total: number): { x: number[]; y: 0 | 1 }[] =>
  Array.from({ length: total }, (_, i) => ({ x: [x], y: i < wins ? 1 : 0 }));

describe('logistic regression', () => {
  it('recovers the group log-odds exactly with one binary feature and no penalty (the saturated model)', () => {
    const data = [...group(0, 3, 10), ...group(1, 6, 8)];
    const model = fitLogisticRegression(
      data.map((d) => d.x),
      data.map((d) => d.y),
      { l2: 0 },
    );
    expect(model.intercept).toBeCloseTo(logit(0.3), 9);
    expect(model.weights[0]).toBeCloseTo(logit(0.75) - logit(0.3), 9);
    expect(predictProbability(model, [1])).toBeCloseTo(0.75, 9);
  });

  it('recovers the intercept and slope of the log-odds that generated the data', () => {
    // At x = 0..8, 100 cases each, of which round(100·σ(−2 + 0.5·x)) are wins: the
    // maximum-likelihood fit must land on −2 and 0.5 up to that rounding.
    const rows: number[][] = [];
    const ys: (0 | 1)[] = [];
    for (let x = 0; x <= 8; x += 1) {
      const wins = Math.round(sigmoid(-2 + 0.5 * x) * 100);
      for (let i = 0; i < 100; i += 1) {
        rows.push([x]);
        ys.push(i < wins ? 1 : 0);
      }
    }
    const model = fitLogisticRegression(rows, ys, { l2: 0 });
    expect(model.intercept).toBeCloseTo(-2, 1);
    expect(model.weights[0]).toBeCloseTo(0.5, 1);
  });

  it('keeps a perfectly separating feature finite under a ridge penalty, and shrinks it as the penalty grows', () => {
    const data = [...group(0, 0, 10), ...group(1, 10, 10)];
    const fit = (l2: number) =>
      fitLogisticRegression(
        data.map((d) => d.x),
        data.map((d) => d.y),
        { l2 },
      ).weights[0]!;
    expect(Number.isFinite(fit(1))).toBe(true);
    expect(fit(10)).toBeLessThan(fit(1));
    expect(fit(1)).toBeGreaterThan(0);
  });

  it('gives the same model bit for bit on the same rows', () => {
    const data = [...group(0, 4, 9), ...group(1, 5, 7), ...group(2, 6, 7)];
    const run = () =>
      fitLogisticRegression(
        data.map((d) => d.x),
        data.map((d) => d.y),
        { l2: 0.5 },
      );
    expect(run()).toEqual(run());
  });
});

describe('linear system', () => {
  it('solves a system that needs a row swap', () => {
    expect(
      solveLinearSystem(
        [
          [0, 1],
          [2, 0],
        ],
        [3, 4],
      ),
    ).toEqual([2, 3]);
  });
  it('says a singular system has no solution', () => {
    expect(
      solveLinearSystem(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeUndefined();
  });
});
