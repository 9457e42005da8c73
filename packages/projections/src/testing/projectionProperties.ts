import { type RecordedEvent, createInMemoryEventStore } from '@clientele/eventstore';
import { expect } from 'vitest';
import { applyEvent, foldEvents } from '../projection/applyEvent.js';
import type { AnyProjection } from '../projection/projection.js';
import type { StoredDocument } from '../projection/storedDocument.js';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import { dumpActive } from './dumpActive.js';

/**
 * How an incremental run is cut: events appended per step, events per runner batch, and,
 * optionally, how often its first build commits and how many documents it keeps in memory.
 */
export interface IncrementalRun {
  readonly cuts: readonly number[];
  readonly batchSize: number;
  readonly rebuildCommitEvery?: number | undefined;
  readonly rebuildMaxDocuments?: number | undefined;
}

/**
 * Replays `history` (as recorded in another store) into a fresh log in steps, catching the
 * projections up after each step, and asserts the read models equal those of one rebuild over
 * the whole log, before and after the same runner rebuilds them. Returns the rebuilt documents
 * per projection, for further checks.
 */
export const expectIncrementalEqualsRebuilt = async (
  projections: readonly AnyProjection[],
  history: readonly RecordedEvent[],
  run: IncrementalRun,
): Promise<unknown[][]> => {
  const events = createInMemoryEventStore();
  const incremental = createInMemoryReadModelStore();
  const runner = createProjectionRunner({
    events,
    readModels: incremental,
    projections,
    batchSize: run.batchSize,
    rebuildCommitEvery: run.rebuildCommitEvery,
    rebuildMaxDocuments: run.rebuildMaxDocuments,
  });
  let from = 0;
  for (const cut of [...run.cuts, history.length]) {
    const to = Math.min(history.length, from + cut);
    for (const { streamName, type, data, eventId, metadata } of history.slice(from, to)) {
      await events.appendToStream(streamName, [{ type, data, eventId, metadata }]);
    }
    await runner.catchUp();
    from = to;
  }
  const rebuilt = createInMemoryReadModelStore();
  await createProjectionRunner({ events, readModels: rebuilt, projections }).catchUp();
  const expected = await Promise.all(projections.map((p) => dumpActive(rebuilt, p.name)));
  const dumpIncremental = () =>
    Promise.all(projections.map((p) => dumpActive(incremental, p.name)));
  expect(await dumpIncremental()).toEqual(expected);
  // A rebuild beside the served builds, in the run's batches and memory bounds, gives them too.
  await runner.rebuild();
  expect(await dumpIncremental()).toEqual(expected);
  return expected;
};

/**
 * Folds `log` into the projection while feeding again, after each event, every earlier event
 * whose index is in `repeats`, and asserts the documents equal a plain fold of the log.
 */
export const expectFeedingTwiceChangesNothing = async (
  projection: AnyProjection,
  log: readonly RecordedEvent[],
  repeats: readonly number[],
): Promise<void> => {
  const once = await foldEvents(projection, log);
  const twice = new Map<string, StoredDocument>();
  for (const [i, event] of log.entries()) {
    applyEvent(projection, twice, event);
    for (const r of repeats) if (r <= i) applyEvent(projection, twice, log[r] as RecordedEvent);
  }
  expect(twice).toEqual(once);
};
