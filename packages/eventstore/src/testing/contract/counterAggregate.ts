import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Decider } from '../../commandHandling/decider.js';

/** A tiny aggregate for exercising the command handler on an engine: a capped counter. */
export const CounterEvent = t.union([
  t.type({ type: t.literal('CounterIncremented'), data: t.type({ by: t.number }) }),
  t.type({ type: t.literal('CounterReset'), data: t.type({}) }),
]);
/** An event of the test counter. */
export type CounterEvent = t.TypeOf<typeof CounterEvent>;

/** A command of the test counter. */
export type CounterCommand =
  | { readonly kind: 'increment'; readonly id: string; readonly by: number }
  | { readonly kind: 'reset'; readonly id: string };

/** The counter refuses to pass its cap. */
export interface CounterOverCap {
  readonly kind: 'CounterOverCap';
  readonly cap: number;
}

/** Counts up to `cap`; refuses beyond it. */
export const counterDecider = (
  cap: number,
): Decider<CounterCommand, CounterEvent, number, CounterOverCap> => ({
  initialState: 0,
  decide: (command, count) => {
    if (command.kind === 'reset')
      return E.right(count === 0 ? [] : [{ type: 'CounterReset', data: {} }]);
    if (count + command.by > cap) return E.left({ kind: 'CounterOverCap', cap });
    return E.right([{ type: 'CounterIncremented', data: { by: command.by } }]);
  },
  evolve: (count, event) => (event.type === 'CounterReset' ? 0 : count + event.data.by),
});
