import { describe, expect, it } from 'vitest';
import type { ScorerResult } from './comparison.js';
import { beats, chooseDefault } from './comparison.js';

const result = (scorer: string, auc: number | null, brier: number | null): ScorerResult => ({
  scorer,
  cases: 10,
  auc,
  brier,
  calibration: [],
});

describe('which scorer ships', () => {
  it('ships the model only when it has a higher AUC and a lower Brier score than every baseline', () => {
    const model = result('model', 0.7, 0.2);
    expect(
      chooseDefault(model, [result('stageDefault', 0.5, 0.22), result('overallRate', 0.5, 0.21)]),
    ).toBe('model');
  });
  it('ships the baseline with the lowest Brier score when the model loses on either measure', () => {
    const model = result('model', 0.7, 0.215);
    expect(beats(model, result('overallRate', 0.5, 0.21))).toBe(false);
    expect(
      chooseDefault(model, [result('stageDefault', 0.5, 0.22), result('overallRate', 0.5, 0.21)]),
    ).toBe('overallRate');
  });
  it('counts a baseline that ranks nothing as AUC one half', () => {
    expect(beats(result('model', 0.49, 0.1), result('constant', null, 0.2))).toBe(false);
  });
});
