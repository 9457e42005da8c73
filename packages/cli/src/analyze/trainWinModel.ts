import type * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, RecordedEvent } from '@clientele/eventstore';
import {
  commerceAuthorizers,
  createAnalyticsModelService,
  defaultRolePolicy,
  noTeams,
} from '@clientele/domain';
import type { RecordedTraining } from '@clientele/projections';
import {
  WIN_MODEL_ID,
  createScheduledRetraining,
  recordWinModelTraining,
  reportDate,
} from '@clientele/projections';
import type { ReadSide } from '../store/openReadSide.js';

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
  const models = createAnalyticsModelService(readSide.events, {
    authorize: commerceAuthorizers(defaultRolePolicy, noTeams).analyticsModel,
  });
  return recordWinModelTraining(models, {
    events: all,
    cutOff: asOf,
    version: (await models.load(WIN_MODEL_ID)).version + 1,
    commandId: uuidv7(),
    actor,
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
