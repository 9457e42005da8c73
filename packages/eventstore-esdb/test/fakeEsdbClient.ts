import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

/** An event as the fake keeps it: what `jsonEvent` built, plus its revision and `$all` position. */
export interface FakeStoredEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly revision: bigint;
  readonly position: { readonly commit: bigint; readonly prepare: bigint };
  readonly recordedAt: number;
}

interface FakeStream {
  events: FakeStoredEvent[];
  /** Revision of the last event ever written: revisions continue after a soft delete. */
  lastRevision: bigint | undefined;
  softDeleted: boolean;
  tombstoned: boolean;
  maxAgeSeconds: number | undefined;
}

type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** EventStoreDB's expected-revision check. */
const satisfies = (expected: ExpectedRevision, current: bigint | 'no_stream'): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && current === 'no_stream') ||
  (expected === 'stream_exists' && current !== 'no_stream') ||
  expected === current;

/**
 * A fake of the part of `EventStoreDBClient` the command ledger uses, in memory, keeping the
 * server's documented semantics: an append checks the expected revision and throws
 * `WrongExpectedVersionError` (actual `"no_stream"` when nothing is there); revisions of one
 * stream run 0, 1, 2…; every event gets a growing `$all` position; a soft-deleted stream reads as
 * not found and may be written again, its revisions continuing where they were; a tombstoned one
 * throws `StreamDeletedError` on read and write; `$maxAge` hides older events from reads without
 * resetting the stream's revision. Not the real server: nothing here is proven against one.
 */
export const createFakeEsdbClient = (clock: () => number = Date.now) => {
  const streams = new Map<string, FakeStream>();
  let nextPosition = 0n;
  const streamOf = (name: string): FakeStream => {
    const existing = streams.get(name);
    if (existing !== undefined) return existing;
    const created: FakeStream = {
      events: [],
      lastRevision: undefined,
      softDeleted: false,
      tombstoned: false,
      maxAgeSeconds: undefined,
    };
    streams.set(name, created);
    return created;
  };
  const exists = (stream: FakeStream) => stream.lastRevision !== undefined && !stream.softDeleted;
  const visible = (stream: FakeStream) =>
    stream.events.filter(
      (event) =>
        stream.maxAgeSeconds === undefined ||
        clock() - event.recordedAt < stream.maxAgeSeconds * 1000,
    );

  const appendToStream = async (
    streamName: string,
    input:
      | { id: string; type: string; data: unknown }
      | readonly { id: string; type: string; data: unknown }[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ) => {
    const stream = streamOf(streamName);
    if (stream.tombstoned) throw new StreamDeletedError(undefined, streamName);
    const expected = options.expectedRevision ?? 'any';
    const current: bigint | 'no_stream' = exists(stream)
      ? (stream.lastRevision as bigint)
      : 'no_stream';
    if (!satisfies(expected, current)) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    }
    const events = Array.isArray(input) ? input : [input];
    let revision = stream.lastRevision ?? -1n;
    for (const event of events as readonly { id: string; type: string; data: unknown }[]) {
      revision += 1n;
      const position = { commit: nextPosition, prepare: nextPosition };
      nextPosition += 1n;
      stream.events.push({ ...event, revision, position, recordedAt: clock() });
    }
    stream.lastRevision = revision;
    stream.softDeleted = false;
    const last = stream.events.at(-1) as FakeStoredEvent;
    return { success: true, nextExpectedRevision: revision, position: last.position };
  };

  async function* readStream(streamName: string) {
    const stream = streams.get(streamName);
    if (stream?.tombstoned) throw new StreamDeletedError(undefined, streamName);
    if (stream === undefined || !exists(stream))
      throw new StreamNotFoundError(undefined, streamName);
    for (const event of visible(stream)) {
      yield {
        event: {
          id: event.id,
          type: event.type,
          data: event.data,
          revision: event.revision,
          streamId: streamName,
          position: event.position,
        },
      };
    }
  }

  const client = {
    appendToStream,
    readStream,
    setStreamMetadata: async (streamName: string, metadata: { maxAge?: number }) => {
      streamOf(streamName).maxAgeSeconds = metadata.maxAge;
      return { success: true };
    },
    /** Soft delete: reads say not found; a later append recreates the stream, revisions going on. */
    deleteStream: async (streamName: string) => {
      const stream = streamOf(streamName);
      stream.events = [];
      stream.softDeleted = true;
      return {};
    },
    tombstoneStream: async (streamName: string) => {
      streamOf(streamName).tombstoned = true;
      return {};
    },
  };
  return {
    client: client as unknown as EventStoreDBClient,
    /** The events of a stream as stored, expired and deleted ones excluded. */
    eventsOf: (streamName: string): readonly FakeStoredEvent[] => {
      const stream = streams.get(streamName);
      return stream === undefined || !exists(stream) ? [] : visible(stream);
    },
  };
};
