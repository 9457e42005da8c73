import type { Database } from 'better-sqlite3';
import type { Position } from '@clientele/eventstore';
import { position } from '@clientele/eventstore';

/** Reads the position of the last event, or undefined for an empty log: one index lookup. */
export const prepareHeadPosition = (db: Database): (() => Position | undefined) => {
  const statement = db.prepare('SELECT max(position) FROM events').safeIntegers(true).pluck();
  return () => {
    const last = statement.get() as bigint | null;
    return last === null ? undefined : position(last);
  };
};
