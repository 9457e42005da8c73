import * as E from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { Decider, DomainEvent } from '../commandHandling/decider.js';
import { foldEvents } from '../commandHandling/decider.js';

/** The last step of a decider spec: what the command must produce. */
export interface DeciderThen<Event, DomainError> {
  /** The command is accepted and emits exactly these events. */
  then(expected: readonly Event[]): void;
  /** The command is refused with this error (deep equality) or one the predicate accepts. */
  thenFails(expected: DomainError | ((error: DomainError) => boolean)): void;
}

/** A decider spec after `given`: send one command. */
export interface DeciderWhen<Command, Event, DomainError> {
  when(command: Command): DeciderThen<Event, DomainError>;
}

/** Given/when/then for a decider, with no store involved. */
export interface DeciderSpec<Command, Event, DomainError> {
  given(events: readonly Event[]): DeciderWhen<Command, Event, DomainError>;
}

/**
 * Given/when/then specs for a decider: they read like the business rule they check.
 *
 * @example
 * const spec = deciderSpec(leadDecider);
 * spec.given([leadCaptured]).when(qualifyLead).then([leadQualified]);
 * spec.given([]).when(qualifyLead).thenFails({ kind: 'LeadNotFound', leadId });
 */
export const deciderSpec = <Command, Event extends DomainEvent, State, DomainError>(
  decider: Decider<Command, Event, State, DomainError>,
): DeciderSpec<Command, Event, DomainError> => ({
  given: (events) => ({
    when: (command) => {
      const decide = () => decider.decide(command, foldEvents(decider, events));
      return {
        then(expected) {
          const result = decide();
          if (E.isLeft(result)) {
            throw new Error(
              `expected events, but the command was refused: ${JSON.stringify(result.left)}`,
            );
          }
          expect(result.right).toEqual(expected);
        },
        thenFails(expected) {
          const result = decide();
          if (E.isRight(result)) {
            throw new Error(
              `expected a refusal, but the command emitted ${JSON.stringify(result.right)}`,
            );
          }
          if (typeof expected === 'function') {
            const accepts = expected as (error: DomainError) => boolean;
            expect(accepts(result.left), `unexpected error ${JSON.stringify(result.left)}`).toBe(
              true,
            );
          } else {
            expect(result.left).toEqual(expected);
          }
        },
      };
    },
  }),
});
