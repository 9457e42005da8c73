import type { Position as EsdbPosition, ReadPosition } from '@eventstore/db-client';
import type { LogStart, Position } from '@clientele/eventstore';
import { END, START, position } from '@clientele/eventstore';

/** EventStoreDB's (commit, prepare) pair is our position, field for field. */
export const fromEsdbPosition = (esdb: EsdbPosition): Position =>
  position(esdb.commit, esdb.prepare);

/** Our log start as EventStoreDB's read position. */
export const toEsdbReadPosition = (from: LogStart): ReadPosition =>
  from === START ? 'start' : from === END ? 'end' : { commit: from.commit, prepare: from.prepare };
