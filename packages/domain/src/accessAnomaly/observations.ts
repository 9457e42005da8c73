import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, Position, RecordedEvent } from '@clientele/eventstore';
import { DecodeError, comparePositions } from '@clientele/eventstore';
import { PersonalDataRead } from '../accessLog/events.js';
import { CustomersExported } from '../customerExport/events.js';
import type { AccessObservation } from './detect.js';

/** The events the anomaly reactor judges: bulk exports and recorded reads of personal data. */
export const ACCESS_EVENTS = ['CustomersExported', 'PersonalDataRead'];

/**
 * One export (`CustomersExported`: how many customers) or one read (`PersonalDataRead`: how many
 * data subjects), as the detector sees it.
 */
export const observationOf = (event: RecordedEvent): AccessObservation => {
  const base = { actorId: event.metadata.actor.id, at: event.metadata.occurredAt };
  if (event.type === 'PersonalDataRead') {
    const read = PersonalDataRead.decode({ type: event.type, data: event.data });
    if (E.isLeft(read)) throw new DecodeError(`PersonalDataRead ${event.eventId}`, read.left);
    return { ...base, customers: read.right.data.count, readOnly: true };
  }
  const exported = CustomersExported.decode({ type: event.type, data: event.data });
  if (E.isLeft(exported))
    throw new DecodeError(`CustomersExported ${event.eventId}`, exported.left);
  return { ...base, customers: exported.right.data.count };
};

/** Every access before a given one, per actor, read from the log once. */
export interface AccessHistory {
  /** The same actor's accesses recorded before `event`. */
  before(event: RecordedEvent): Promise<readonly AccessObservation[]>;
}

/**
 * The access history of a log, read incrementally: each call reads only the accesses recorded
 * since the last one, so following a log of n reads costs n reads of it, not n². The reactor
 * asks in log order; an earlier event (a replay from a reset checkpoint) starts over from the
 * log's start.
 */
export const accessHistory = (store: EventStore): AccessHistory => {
  let byActor = new Map<string, AccessObservation[]>();
  let scanned: Position | undefined;
  const take = (seen: RecordedEvent): void => {
    const own = byActor.get(seen.metadata.actor.id) ?? [];
    own.push(observationOf(seen));
    byActor.set(seen.metadata.actor.id, own);
    scanned = seen.position;
  };
  return {
    before: async (event) => {
      if (scanned !== undefined && comparePositions(scanned, event.position) >= 0) {
        byActor = new Map();
        scanned = undefined;
      }
      const from = scanned;
      for await (const seen of store.readAll({
        filter: { eventTypes: ACCESS_EVENTS },
        ...(from === undefined ? {} : { fromPosition: from }),
      })) {
        if (comparePositions(seen.position, event.position) >= 0) break;
        if (from === undefined || comparePositions(seen.position, from) > 0) take(seen);
      }
      return [...(byActor.get(event.metadata.actor.id) ?? [])];
    },
  };
};
