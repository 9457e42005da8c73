import type { Position, RecordedEvent } from '@clientele/eventstore';
import { comparePositions } from '@clientele/eventstore';
import { applyToKeys, distinctKeysOf } from '../projection/applyEvent.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { type WorkingSet, mayBeStored } from './workingSet.js';

/** One working set's progress through a batch. */
interface Progress {
  readonly set: WorkingSet;
  /** The set's index in the pass, as `relevant` answers. */
  readonly index: number;
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

/**
 * Projects one batch of events into every working set, in memory; committing is up to the caller.
 * Events are applied in log order, each to every set that wants it (`relevant` answers by index in
 * `sets`), so a projection that decodes an event for `keysOf` still has it decoded for `apply`.
 * When an event touches a document the set lacks and the store may hold, the set's remaining
 * events wait: the documents they touch are loaded in one call, then they are applied.
 */
export const projectBatch = async (
  readModels: ReadModelStore,
  sets: readonly WorkingSet[],
  events: readonly RecordedEvent[],
  upTo: Position,
  relevant: (event: RecordedEvent) => readonly boolean[],
): Promise<void> => {
  const progress: Progress[] = [];
  for (const [index, set] of sets.entries()) {
    if (set.projected !== undefined && comparePositions(upTo, set.projected) <= 0) continue;
    const from = firstAfter(events, set.projected);
    progress.push({
      set,
      index,
      from,
      waitingFrom: undefined,
      keysOfWaiting: [],
      missing: new Set(),
    });
  }
  const changed: string[] = [];
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as RecordedEvent;
    const wanted = relevant(event);
    for (const p of progress) {
      if (i < p.from || wanted[p.index] !== true) continue;
      const { set } = p;
      const keys = distinctKeysOf(set.build.projection, event);
      if (keys.length === 0) continue;
      if (p.waitingFrom === undefined && anyMissing(set, keys)) p.waitingFrom = i;
      if (p.waitingFrom !== undefined) {
        p.keysOfWaiting[i] = keys;
        for (const key of keys) if (isMissing(set, key)) p.missing.add(key);
        continue;
      }
      applyToKeys(set.build.projection, set.documents, event, keys, changed);
      for (const key of changed) set.dirty.add(key);
      changed.length = 0;
    }
  }
  for (const p of progress) {
    const { set } = p;
    if (p.waitingFrom !== undefined) {
      for (const [key, document] of await readModels.loadDocuments(set.build, [...p.missing])) {
        set.documents.set(key, document);
      }
      for (let i = p.waitingFrom; i < events.length; i += 1) {
        const keys = p.keysOfWaiting[i];
        if (keys !== undefined)
          applyToKeys(
            set.build.projection,
            set.documents,
            events[i] as RecordedEvent,
            keys,
            changed,
          );
      }
      for (const key of changed) set.dirty.add(key);
      changed.length = 0;
    }
    set.projected = upTo;
  }
};
