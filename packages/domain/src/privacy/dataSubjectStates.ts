import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { decodeStoredEvent } from '../upcasting/domainUpcasters.js';
import type { DataSubjectState } from './decide.js';
import { evolveDataSubject, initialDataSubjectState } from './decide.js';
import { DataSubjectEvent } from './events.js';

/**
 * Every data subject's state, by subject id, folded from all `DataSubject-` streams in one read
 * of the log (for the sweep over retention holds that have come due).
 */
export const dataSubjectStates = async (
  store: EventStore,
): Promise<ReadonlyMap<string, DataSubjectState>> => {
  const states = new Map<string, DataSubjectState>();
  for await (const event of store.readAll({ filter: { streamNamePrefixes: ['DataSubject-'] } })) {
    const decoded = decodeStoredEvent(DataSubjectEvent, event);
    if (E.isLeft(decoded)) continue;
    const { subjectId } = decoded.right.data;
    states.set(
      subjectId,
      evolveDataSubject(states.get(subjectId) ?? initialDataSubjectState, decoded.right),
    );
  }
  return states;
};
