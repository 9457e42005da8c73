import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { Decider, DomainEvent } from '@clientele/eventstore';

/**
 * Lets states be compared as JSON: maps as their entries, object keys sorted (a snapshot stored
 * as JSON drops a field set to undefined, and a later event may add it back in another place).
 */
const canonical = (_key: string, value: unknown): unknown => {
  if (value instanceof Map) return [...value.entries()];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

/** A state as canonical JSON text, for comparing two states whatever their keys' order. */
export const stateText = (state: unknown): string => JSON.stringify(state, canonical);

/**
 * Whether a snapshot taken after any prefix of `events` (encoded with `stateCodec`, stored as JSON
 * text, decoded again), with the rest of the events folded onto it, gives `replayed`, the state
 * of the full replay. Throws, naming the cut, when a snapshot does not decode: the command handler
 * would then ignore every snapshot of this aggregate.
 */
export const snapshotsResumeToReplay = <Command, Event extends DomainEvent, State, DomainError>(
  decider: Decider<Command, Event, State, DomainError>,
  stateCodec: t.Type<State, unknown>,
  events: readonly Event[],
  replayed: State,
): boolean => {
  let prefix = decider.initialState;
  for (let cut = 0; cut <= events.length; cut += 1) {
    const stored = JSON.parse(JSON.stringify(stateCodec.encode(prefix))) as unknown;
    const snapshot = stateCodec.decode(stored);
    if (E.isLeft(snapshot))
      throw new Error(
        `the snapshot after ${String(cut)} events does not decode: ${String(stored)}`,
      );
    const resumed = events.slice(cut).reduce(decider.evolve, snapshot.right);
    if (stateText(resumed) !== stateText(replayed)) return false;
    const next = events[cut];
    if (next !== undefined) prefix = decider.evolve(prefix, next);
  }
  return true;
};
