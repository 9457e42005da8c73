import type { Position as EsdbPosition, ReadPosition } from '@eventstore/db-client';
import type { LogStart, Position } from '@clientele/eventstore';
import { END, START, position } from '@clientele/eventstore';

/** What older servers send instead of a position for events read from a stream. */
const UNKNOWN_POSITION = 2n ** 64n - 1n;

/**
 * EventStoreDB's (commit, prepare) pair is our position, field for field. A server that does not
 * report the position (servers older than 2022 send 2^64-1 on stream reads) is refused: a made-up
 * position would corrupt every checkpoint built on it.
 */
export const fromEsdbPosition = (esdb: EsdbPosition): Position => {
  if (esdb.commit === UNKNOWN_POSITION || esdb.prepare === UNKNOWN_POSITION) {
    throw new RangeError(
      'EventStoreDB reported no $all position for an event read from its stream; use EventStoreDB 22.10 or later',
    );
  }
  return position(esdb.commit, esdb.prepare);
};

/** Our log start as EventStoreDB's read position. */
export const toEsdbReadPosition = (from: LogStart): ReadPosition =>
  from === START ? 'start' : from === END ? 'end' : { commit: from.commit, prepare: from.prepare };
