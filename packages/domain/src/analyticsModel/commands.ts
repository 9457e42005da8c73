import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { unionOfOne } from '../shared/unionOfOne.js';

/** Record a training of a model: the next version, its cut-off, its check's choice and parameters. */
export const RecordModelTraining = t.type(
  {
    kind: t.literal('RecordModelTraining'),
    modelId: t.string,
    version: t.Int,
    trainedUpTo: DateOnly,
    trainingCases: t.Int,
    shown: t.string,
    parameters: t.string,
  },
  'RecordModelTraining',
);

/** Every AnalyticsModel command. */
export const AnalyticsModelCommand = unionOfOne(RecordModelTraining, 'AnalyticsModelCommand');
/** Every AnalyticsModel command. */
export type AnalyticsModelCommand = t.TypeOf<typeof AnalyticsModelCommand>;
/** An AnalyticsModel command as callers write it, before decoding. */
export type AnalyticsModelCommandInput = t.OutputOf<typeof AnalyticsModelCommand>;
