import type { DomainEvent } from '@clientele/eventstore';

/**
 * An aggregate's state machine as a replay property checks it: which status may follow which,
 * and which events a final status still accepts (a rectification of personal data, say).
 */
export interface Lifecycle<Event extends DomainEvent, State> {
  readonly statusOf: (state: State) => string;
  /** Status → the statuses it may change to. Staying in a status is always allowed. */
  readonly transitions: Readonly<Record<string, readonly string[]>>;
  /** Final status → the only event types that may still be recorded in it. */
  readonly final?: Readonly<Record<string, readonly Event['type'][]>>;
}

/** Throws when `event`, folded into `before` to give `after`, breaks the lifecycle. */
export const checkLifecycle = <Event extends DomainEvent, State>(
  lifecycle: Lifecycle<Event, State>,
  before: State,
  event: Event,
  after: State,
): void => {
  const from = lifecycle.statusOf(before);
  const to = lifecycle.statusOf(after);
  const stillAccepted = lifecycle.final?.[from];
  if (stillAccepted !== undefined && !stillAccepted.includes(event.type)) {
    throw new Error(`${event.type} was recorded after the final status ${from}`);
  }
  if (from !== to && !(lifecycle.transitions[from] ?? []).includes(to)) {
    throw new Error(`${event.type} moved the status from ${from} to ${to}, which is not allowed`);
  }
};
