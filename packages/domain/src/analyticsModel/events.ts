import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { DateOnly } from '../shared/dates.js';
import { unionOfOne } from '../shared/unionOfOne.js';

/**
 * A model was trained and recorded: which model, its version, the last day of the log it learned
 * from, how many cases, which scorer its own time-split check chose to show (`model` or a
 * baseline's code), and its fitted parameters as JSON, so any score it gave can be recomputed and
 * explained later exactly as it was.
 */
export const ModelTrained = eventCodec(
  'ModelTrained',
  t.type({
    modelId: t.string,
    version: t.Int,
    trainedUpTo: DateOnly,
    trainingCases: t.Int,
    shown: t.string,
    parameters: t.string,
  }),
);

/** Every event of an AnalyticsModel stream. */
export const AnalyticsModelEvent = unionOfOne(ModelTrained, 'AnalyticsModelEvent');
/** Every event of an AnalyticsModel stream. */
export type AnalyticsModelEvent = t.TypeOf<typeof AnalyticsModelEvent>;
