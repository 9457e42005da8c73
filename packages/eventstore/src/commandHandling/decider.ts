import type * as E from 'fp-ts/lib/Either.js';

/** The shape every domain event has before it is put in an envelope. */
export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * An aggregate as three pure functions. `decide` turns a command and the current state into new
 * events or a domain error; `evolve` folds one event into the state. No I/O, no clock, no random:
 * ids and times come inside commands, so a replay is repeatable bit for bit.
 */
export interface Decider<Command, Event extends DomainEvent, State, DomainError> {
  readonly initialState: State;
  readonly decide: (command: Command, state: State) => E.Either<DomainError, readonly Event[]>;
  readonly evolve: (state: State, event: Event) => State;
}

/** Folds events into a state, starting from the decider's initial state. */
export const foldEvents = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
