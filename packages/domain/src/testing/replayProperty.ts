import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { Decider, DomainEvent } from '@clientele/eventstore';
import { foldEvents } from '@clientele/eventstore';
import fc from 'fast-check';
import type { Lifecycle } from './lifecycle.js';
import { checkLifecycle } from './lifecycle.js';
import { snapshotsResumeToReplay, stateText } from './snapshotResume.js';

/** One accepted decision, as an invariant sees it. */
export interface AcceptedDecision<Command, Event, State> {
  readonly command: Command;
  readonly before: State;
  readonly events: readonly Event[];
  readonly after: State;
  /** Every event accepted so far in this run, these included. */
  readonly log: readonly Event[];
}

/** What a replay property checks besides the codec round trip, and how much it must explore. */
export interface ReplayPropertyOptions<Command, Event extends DomainEvent, State> {
  readonly numRuns?: number;
  /** A run explores when it accepts at least this many events (default 5). */
  readonly minEvents?: number;
  /** The least share of runs that must explore (default 0.8), so a decaying generator fails. */
  readonly minExploringShare?: number;
  /** Event type → the least share of runs that must record it: the states the runs must reach. */
  readonly mustReach?: Readonly<Partial<Record<Event['type'], number>>>;
  /** Business rules checked after every accepted decision; throws (e.g. `expect`) when broken. */
  readonly invariant?: (decision: AcceptedDecision<Command, Event, State>) => void;
  /** The aggregate's state machine: every status change and every event after a final status. */
  readonly lifecycle?: Lifecycle<Event, State>;
  /**
   * The aggregate's snapshot codec: when given, a snapshot taken after any prefix of the log,
   * stored as JSON and decoded, plus the rest of the log, must give the full replay's state.
   */
  readonly stateCodec?: t.Type<State, unknown>;
}

/**
 * Command sequences that start with the command creating the aggregate, so that every run has a
 * stream to act on, followed by `minLength` to `maxLength` further commands.
 */
export const startingWith = <Command>(
  creating: fc.Arbitrary<Command>,
  following: fc.Arbitrary<Command>,
  { minLength = 15, maxLength = 40 }: { minLength?: number; maxLength?: number } = {},
): fc.Arbitrary<readonly Command[]> =>
  fc
    .tuple(creating, fc.array(following, { minLength, maxLength }))
    .map(([first, rest]) => [first, ...rest]);

/**
 * Property: for any sequence of commands, the events of the accepted ones, stored as JSON and
 * decoded again, replay to exactly the state the decider reached while deciding. Refused commands
 * must leave the state untouched. With a `stateCodec`, a snapshot at any point of the log plus
 * the events after it replays to that same state. This is what makes an audit replay or a rebuild trustworthy.
 *
 * Each accepted decision is also held to the options' invariants and lifecycle, and the property
 * fails when too few runs explore (accept `minEvents` events) or reach the `mustReach` events: a
 * property that replays empty logs proves nothing.
 */
export const assertReplayDeterminism = <Command, Event extends DomainEvent, State, DomainError>(
  decider: Decider<Command, Event, State, DomainError>,
  eventCodec: t.Type<Event, DomainEvent>,
  commands: fc.Arbitrary<readonly Command[]>,
  options: ReplayPropertyOptions<Command, Event, State> = {},
): void => {
  const numRuns = options.numRuns ?? 200;
  const minEvents = options.minEvents ?? 5;
  let exploring = 0;
  const reached = new Map<string, number>();
  fc.assert(
    fc.property(commands, (sequence) => {
      const { log, state } = playSequence(decider, sequence, options);
      if (log.length >= minEvents) exploring += 1;
      for (const type of new Set(log.map((event) => event.type))) {
        reached.set(type, (reached.get(type) ?? 0) + 1);
      }
      const stored = log.map((event) => JSON.parse(JSON.stringify(eventCodec.encode(event))));
      const decoded = stored.map(decodeWith(eventCodec));
      const replayed = foldEvents(decider, decoded);
      if (stateText(replayed) !== stateText(state)) return false;
      const { stateCodec } = options;
      return (
        stateCodec === undefined || snapshotsResumeToReplay(decider, stateCodec, decoded, replayed)
      );
    }),
    { numRuns },
  );
  requireShare('runs accepting ' + String(minEvents) + '+ events', exploring, numRuns, {
    least: options.minExploringShare ?? 0.8,
  });
  for (const [type, least] of Object.entries(options.mustReach ?? {})) {
    requireShare(`runs recording ${type}`, reached.get(type) ?? 0, numRuns, {
      least: least as number,
    });
  }
};

/** Decides the sequence, checking each accepted decision: the accepted events, the state reached. */
const playSequence = <Command, Event extends DomainEvent, State, DomainError>(
  decider: Decider<Command, Event, State, DomainError>,
  sequence: readonly Command[],
  options: ReplayPropertyOptions<Command, Event, State>,
): { readonly log: readonly Event[]; readonly state: State } => {
  let state = decider.initialState;
  const log: Event[] = [];
  for (const command of sequence) {
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) continue;
    const before = state;
    for (const event of decision.right) {
      const next = decider.evolve(state, event);
      if (options.lifecycle !== undefined) checkLifecycle(options.lifecycle, state, event, next);
      state = next;
    }
    log.push(...decision.right);
    options.invariant?.({ command, before, events: decision.right, after: state, log });
  }
  return { log, state };
};

const decodeWith =
  <Event>(eventCodec: t.Type<Event, DomainEvent>) =>
  (stored: unknown): Event => {
    const decoded = eventCodec.decode(stored);
    if (E.isLeft(decoded))
      throw new Error(`stored event does not decode: ${JSON.stringify(stored)}`);
    return decoded.right;
  };

const requireShare = (
  what: string,
  count: number,
  runs: number,
  { least }: { least: number },
): void => {
  if (count < least * runs) {
    throw new Error(
      `the generator explores too little: ${String(count)} of ${String(runs)} ${what}, ` +
        `at least ${String(Math.ceil(least * runs))} required`,
    );
  }
};
