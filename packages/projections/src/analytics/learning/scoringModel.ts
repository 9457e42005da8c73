import type { EncoderState, FeatureDefinition } from './featureEncoder.js';
import { encoderFromState, fitFeatureEncoder } from './featureEncoder.js';
import type { LogisticModel } from './logisticRegression.js';
import { fitLogisticRegression, predictProbability } from './logisticRegression.js';

/** One feature's share of a score, in log-odds: positive raises the probability. */
export interface Contribution {
  readonly feature: string;
  /** The case's value of the feature, as shown to people. */
  readonly value: string;
  readonly logOdds: number;
}

/** A trained, explainable scoring model over cases of type C. */
export interface ScoringModel<C> {
  readonly encoder: EncoderState;
  readonly model: LogisticModel;
  /** Training cases and the share of them that happened. */
  readonly trainedOn: { readonly cases: number; readonly positives: number };
  score(item: C): number;
  /** Every feature's contribution to the case's log-odds (the intercept aside), largest first. */
  explain(item: C): readonly Contribution[];
}

/** A training case: the case as known then, and whether it happened. */
export interface TrainingCase<C> {
  readonly item: C;
  readonly outcome: 0 | 1;
}

const display = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * Trains a ridge logistic regression over the features (see `fitLogisticRegression` and
 * `fitFeatureEncoder`). Deterministic: the same cases in the same order give the same model.
 */
export const trainScoringModel = <C>(
  features: readonly FeatureDefinition<C>[],
  training: readonly TrainingCase<C>[],
  l2: number,
): ScoringModel<C> => {
  const encoder = fitFeatureEncoder(
    features,
    training.map(({ item }) => item),
  );
  const model = fitLogisticRegression(
    training.map(({ item }) => encoder.encode(item)),
    training.map(({ outcome }) => outcome),
    { l2 },
  );
  return scoringModelFrom(features, {
    encoder: encoder.state,
    model,
    trainedOn: {
      cases: training.length,
      positives: training.filter((c) => c.outcome === 1).length,
    },
  });
};

/** What a trained scoring model is, as data: what `ModelTrained` records as its parameters. */
export interface ScoringModelParameters {
  readonly encoder: EncoderState;
  readonly model: LogisticModel;
  readonly trainedOn: { readonly cases: number; readonly positives: number };
}

/**
 * The scoring model its parameters describe, over the given features: a model trained now, or
 * one read back from the log, scores and explains a case the same way.
 */
export const scoringModelFrom = <C>(
  features: readonly FeatureDefinition<C>[],
  parameters: ScoringModelParameters,
): ScoringModel<C> => {
  const encoder = encoderFromState(features, parameters.encoder);
  const { model } = parameters;
  const explain = (item: C): readonly Contribution[] => {
    const x = encoder.encode(item);
    return features
      .map((feature) => {
        let logOdds = 0;
        encoder.columns.forEach((column, j) => {
          if (column.feature === feature.name) logOdds += (model.weights[j] ?? 0) * (x[j] ?? 0);
        });
        const raw = feature.valueOf(item);
        return {
          feature: feature.name,
          value: typeof raw === 'number' ? display(raw) : raw,
          logOdds,
        };
      })
      .sort(
        (a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds) || a.feature.localeCompare(b.feature),
      );
  };
  return {
    encoder: parameters.encoder,
    model,
    trainedOn: parameters.trainedOn,
    score: (item) => predictProbability(model, encoder.encode(item)),
    explain,
  };
};
