import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, EventStore } from '@clientele/eventstore';
import { createAccessLogService, recordsOwnReads } from './accessLogService.js';

/** One read to put on record: who, through what, whose data (ids only). */
export interface ReadToRecord {
  readonly actor: Actor;
  /** The channel and what it showed: `report churn`, `dashboard drill leads`, `api GET /customers`. */
  readonly through: string;
  readonly subjects: readonly string[];
  /** The tenant the read was made in, when the store is shared by tenants. */
  readonly tenantId?: string;
}

/** Options of {@link createAccessLogRecorder}. */
export interface AccessLogRecorderOptions {
  /** Told of a read that could not be recorded (a store gone away); defaults to throwing from `flush`. */
  readonly onError?: (error: Error) => void;
  /** The clock reads are dated by; defaults to now. */
  readonly now?: () => Date;
}

/**
 * Puts reads on record without holding up the read: `record` queues and returns at once, a
 * single writer appends the queue in the background (one `PersonalDataRead` per read, with all
 * its subjects), and `flush` waits until everything queued is written.
 */
export interface AccessLogRecorder {
  record(read: ReadToRecord): void;
  /** Waits for every queued read to be written; rejects with the first failure not handed to `onError`. */
  flush(): Promise<void>;
}

/**
 * An {@link AccessLogRecorder} over a store. A read of nobody is no record; a read is dated when
 * `record` is called, not when it is written.
 */
export const createAccessLogRecorder = (
  store: EventStore,
  options: AccessLogRecorderOptions = {},
): AccessLogRecorder => {
  const log = createAccessLogService(store, { authorize: recordsOwnReads() });
  const now = options.now ?? (() => new Date());
  let written: Promise<void> = Promise.resolve();
  let failure: Error | undefined;
  const write = async (read: ReadToRecord, occurredAt: string): Promise<void> => {
    const { actor, through, subjects, tenantId } = read;
    const recorded = await log.handle(
      { kind: 'RecordPersonalDataRead', readId: uuidv7(), through, subjects },
      { commandId: uuidv7(), actor, occurredAt, ...(tenantId === undefined ? {} : { tenantId }) },
    );
    if (E.isLeft(recorded))
      throw new Error(
        `a read through ${through} was not recorded: ${JSON.stringify(recorded.left)}`,
      );
  };
  const fail = (error: unknown): void => {
    const cause = error instanceof Error ? error : new Error(String(error));
    if (options.onError === undefined) failure ??= cause;
    else options.onError(cause);
  };
  return {
    record: (read) => {
      if (read.subjects.length === 0) return;
      const occurredAt = now().toISOString();
      written = written.then(() => write(read, occurredAt)).catch(fail);
    },
    flush: async () => {
      await written;
      const first = failure;
      failure = undefined;
      if (first !== undefined) throw first;
    },
  };
};
