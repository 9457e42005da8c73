import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { Decider, DomainEvent } from '@clientele/eventstore';
import { foldEvents } from '@clientele/eventstore';
import fc from 'fast-check';

/**
 * Property: for any sequence of commands, the events of the accepted ones, stored as JSON and
 * decoded again, replay to exactly the state the decider reached while deciding. Refused commands
 * must leave the state untouched. This is what makes an audit replay or a rebuild trustworthy.
 */
export const assertReplayDeterminism = <Command, Event extends DomainEvent, State, DomainError>(
  decider: Decider<Command, Event, State, DomainError>,
  eventCodec: t.Type<Event, DomainEvent, unknown>,
  commands: fc.Arbitrary<readonly Command[]>,
  options: { numRuns?: number } = {},
): void => {
  fc.assert(
    fc.property(commands, (sequence) => {
      let state = decider.initialState;
      const log: unknown[] = [];
      for (const command of sequence) {
        const decision = decider.decide(command, state);
        if (E.isLeft(decision)) continue;
        for (const event of decision.right) {
          state = decider.evolve(state, event);
          log.push(JSON.parse(JSON.stringify(eventCodec.encode(event))));
        }
      }
      const replayed = foldEvents(
        decider,
        log.map((stored) => {
          const decoded = eventCodec.decode(stored);
          if (E.isLeft(decoded))
            throw new Error(`stored event does not decode: ${JSON.stringify(stored)}`);
          return decoded.right;
        }),
      );
      return JSON.stringify(replayed, mapsAsEntries) === JSON.stringify(state, mapsAsEntries);
    }),
    { numRuns: options.numRuns ?? 200 },
  );
};

/** Lets states holding maps be compared as JSON. */
const mapsAsEntries = (_key: string, value: unknown): unknown =>
  value instanceof Map ? [...value.entries()] : value;
