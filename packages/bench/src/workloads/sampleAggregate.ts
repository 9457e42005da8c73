import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Decider } from '@clientele/eventstore';

/** The sample events decoded through an io-ts codec, as a domain aggregate's would be. */
export const SampledEvent = t.type({
  type: t.literal('Sampled'),
  data: t.type({
    opportunityId: t.string,
    stage: t.string,
    amount: t.type({ amountMinor: t.number, currency: t.string }),
    expectedCloseDate: t.string,
    note: t.string,
  }),
});
type SampledEvent = t.TypeOf<typeof SampledEvent>;

interface SampledState {
  readonly count: number;
  readonly totalMinor: number;
  readonly stage: string | undefined;
}

/** A read-only aggregate that folds the sample events: W2 measures its rehydration. */
export const sampleDecider: Decider<never, SampledEvent, SampledState, never> = {
  initialState: { count: 0, totalMinor: 0, stage: undefined },
  decide: () => E.right([]),
  evolve: (state, event) => ({
    count: state.count + 1,
    totalMinor: state.totalMinor + event.data.amount.amountMinor,
    stage: event.data.stage,
  }),
};
