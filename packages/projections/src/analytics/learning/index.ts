export type { EncoderState, FeatureDefinition, FeatureEncoder } from './featureEncoder.js';
export { fitFeatureEncoder } from './featureEncoder.js';
export type { LogisticModel, LogisticOptions } from './logisticRegression.js';
export { fitLogisticRegression, predictProbability, sigmoid } from './logisticRegression.js';
export type { Contribution, ScoringModel, TrainingCase } from './scoringModel.js';
export { trainScoringModel } from './scoringModel.js';
