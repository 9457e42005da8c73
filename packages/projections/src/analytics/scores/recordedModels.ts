import * as t from 'io-ts';
import type { AnalyticsModelCommandInput, OpportunityEvent } from '@clientele/domain';
import { AnalyticsModelEvent } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { domainEventDecoder } from '../../readModels/domainEvent.js';
import { backtestWinProbability } from '../backtest/winBacktest.js';
import type { DatedEvent } from '../history/datedEvents.js';
import { datedEvents, shiftDay } from '../history/datedEvents.js';
import type { ScoringModelParameters } from '../learning/scoringModel.js';
import { trainWinModel } from '../win/winModel.js';

/** The id the win model's trainings are recorded under (`AnalyticsModel-win-probability`). */
export const WIN_MODEL_ID = 'win-probability';

/** Days between the check's cut-off and the training day. */
export const WIN_CHECK_DAYS = 90;

/** The recorded parameters of a scoring model, as stored JSON: decoded, never cast. */
export const ScoringModelParametersCodec = t.type({
  encoder: t.type({
    levels: t.record(t.string, t.readonlyArray(t.string)),
    scales: t.record(t.string, t.type({ mean: t.number, sd: t.number })),
  }),
  model: t.type({ intercept: t.number, weights: t.readonlyArray(t.number), iterations: t.number }),
  trainedOn: t.type({ cases: t.number, positives: t.number }),
});

/** A training of a model as the log recorded it. */
export interface RecordedModel {
  readonly modelId: string;
  readonly version: number;
  readonly trainedUpTo: string;
  /** The day the training was recorded as happening. */
  readonly recordedOn: string;
  readonly shown: string;
  readonly parameters: ScoringModelParameters;
}

const decode = domainEventDecoder(AnalyticsModelEvent);

/**
 * The latest training of `modelId` that had happened by `day` (its business day), with its
 * parameters decoded: the model that scored deals on that day. Undefined when none had; a stored
 * parameter document that does not decode throws, naming the version, as a corrupt log does.
 */
export const recordedModelAsOf = (
  events: Iterable<RecordedEvent>,
  modelId: string,
  day: string,
): RecordedModel | undefined => {
  let latest: RecordedModel | undefined;
  for (const { day: recordedOn, event } of datedEvents(events, decode)) {
    if (event.data.modelId !== modelId || recordedOn > day) continue;
    if (latest !== undefined && latest.version > event.data.version) continue;
    const parameters = ScoringModelParametersCodec.decode(
      JSON.parse(event.data.parameters) as unknown,
    );
    if (parameters._tag === 'Left')
      throw new Error(
        `${modelId} version ${String(event.data.version)}: its parameters do not decode`,
      );
    latest = { ...event.data, recordedOn, parameters: parameters.right };
  }
  return latest;
};

/**
 * A training of the win model on the log up to `day`, ready to record with the next version:
 * the model's parameters, and which scorer its time-split check (`WIN_CHECK_DAYS` earlier,
 * scored on what closed by `day`) chose to show. Only events that happened by `day` are read.
 */
export const winModelTraining = (
  events: readonly DatedEvent<OpportunityEvent>[],
  day: string,
): Omit<Extract<AnalyticsModelCommandInput, { kind: 'RecordModelTraining' }>, 'version'> => {
  const known = events.filter((event) => event.day <= day);
  const check = backtestWinProbability(known, [shiftDay(day, -WIN_CHECK_DAYS)]);
  const model = trainWinModel(known, day);
  const parameters: ScoringModelParameters = {
    encoder: model.encoder,
    model: model.model,
    trainedOn: model.trainedOn,
  };
  return {
    kind: 'RecordModelTraining',
    modelId: WIN_MODEL_ID,
    trainedUpTo: day,
    trainingCases: model.trainedOn.cases,
    shown: check.chosen,
    parameters: JSON.stringify(parameters),
  };
};
