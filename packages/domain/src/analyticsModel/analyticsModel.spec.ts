import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { decideAnalyticsModel } from './decide.js';
import { createAnalyticsModelService } from './analyticsModelService.js';
import type { AnalyticsModelCommand } from './commands.js';
import { initialAnalyticsModelState } from './state.js';

const training = (version: number, parameters = '{"weights":[0.5]}'): AnalyticsModelCommand =>
  ({
    kind: 'RecordModelTraining',
    modelId: 'win-probability',
    version,
    trainedUpTo: '2026-03-01',
    trainingCases: 120,
    shown: 'stageDefault',
    parameters,
  }) as AnalyticsModelCommand;

describe('recording model trainings', () => {
  it('records the first training as version 1 with everything needed to recompute its scores', () => {
    const decided = decideAnalyticsModel(training(1), initialAnalyticsModelState);
    expect(decided).toEqual(
      E.right([
        {
          type: 'ModelTrained',
          data: {
            modelId: 'win-probability',
            version: 1,
            trainedUpTo: '2026-03-01',
            trainingCases: 120,
            shown: 'stageDefault',
            parameters: '{"weights":[0.5]}',
          },
        },
      ]),
    );
  });

  it('refuses a version that does not follow the last one recorded', () => {
    expect(decideAnalyticsModel(training(3), { version: 1, trainedUpTo: '2026-02-01' })).toEqual(
      E.left({
        kind: 'ModelVersionOutOfOrder',
        modelId: 'win-probability',
        expected: 2,
        actual: 3,
      }),
    );
  });

  it('refuses parameters that are not JSON', () => {
    expect(decideAnalyticsModel(training(1, 'weights: 0.5'), initialAnalyticsModelState)).toEqual(
      E.left({ kind: 'ModelParametersNotJson', modelId: 'win-probability' }),
    );
  });

  it('keeps the versions of one model in its own stream, one after another', async () => {
    const models = createAnalyticsModelService(createInMemoryEventStore(), {
      authorize: permitEveryoneInTests(),
    });
    const context = (n: number) => ({
      commandId: `00000000-0000-4000-8000-00000000000${String(n)}`,
      actor: { id: 'analyst', role: 'administrator' },
      occurredAt: '2026-03-02T09:00:00Z',
    });
    expect(E.isRight(await models.handle(training(1), context(1)))).toBe(true);
    expect(E.isRight(await models.handle(training(2), context(2)))).toBe(true);
    expect(await models.load('win-probability')).toEqual({ version: 2, trainedUpTo: '2026-03-01' });
  });
});
