import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { DecodeError } from '@clientele/eventstore';
import { RepOffboarded } from './events.js';

/** A departure as the log recorded it, with the tenant it belongs to. */
export interface Departure {
  readonly repId: string;
  readonly noticeGivenOn: string;
  readonly leavesOn: string;
  readonly tenantId: string | undefined;
}

/** Decodes a stored `RepOffboarded`, naming the event when it does not decode. */
export const departureOf = (event: RecordedEvent): Departure => {
  const decoded = RepOffboarded.decode({ type: event.type, data: event.data });
  if (E.isLeft(decoded)) throw new DecodeError(`RepOffboarded ${event.eventId}`, decoded.left);
  const { repId, noticeGivenOn, leavesOn } = decoded.right.data;
  return { repId, noticeGivenOn, leavesOn, tenantId: event.metadata.tenantId };
};

/**
 * Every departure in the log, by rep: what `withDepartures` takes (the day access ends) and what
 * the anomaly reactor watches (the day notice was given). Read on each run, like the role policy.
 */
export const departuresIn = async (store: EventStore): Promise<ReadonlyMap<string, Departure>> => {
  const departures = new Map<string, Departure>();
  for await (const event of store.readAll({ filter: { eventTypes: ['RepOffboarded'] } })) {
    const departure = departureOf(event);
    departures.set(departure.repId, departure);
  }
  return departures;
};

/** The day each departing rep's access ends, for `withDepartures`. */
export const accessEndsIn = async (store: EventStore): Promise<ReadonlyMap<string, string>> =>
  new Map([...(await departuresIn(store))].map(([repId, d]) => [repId, d.leavesOn]));
