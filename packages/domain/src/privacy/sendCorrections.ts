import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext } from '@clientele/eventstore';
import { stepContext } from '../reservations/stepContext.js';
import type { RectificationStep } from './events.js';
import type { RectificationEntry, RectificationPlanStep } from './rectification.js';

/** What a rectification needs of an entry point: whether a correction was appended. */
export interface CorrectionEntry {
  handle(input: unknown, context: CommandContext): Promise<E.Either<unknown, unknown>>;
}

/** The entry points a rectification plan sends corrections to, by the entry a step names. */
export type CorrectionEntries = Partial<Record<RectificationEntry, CorrectionEntry>>;

/**
 * Sends a rectification plan's corrections, one at a time, each through the entry point its step
 * names: a step the plan skipped, one whose entry point was not given and one the entry point
 * refused are recorded as skipped with the reason; a sent one with its command's kind.
 */
export const sendCorrections = async (
  plan: readonly RectificationPlanStep[],
  entries: CorrectionEntries,
  context: CommandContext,
): Promise<RectificationStep[]> => {
  const steps: RectificationStep[] = [];
  for (const step of plan) {
    if ('skipped' in step) {
      steps.push(step);
      continue;
    }
    const entry = entries[step.entry];
    if (entry === undefined) {
      steps.push({ streamName: step.streamName, skipped: `no ${step.entry} service was given` });
      continue;
    }
    const sent = await entry.handle(
      step.command,
      stepContext(context, `rectify ${step.streamName}`),
    );
    steps.push(
      E.isRight(sent)
        ? { streamName: step.streamName, command: String(step.command['kind']) }
        : { streamName: step.streamName, skipped: `refused: ${JSON.stringify(sent.left)}` },
    );
  }
  return steps;
};
