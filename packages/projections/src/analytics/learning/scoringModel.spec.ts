import { describe, expect, it } from 'vitest';
import type { FeatureDefinition } from './featureEncoder.js';
import type { TrainingCase } from './scoringModel.js';
import { trainScoringModel } from './scoringModel.js';

interface Deal {
  readonly owner: string;
  readonly days: number;
}

const FEATURES: readonly FeatureDefinition<Deal>[] = [
  { kind: 'category', name: 'owner', valueOf: (d) => d.owner, minCount: 2 },
  { kind: 'number', name: 'days', valueOf: (d) => d.days },
];

const training: TrainingCase<Deal>[] = [
  ...Array.from({ length: 8 }, (_, i): TrainingCase<Deal> => ({
    item: { owner: 'ann', days: i },
    outcome: i % 4 === 0 ? 0 : 1,
  })),
  ...Array.from({ length: 8 }, (_, i): TrainingCase<Deal> => ({
    item: { owner: 'bob', days: i },
    outcome: i % 4 === 0 ? 1 : 0,
  })),
  { item: { owner: 'cid', days: 3 }, outcome: 1 },
];

describe('scoring model', () => {
  const model = trainScoringModel(FEATURES, training, 1);

  it('explains a score exactly: the intercept plus the contributions is the log-odds of the score', () => {
    const deal = { owner: 'ann', days: 5 };
    const logOdds =
      model.model.intercept + model.explain(deal).reduce((sum, c) => sum + c.logOdds, 0);
    expect(1 / (1 + Math.exp(-logOdds))).toBeCloseTo(model.score(deal), 12);
  });

  it('signs a contribution by the direction it pushes: the owner who wins more raises the score', () => {
    const ann = model.explain({ owner: 'ann', days: 3 }).find((c) => c.feature === 'owner')!;
    const bob = model.explain({ owner: 'bob', days: 3 }).find((c) => c.feature === 'owner')!;
    expect(ann.logOdds).toBeGreaterThan(0);
    expect(bob.logOdds).toBeLessThan(0);
  });

  it('gives a level seen too rarely in training no column: it contributes nothing', () => {
    expect(model.encoder.levels['owner']).toEqual(['ann', 'bob']);
    expect(
      model.explain({ owner: 'cid', days: 3 }).find((c) => c.feature === 'owner')!.logOdds,
    ).toBe(0);
  });

  it('lists contributions largest first', () => {
    const sizes = model.explain({ owner: 'bob', days: 7 }).map((c) => Math.abs(c.logOdds));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
