import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaUnderCurve } from './auc.js';
import { brierScore } from './brier.js';
import { calibrationTable } from './calibration.js';
import { meanAbsolutePercentageError } from './mape.js';

const cases = (probabilities: number[], outcomes: (0 | 1)[]) =>
  probabilities.map((probability, i) => ({ probability, outcome: outcomes[i]! }));

describe('area under the ROC curve', () => {
  it('gives 0.75 on the textbook four-case example (scikit-learn roc_auc_score docs)', () => {
    expect(areaUnderCurve(cases([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))).toBe(0.75);
  });
  it('counts a tie between a positive and a negative as one half', () => {
    expect(areaUnderCurve(cases([0.5, 0.5], [0, 1]))).toBe(0.5);
    expect(areaUnderCurve(cases([0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1]))).toBe(0.875);
  });
  it('is undefined when one class is missing', () => {
    expect(areaUnderCurve(cases([0.2, 0.3], [1, 1]))).toBeUndefined();
  });
  it('equals the share of positive–negative pairs ranked right, counted pair by pair', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.boolean()), { maxLength: 40 }),
        (raw) => {
          const scored = raw.map(
            ([p, o]) => ({ probability: p / 10, outcome: o ? 1 : 0 }) as const,
          );
          const pos = scored.filter((c) => c.outcome === 1);
          const neg = scored.filter((c) => c.outcome === 0);
          let right = 0;
          for (const a of pos)
            for (const b of neg)
              right +=
                a.probability > b.probability ? 1 : a.probability === b.probability ? 0.5 : 0;
          const expected =
            pos.length * neg.length === 0 ? undefined : right / (pos.length * neg.length);
          const actual = areaUnderCurve(scored);
          if (expected === undefined) expect(actual).toBeUndefined();
          else expect(actual).toBeCloseTo(expected, 12);
        },
      ),
    );
  });
});

describe('Brier score', () => {
  it('gives 0.0375 on the textbook example (scikit-learn brier_score_loss docs)', () => {
    expect(brierScore(cases([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]))).toBeCloseTo(0.0375, 15);
  });
  it('gives 0.25 for a constant one half, whatever happened', () => {
    expect(brierScore(cases([0.5, 0.5, 0.5], [0, 1, 1]))).toBe(0.25);
  });
  it('is undefined for no cases', () => {
    expect(brierScore([])).toBeUndefined();
  });
});

describe('calibration table', () => {
  it('puts each case in its tenth, a probability of 1 in the last, with mean prediction and observed rate', () => {
    const table = calibrationTable(cases([0.05, 0.15, 0.12, 1, 0.95], [0, 1, 0, 1, 0]));
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ from: 0, to: 0.1, cases: 1, meanPredicted: 0.05, observedRate: 0 });
    expect(table[1]!.cases).toBe(2);
    expect(table[1]!.meanPredicted).toBeCloseTo(0.135, 12);
    expect(table[1]!.observedRate).toBe(0.5);
    expect(table[5]).toEqual({
      from: 0.5,
      to: 0.6,
      cases: 0,
      meanPredicted: null,
      observedRate: null,
    });
    expect(table[9]!.cases).toBe(2);
    expect(table[9]!.observedRate).toBe(0.5);
  });
});

describe('mean absolute percentage error', () => {
  it('gives 0.32738 on the textbook example (scikit-learn mean_absolute_percentage_error docs)', () => {
    const periods = [3, -0.5, 2, 7].map((actual, i) => ({ actual, forecast: [2.5, 0, 2, 8][i]! }));
    expect(meanAbsolutePercentageError(periods)).toBeCloseTo((0.5 / 3 + 1 + 0 + 1 / 7) / 4, 12);
    expect(meanAbsolutePercentageError(periods)).toBeCloseTo(0.32738, 5);
  });
  it('refuses a period whose actual is zero rather than divide by it', () => {
    expect(meanAbsolutePercentageError([{ actual: 0, forecast: 1 }])).toBeUndefined();
  });
});
