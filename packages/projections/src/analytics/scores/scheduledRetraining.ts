import * as E from 'fp-ts/lib/Either.js';
import type { AnalyticsModelService, AnalyticsModelState } from '@clientele/domain';
import type { Actor, EventStore, RecordedEvent } from '@clientele/eventstore';
import { deriveId, systemActor } from '@clientele/eventstore';
import { daysFrom, shiftDay } from '../history/datedEvents.js';
import { datedDealEvents } from '../history/dealHistory.js';
import { WIN_MODEL_ID, winModelTraining } from './recordedModels.js';

/** Where the retraining schedule learns the day: the only place that reads a clock. */
export interface RetrainingClockPort {
  /** Today, `YYYY-MM-DD`, in the tenant's time zone. */
  today(): string;
}

/** Options of {@link createScheduledRetraining}. */
export interface ScheduledRetrainingOptions {
  /** The log the model learns from (every Opportunity event is read). */
  readonly log: EventStore;
  /** The AnalyticsModel entry point the training is recorded through. */
  readonly models: AnalyticsModelService;
  readonly clock: RetrainingClockPort;
  /** Days between trainings: a training is due this many days after the last one's cut-off. */
  readonly everyDays: number;
  /** Who records the training; defaults to the system actor `scheduler:model-retraining`. */
  readonly actor?: Actor | undefined;
  readonly tenantId?: string | undefined;
}

/** A training of the win model that was recorded, by the schedule or on demand. */
export interface RecordedTraining {
  readonly modelId: string;
  readonly version: number;
  readonly trainedUpTo: string;
  readonly trainingCases: number;
  readonly shown: string;
}

/** Retrains the win model when its schedule says. */
export interface ScheduledRetraining {
  /**
   * Trains and records the win model if a training is due on the clock's day; answers what it
   * recorded, or null when none was due. A refusal of the record is a Left with its reason.
   */
  trainDue(): Promise<E.Either<string, RecordedTraining | null>>;
}

/**
 * The cut-off of the training due on `today`, or null when none is: today for a model never
 * trained; else the last scheduled day (every `everyDays` from the last cut-off) that has come,
 * so a scheduler that was down for weeks trains once, on the latest day it missed.
 */
export const dueCutOff = (
  model: AnalyticsModelState,
  today: string,
  everyDays: number,
): string | null => {
  if (model.trainedUpTo === null) return today;
  const elapsed = daysFrom(model.trainedUpTo, today);
  if (elapsed < everyDays) return null;
  return shiftDay(model.trainedUpTo, Math.floor(elapsed / everyDays) * everyDays);
};

/** The namespace the schedule's command ids derive from. */
const RETRAINING_NAMESPACE = '6f1c2a52-3b9e-4f0e-9d8a-2f6c0e7b4a11';

/** What {@link recordWinModelTraining} trains and records, and as whom. */
export interface WinModelTrainingRecord {
  /** The log's events; only the Opportunity events that happened by `cutOff` are learned from. */
  readonly events: readonly RecordedEvent[];
  readonly cutOff: string;
  /** The model's next version. */
  readonly version: number;
  readonly commandId: string;
  readonly actor: Actor;
  readonly tenantId?: string | undefined;
}

/**
 * Trains the win model on the log up to the cut-off and records it as the given version through
 * `models`, as happening at the end of that day, so the scores of that day and after come from it
 * until a later training is recorded. A refusal of the record is a Left with its reason.
 */
export const recordWinModelTraining = async (
  models: AnalyticsModelService,
  record: WinModelTrainingRecord,
): Promise<E.Either<string, RecordedTraining>> => {
  const { cutOff, version } = record;
  const training = winModelTraining(datedDealEvents(record.events), cutOff);
  const recorded = await models.handle(
    { ...training, version },
    {
      commandId: record.commandId,
      actor: record.actor,
      occurredAt: `${cutOff}T23:59:59.999Z`,
      ...(record.tenantId === undefined ? {} : { tenantId: record.tenantId }),
    },
  );
  if (E.isLeft(recorded))
    return E.left(`the training was not recorded: ${JSON.stringify(recorded.left)}`);
  return E.right({
    modelId: WIN_MODEL_ID,
    version,
    trainedUpTo: cutOff,
    trainingCases: training.trainingCases,
    shown: training.shown,
  });
};

const readAll = async (log: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of log.readAll()) events.push(event);
  return events;
};

/**
 * The win model's retraining schedule, beside on-demand `clientele analyze train`. Whether a
 * training is due comes from the model's record in the log (its last cut-off) and the clock
 * port's day, never from memory, so asking again the same day, after a restart, on another node
 * or after a rebuild records nothing twice. The command id derives from the version and cut-off:
 * two schedulers racing for the same training record it once, and the loser is told what was
 * recorded. The training learns only from events that happened by its cut-off, and is recorded as
 * happening at the end of that day, like an on-demand one.
 */
export const createScheduledRetraining = (
  options: ScheduledRetrainingOptions,
): ScheduledRetraining => {
  if (!Number.isInteger(options.everyDays) || options.everyDays < 1)
    throw new RangeError(
      `everyDays must be a whole number of days, 1 or more (got ${String(options.everyDays)})`,
    );
  const actor =
    options.actor ??
    systemActor('scheduler:model-retraining', 'retrains the win model on its schedule');
  const trainDue = async (): Promise<E.Either<string, RecordedTraining | null>> => {
    const model = await options.models.load(WIN_MODEL_ID);
    const cutOff = dueCutOff(model, options.clock.today(), options.everyDays);
    if (cutOff === null) return E.right(null);
    const version = model.version + 1;
    return recordWinModelTraining(options.models, {
      events: await readAll(options.log),
      cutOff,
      version,
      commandId: deriveId(
        RETRAINING_NAMESPACE,
        `${WIN_MODEL_ID} v${String(version)} up to ${cutOff}`,
      ),
      actor,
      tenantId: options.tenantId,
    });
  };
  return { trainDue };
};
