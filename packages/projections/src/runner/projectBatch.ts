import type { Position, RecordedEvent } from '@clientele/eventstore';
import { comparePositions } from '@clientele/eventstore';
import { applyToKey, distinctKeysOf } from '../projection/applyEvent.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { type WorkingSet, mayBeStored } from './workingSet.js';

/** A batch of events read from the log, and the position the sets have projected after it. */
export interface Batch {
  readonly events: readonly RecordedEvent[];
  /** The last position the batch covers (the last event's, or the head when caught up). */
  readonly upTo: Position;
}

/** One working set's progress through a batch. */
interface Progress {
  readonly set: WorkingSet;
  /** Index of the first event of the batch the set has not projected yet. */
  readonly from: number;
  /** Index of the first event whose documents had to be loaded; events from it wait for them. */
  waitingFrom: number | undefined;
  /** The keys each waiting event touches, by index in the batch. */
  readonly keysOfWaiting: (readonly string[])[];
  readonly missing: Set<string>;
}

/** Whether the store may hold a document the set lacks. */
const isMissing = (set: WorkingSet, key: string): boolean =>
  !set.documents.has(key) && mayBeStored(set, key);

const anyMissing = (set: WorkingSet, keys: readonly string[]): boolean => {
  for (const key of keys) if (isMissing(set, key)) return true;
  return false;
};

/** Index of the first event after `projected`: events are in log order. */
const firstAfter = (events: readonly RecordedEvent[], projected: Position | undefined): number => {
  if (projected === undefined) return 0;
  let i = 0;
  while (
    i < events.length &&
    comparePositions((events[i] as RecordedEvent).position, projected) <= 0
  )
    i += 1;
  return i;
};

/** The progress of each set through the batch, by index in `sets`; none for a set past it. */
const progressOf = (sets: readonly WorkingSet[], batch: Batch): (Progress | undefined)[] =>
  sets.map((set) =>
    set.projected !== undefined && comparePositions(batch.upTo, set.projected) <= 0
      ? undefined
      : {
          set,
          from: firstAfter(batch.events, set.projected),
          waitingFrom: undefined,
          keysOfWaiting: [],
          missing: new Set(),
        },
  );

/** Folds the event into the set's documents at `keys`, and marks those it changed dirty. */
const applyToSet = (set: WorkingSet, event: RecordedEvent, keys: readonly string[]): void => {
  for (const key of keys)
    if (applyToKey(set.build.projection, set.documents, event, key)) set.dirty.add(key);
};

/**
 * Projects the batch's `i`th event into one set, or, once an event touched a document the set
 * lacks and the store may hold, notes its keys so it is applied after the documents are loaded.
 */
const projectEvent = (p: Progress, event: RecordedEvent, i: number): void => {
  const { set } = p;
  const keys = distinctKeysOf(set.build.projection, event);
  if (keys.length === 0) return;
  if (p.waitingFrom === undefined && anyMissing(set, keys)) p.waitingFrom = i;
  if (p.waitingFrom === undefined) {
    applyToSet(set, event, keys);
    return;
  }
  p.keysOfWaiting[i] = keys;
  for (const key of keys) if (isMissing(set, key)) p.missing.add(key);
};

/** Loads the documents the set's waiting events need, then applies those events in order. */
const applyWaiting = async (
  readModels: ReadModelStore,
  p: Progress,
  events: readonly RecordedEvent[],
): Promise<void> => {
  if (p.waitingFrom === undefined) return;
  const { set } = p;
  for (const [key, document] of await readModels.loadDocuments(set.build, [...p.missing])) {
    set.documents.set(key, document);
  }
  for (let i = p.waitingFrom; i < events.length; i += 1) {
    const keys = p.keysOfWaiting[i];
    if (keys !== undefined) applyToSet(set, events[i] as RecordedEvent, keys);
  }
};

/**
 * Projects one batch of events into every working set, in memory; committing is up to the caller.
 * Events are applied in log order, each to the sets that want it (`relevant` answers their
 * indices in `sets`), so a projection that decodes an event for `keysOf` still has it decoded for
 * `apply`. When an event touches a document the set lacks and the store may hold, the set's
 * remaining events wait: the documents they touch are loaded in one call, then they are applied.
 */
export const projectBatch = async (
  readModels: ReadModelStore,
  sets: readonly WorkingSet[],
  batch: Batch,
  relevant: (event: RecordedEvent) => readonly number[],
): Promise<void> => {
  const { events } = batch;
  const progress = progressOf(sets, batch);
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as RecordedEvent;
    for (const index of relevant(event)) {
      const p = progress[index];
      if (p !== undefined && i >= p.from) projectEvent(p, event, i);
    }
  }
  for (const p of progress) {
    if (p === undefined) continue;
    await applyWaiting(readModels, p, events);
    p.set.projected = batch.upTo;
  }
};
