import type {
  AppendResult,
  CurrentRevision,
  EventToAppend,
  ReadStreamOptions,
  RecordedEvent,
} from '@clientele/eventstore';
import { NO_STREAM, frozenJsonCopy } from '@clientele/eventstore';
import { streamRange } from './readStream.js';

/** Most events the cache holds; past it, it forgets every stream and starts again. */
const MAX_CACHED_EVENTS = 20_000;
/** Most command ids it remembers; past it, it forgets them all and starts again. */
const MAX_CACHED_COMMANDS = 100_000;
/** The longest stream a read puts in the cache. */
export const MAX_CACHED_STREAM_LENGTH = 1_000;

/** How PostgreSQL writes a `uuid` back: a read returns an event id in this form only. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What an open group commit knows of the streams and command ids it read or wrote, so that the
 * handler's load, the hash chain's read of a stream's last event and both command-id look-ups do
 * not each cost a round trip. It holds only whole streams, exactly as a read would return them
 * (frozen), and every append still goes to the server, whose checks (expected revision, command
 * id) are the real ones: what the cache says is at worst stale, like any read before an append,
 * and a stale revision comes back as a conflict, which makes the cache forget the stream.
 */
export interface GroupCache {
  /** The events a read with these options returns, or undefined if the stream is not cached. */
  read(streamName: string, options: ReadStreamOptions): readonly RecordedEvent[] | undefined;
  /** The stream's revision, or undefined if it is not cached. */
  revision(streamName: string): CurrentRevision | undefined;
  /** Counts appends and forgotten streams: a read that saw it change must not be remembered. */
  changes(): number;
  /** Remembers a whole stream, as a read from its start just returned it (frozen events). */
  rememberStream(streamName: string, events: readonly RecordedEvent[]): void;
  /** Records a batch the group appended; `recordedAt` is the transaction's start. */
  appended(
    streamName: string,
    events: readonly EventToAppend[],
    result: AppendResult,
    recordedAt: string,
  ): void;
  forgetStream(streamName: string): void;
  /** What a command-id look-up returns (`result` undefined: not recorded), if the group knows. */
  command(commandId: string): { readonly result: AppendResult | undefined } | undefined;
  /** Remembers a look-up's answer, or (`recorded`) a command id the group's append recorded. */
  rememberCommand(commandId: string, result: AppendResult | undefined, recorded?: boolean): void;
  /** A commit: `commandsInTable` is how many command ids the new transaction sees. */
  committed(commandsInTable: number): void;
}

/** A read's event as the cache keeps and hands it out: a frozen deep copy. */
export const frozenEvent = (event: RecordedEvent): RecordedEvent =>
  Object.freeze({
    ...event,
    data: frozenJsonCopy(event.data),
    metadata: frozenJsonCopy(event.metadata),
  });

/** The events of a whole cached stream (revision n at index n) that a read's options select. */
const select = (
  events: readonly RecordedEvent[],
  options: ReadStreamOptions,
): readonly RecordedEvent[] => {
  const range = streamRange(options);
  if (range === undefined) return [];
  if (!range.backwards) {
    const first = Math.max(Number(range.from), 0);
    return events.slice(first, first + range.maxCount);
  }
  const top = Math.min(Number(range.from), events.length - 1);
  return events.slice(Math.max(top - range.maxCount + 1, 0), top + 1).reverse();
};

/**
 * A new, empty cache for one group. `commandsInTable` is how many command ids the table held when
 * the group began. If none, the group knows every id there is, the ones it records itself, and
 * answers any other look-up "not recorded" without a round trip. Each commit counts the table
 * again: if ids the group did not record show up, it forgets every "not recorded" it knew and
 * asks the server from then on. An id another process records between two counts is still caught
 * by the append's own check, which answers it as a duplicate: the same as when a look-up outside
 * a group races that process.
 */
export const createGroupCache = (commandsInTable: number): GroupCache => {
  const streams = new Map<string, RecordedEvent[]>();
  const commands = new Map<string, AppendResult | undefined>();
  let knowsEveryCommand = commandsInTable === 0;
  // How many ids the table holds if only this group wrote there since the last count.
  let expectedCommands = commandsInTable;
  let cachedEvents = 0;
  let changes = 0;
  const forgetStream = (streamName: string): void => {
    changes += 1;
    cachedEvents -= streams.get(streamName)?.length ?? 0;
    streams.delete(streamName);
  };
  const store = (streamName: string, events: RecordedEvent[]): void => {
    forgetStream(streamName);
    if (cachedEvents + events.length > MAX_CACHED_EVENTS) {
      streams.clear();
      cachedEvents = 0;
    }
    streams.set(streamName, events);
    cachedEvents += events.length;
  };
  return {
    read: (streamName, options) => {
      const events = streams.get(streamName);
      return events === undefined ? undefined : select(events, options);
    },
    revision: (streamName) => {
      const events = streams.get(streamName);
      if (events === undefined) return undefined;
      return events.length === 0 ? NO_STREAM : BigInt(events.length - 1);
    },
    changes: () => changes,
    rememberStream: (streamName, events) => {
      const whole = events.every((event, index) => event.streamRevision === BigInt(index));
      if (whole && events.length <= MAX_CACHED_STREAM_LENGTH) store(streamName, [...events]);
    },
    appended: (streamName, events, result, recordedAt) => {
      const known = streams.get(streamName) ?? (result.firstRevision === 0n ? [] : undefined);
      const event = events[0];
      // A batch's events have positions the result does not give one by one: read it back.
      if (
        known === undefined ||
        event === undefined ||
        events.length !== 1 ||
        BigInt(known.length) !== result.firstRevision ||
        !CANONICAL_UUID.test(event.eventId)
      ) {
        forgetStream(streamName);
        return;
      }
      const recorded = frozenEvent({
        type: event.type,
        eventId: event.eventId,
        data: event.data,
        metadata: event.metadata,
        streamName,
        streamRevision: result.firstRevision,
        position: result.position,
        recordedAt,
      });
      store(streamName, [...known, recorded]);
    },
    forgetStream,
    command: (commandId) =>
      commands.has(commandId) || knowsEveryCommand
        ? { result: commands.get(commandId) }
        : undefined,
    rememberCommand: (commandId, result, recorded = false) => {
      if (commands.size >= MAX_CACHED_COMMANDS) {
        commands.clear();
        knowsEveryCommand = false;
      }
      if (recorded && commands.get(commandId) === undefined) expectedCommands += 1;
      commands.set(
        commandId,
        result === undefined
          ? undefined
          : Object.freeze({
              ...result,
              eventIds: Object.freeze([...result.eventIds]),
              duplicate: false,
            }),
      );
    },
    committed: (commandsInTable) => {
      if (commandsInTable === expectedCommands) return;
      // Another writer recorded ids since the last count: every "not recorded" may be stale now.
      knowsEveryCommand = false;
      expectedCommands = commandsInTable;
      for (const [commandId, result] of commands)
        if (result === undefined) commands.delete(commandId);
    },
  };
};
