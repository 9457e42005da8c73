import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, RecordedEvent } from '@clientele/eventstore';
import {
  commerceAuthorizers,
  createAnalyticsModelService,
  defaultRolePolicy,
  noTeams,
} from '@clientele/domain';
import {
  WIN_MODEL_ID,
  createScheduledRetraining,
  datedDealEvents,
  reportDate,
  winModelTraining,
} from '@clientele/projections';
import type { ReadSide } from '../store/openReadSide.js';

/** What `clientele analyze train` recorded. */
export interface RecordedTraining {
  readonly modelId: string;
  readonly version: number;
  readonly trainedUpTo: string;
  readonly trainingCases: number;
  readonly shown: string;
}

/**
 * Trains the win model on the log up to the day (given, else the latest day in the data) and
 * records it as the model's next version (`ModelTrained`), as happening at the end of that day, so
 * the scores of that day and after come from it until a later training is recorded.
 */
export const trainAndRecordWinModel = async (
  readSide: ReadSide,
  actor: Actor,
  givenDay: string | undefined,
): Promise<E.Either<string, RecordedTraining>> => {
  await readSide.runner.catchUp();
  const { asOf } = await reportDate(
    readSide.readModels,
    givenDay,
    new Date().toISOString().slice(0, 10),
  );
  const all: RecordedEvent[] = [];
  for await (const event of readSide.log.readAll()) all.push(event);
  const training = winModelTraining(datedDealEvents(all), asOf);
  const models = createAnalyticsModelService(readSide.events, {
    authorize: commerceAuthorizers(defaultRolePolicy, noTeams).analyticsModel,
  });
  const version = (await models.load(WIN_MODEL_ID)).version + 1;
  const recorded = await models.handle(
    { ...training, version },
    { commandId: uuidv7(), actor, occurredAt: `${asOf}T23:59:59.999Z` },
  );
  if (E.isLeft(recorded))
    return E.left(`the training was not recorded: ${JSON.stringify(recorded.left)}`);
  return E.right({
    modelId: WIN_MODEL_ID,
    version,
    trainedUpTo: asOf,
    trainingCases: training.trainingCases,
    shown: training.shown,
  });
};

/**
 * Runs the win model's retraining schedule on the day given (else today, by the machine's clock):
 * trains and records it when the last training is `everyDays` old or more, else records nothing
 * and answers null. See `createScheduledRetraining`.
 */
export const trainWinModelIfDue = async (
  readSide: ReadSide,
  actor: Actor,
  schedule: { readonly everyDays: number; readonly day: string | undefined },
): Promise<E.Either<string, RecordedTraining | null>> =>
  createScheduledRetraining({
    log: readSide.log,
    models: createAnalyticsModelService(readSide.events, {
      authorize: commerceAuthorizers(defaultRolePolicy, noTeams).analyticsModel,
    }),
    clock: { today: () => schedule.day ?? new Date().toISOString().slice(0, 10) },
    everyDays: schedule.everyDays,
    actor,
  }).trainDue();
