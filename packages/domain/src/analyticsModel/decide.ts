import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { AnalyticsModelCommand } from './commands.js';
import type { AnalyticsModelError } from './errors.js';
import type { AnalyticsModelEvent } from './events.js';
import type { AnalyticsModelState } from './state.js';
import { evolveAnalyticsModel, initialAnalyticsModelState } from './state.js';

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Records a training: versions follow one another (1, 2, 3…), so two trainings racing for the
 * same version cannot both be recorded, and the parameters must be JSON a scorer can read back.
 */
export const decideAnalyticsModel = (
  command: AnalyticsModelCommand,
  state: AnalyticsModelState,
): E.Either<AnalyticsModelError, readonly AnalyticsModelEvent[]> => {
  const expected = state.version + 1;
  if (command.version !== expected)
    return E.left({
      kind: 'ModelVersionOutOfOrder',
      modelId: command.modelId,
      expected,
      actual: command.version,
    });
  if (!isJson(command.parameters))
    return E.left({ kind: 'ModelParametersNotJson', modelId: command.modelId });
  return E.right([
    {
      type: 'ModelTrained',
      data: {
        modelId: command.modelId,
        version: command.version,
        trainedUpTo: command.trainedUpTo,
        trainingCases: command.trainingCases,
        shown: command.shown,
        parameters: command.parameters,
      },
    },
  ]);
};

/** The AnalyticsModel decider: one stream per model, `AnalyticsModel-<modelId>`. */
export const analyticsModelDecider: Decider<
  AnalyticsModelCommand,
  AnalyticsModelEvent,
  AnalyticsModelState,
  AnalyticsModelError
> = {
  initialState: initialAnalyticsModelState,
  decide: decideAnalyticsModel,
  evolve: evolveAnalyticsModel,
};
