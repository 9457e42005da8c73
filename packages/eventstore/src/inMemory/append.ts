import * as E from 'fp-ts/lib/Either.js';
import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import { position } from '../envelope/position.js';
import { ANY, satisfiesExpectedRevision } from '../envelope/revision.js';
import type { AppendOptions, AppendResult } from '../eventStore/eventStore.js';
import { validateAppend } from '../eventStore/validateAppend.js';
import type { WrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import { wrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import { frozenJsonCopy } from './jsonCopy.js';
import type { MemoryLog } from './memoryLog.js';
import { currentRevision } from './memoryLog.js';

/**
 * Appends a batch to a stream of the in-memory log, as the durable engines do: a recorded command
 * id answers its first result as a duplicate, a wrong expected revision appends nothing, and the
 * events are copied (with JSON's rules) and frozen, so a caller cannot rewrite history.
 */
export const append = (
  memory: MemoryLog,
  streamName: string,
  events: readonly EventToAppend[],
  options: AppendOptions,
): E.Either<WrongExpectedRevision, AppendResult> => {
  validateAppend(streamName, events);
  const { commandId, expectedRevision = ANY } = options;
  const first = commandId === undefined ? undefined : memory.commands.get(commandId);
  if (first !== undefined) return E.right({ ...first, duplicate: true });
  const actual = currentRevision(memory, streamName);
  if (!satisfiesExpectedRevision(expectedRevision, actual)) {
    return E.left(wrongExpectedRevision(streamName, expectedRevision, actual));
  }
  // Copy everything before touching the log, so a value that cannot be serialized leaves the
  // store unchanged: the batch is atomic.
  const copies = events.map((event) => ({
    type: event.type,
    eventId: event.eventId,
    data: frozenJsonCopy(event.data),
    metadata: frozenJsonCopy(event.metadata),
  }));
  const { log, streams } = memory;
  const stream = streams.get(streamName) ?? [];
  const recordedAt = memory.now().toISOString();
  const firstRevision = BigInt(stream.length);
  for (const copy of copies) {
    // Every member named in one literal, not `...copy`: a spread gives each event its own hidden
    // class, and a fold over ten thousand shapes reads every member through V8's slowest path.
    const recorded: RecordedEvent = Object.freeze({
      type: copy.type,
      eventId: copy.eventId,
      data: copy.data,
      metadata: copy.metadata,
      streamName,
      streamRevision: BigInt(stream.length),
      position: position(BigInt(log.length + 1)),
      recordedAt,
    });
    stream.push(recorded);
    log.push(recorded);
  }
  streams.set(streamName, stream);
  const last = stream[stream.length - 1] as RecordedEvent;
  const result: AppendResult = {
    streamName,
    firstRevision,
    nextExpectedRevision: last.streamRevision,
    position: last.position,
    eventIds: copies.map((copy) => copy.eventId),
    duplicate: false,
  };
  if (commandId !== undefined) memory.commands.set(commandId, result);
  memory.appendSignal.ring();
  return E.right(result);
};
