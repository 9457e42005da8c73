import * as E from 'fp-ts/lib/Either.js';
import type { AppendResult, EventStore, RecordedEvent } from '@clientele/eventstore';
import {
  ANY,
  NO_STREAM,
  createInMemoryEventStore,
  satisfiesExpectedRevision,
  wrongExpectedRevision,
} from '@clientele/eventstore';

/**
 * The real store seen through a scratch layer: reads see the real events and then the staged
 * ones; appends are checked against both (expected revision, command id) and kept in memory,
 * never written. An import decides every row against it first, so the domain's rules meet the
 * store as it is, and nothing is written unless every row passes. `close` drops the scratch
 * layer only; the real store stays open.
 */
export const stagedStore = (real: EventStore): EventStore => {
  const staged = createInMemoryEventStore();
  /** Staged revisions count from 0; in the combined stream they follow the real events. */
  const offset = async (streamName: string): Promise<bigint> => {
    const revision = await real.streamRevision(streamName);
    return revision === NO_STREAM ? 0n : revision + 1n;
  };
  const shifted = (result: AppendResult, by: bigint): AppendResult => ({
    ...result,
    firstRevision: result.firstRevision + by,
    nextExpectedRevision: result.nextExpectedRevision + by,
  });
  const stagedEvents = async function* (
    streamName: string,
    by: bigint,
  ): AsyncGenerator<RecordedEvent> {
    for await (const event of staged.readStream(streamName))
      yield { ...event, streamRevision: event.streamRevision + by };
  };
  const streamRevision: EventStore['streamRevision'] = async (streamName) => {
    const mine = await staged.streamRevision(streamName);
    return mine === NO_STREAM ? real.streamRevision(streamName) : mine + (await offset(streamName));
  };
  const findCommandResult: EventStore['findCommandResult'] = async (commandId) =>
    (await real.findCommandResult(commandId)) ?? (await staged.findCommandResult(commandId));

  return {
    engineName: `${real.engineName} (staged)`,
    appendToStream: async (streamName, events, options = {}) => {
      const earlier =
        options.commandId === undefined ? undefined : await findCommandResult(options.commandId);
      if (earlier !== undefined) return E.right({ ...earlier, duplicate: true });
      const expected = options.expectedRevision ?? ANY;
      const current = await streamRevision(streamName);
      if (!satisfiesExpectedRevision(expected, current))
        return E.left(wrongExpectedRevision(streamName, expected, current));
      const by = await offset(streamName);
      const appended = await staged.appendToStream(streamName, events, {
        commandId: options.commandId,
      });
      return E.map((result: AppendResult) => shifted(result, by))(appended);
    },
    readStream: (streamName, options = {}) =>
      (async function* () {
        const all: RecordedEvent[] = [];
        for await (const event of real.readStream(streamName)) all.push(event);
        const by = await offset(streamName);
        for await (const event of stagedEvents(streamName, by)) all.push(event);
        if (options.direction === 'backwards') all.reverse();
        const from = options.fromRevision;
        const start =
          typeof from === 'bigint'
            ? all.findIndex((e) =>
                options.direction === 'backwards'
                  ? e.streamRevision <= from
                  : e.streamRevision >= from,
              )
            : 0;
        if (start < 0) return;
        yield* all.slice(
          start,
          options.maxCount === undefined ? undefined : start + options.maxCount,
        );
      })(),
    readAll: (options = {}) =>
      (async function* () {
        yield* real.readAll(options);
        yield* staged.readAll(options);
      })(),
    subscribeToAll: (options) => real.subscribeToAll(options),
    streamRevision,
    headPosition: () => real.headPosition(),
    findCommandResult,
    close: () => staged.close(),
  };
};
