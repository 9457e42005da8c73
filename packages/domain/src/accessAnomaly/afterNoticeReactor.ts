import * as E from 'fp-ts/lib/Either.js';
import type {
  CheckpointStore,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import { DecodeError, createReactorRunner } from '@clientele/eventstore';
import { PersonalDataRead } from '../accessLog/events.js';
import { departuresIn } from '../offboarding/departures.js';
import { addDays } from '../shared/dates.js';
import type { DateOnly } from '../shared/dates.js';
import { createAnomalyRecorder } from './anomalyRecorder.js';

/** When a read by someone who gave notice is flagged. */
export interface AfterNoticeThresholds {
  /** Days after the notice date during which reads are not flagged (0: from the notice day on). */
  readonly graceDays: number;
  /** Flag a read only when it names at least this many data subjects (1: every read). */
  readonly minimumSubjects: number;
}

/** Every read from the day notice was given, whatever its size. */
export const defaultAfterNoticeThresholds: AfterNoticeThresholds = {
  graceDays: 0,
  minimumSubjects: 1,
};

/** Options of {@link createAfterNoticeReactor}. */
export interface AfterNoticeOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  /** Defaults to {@link defaultAfterNoticeThresholds}. */
  readonly thresholds?: AfterNoticeThresholds;
  /** The checkpoint name; defaults to `access-anomaly-after-notice`. */
  readonly name?: string;
  readonly lease?: LeaseOptions;
}

const readOf = (event: RecordedEvent) => {
  const decoded = PersonalDataRead.decode({ type: event.type, data: event.data });
  if (E.isLeft(decoded)) throw new DecodeError(`PersonalDataRead ${event.eventId}`, decoded.left);
  return decoded.right.data;
};

/**
 * Flags reads after a resignation notice: every `PersonalDataRead` by an actor whose departure
 * (`RepOffboarded`) gave notice on or before the read's day (plus `graceDays`), naming at least
 * `minimumSubjects` data subjects, is recorded as `AccessAnomalyDetected` with rule
 * `afterNotice`, as the system actor `reactor:access-anomaly`. The anomaly's id derives from the
 * read's event id, so a replay flags nothing twice; departures are read from the log, so a notice
 * recorded late still counts for the reads after it that the reactor has not passed yet.
 */
export const createAfterNoticeReactor = (options: AfterNoticeOptions): ReactorRunner => {
  const { store } = options;
  const thresholds = options.thresholds ?? defaultAfterNoticeThresholds;
  const record = createAnomalyRecorder(store);
  const react = async (event: RecordedEvent): Promise<void> => {
    const read = readOf(event);
    const { actor, occurredAt } = event.metadata;
    const departure = (await departuresIn(store)).get(actor.id);
    if (departure === undefined || read.count < thresholds.minimumSubjects) return;
    const from = addDays(departure.noticeGivenOn as DateOnly, thresholds.graceDays);
    if (new Date(occurredAt).toISOString().slice(0, 10) < from) return;
    await record(
      event,
      {
        rule: 'afterNotice',
        customers: read.count,
        baseline: 0,
        threshold: thresholds.minimumSubjects,
      },
      { actorId: actor.id, at: occurredAt },
    );
  };
  return createReactorRunner({
    name: options.name ?? 'access-anomaly-after-notice',
    store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: ['PersonalDataRead'] },
    react,
    lease: options.lease,
  });
};
