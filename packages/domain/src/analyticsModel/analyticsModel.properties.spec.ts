import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertReplayDeterminism } from '../testing/replayProperty.js';
import type { AnalyticsModelCommand } from './commands.js';
import { analyticsModelDecider } from './decide.js';
import { AnalyticsModelEvent } from './events.js';
import { AnalyticsModelStateCodec } from './stateCodec.js';

// The first three trainings follow on; later ones draw versions from a small range, so some
// follow on and some race for a version already recorded.
const training = fc
  .record({ version: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(
    ({ version, day }) =>
      ({
        kind: 'RecordModelTraining',
        modelId: 'win-probability',
        version,
        trainedUpTo: `2026-03-${String(day).padStart(2, '0')}`,
        trainingCases: 100,
        shown: 'model',
        parameters: '{}',
      }) as unknown as AnalyticsModelCommand,
  );
const inOrder = fc
  .array(training, { minLength: 4, maxLength: 12 })
  .map((commands) =>
    commands.map((command, index) =>
      index < 3 ? ({ ...command, version: index + 1 } as AnalyticsModelCommand) : command,
    ),
  );

describe('analytics model properties', () => {
  it("a snapshot taken anywhere in a model's training record, plus the events after it, equals the full replay", () => {
    assertReplayDeterminism(analyticsModelDecider, AnalyticsModelEvent, inOrder, {
      numRuns: 100,
      minEvents: 3,
      stateCodec: AnalyticsModelStateCodec,
    });
  });
});
