import type { Event, EventStore } from '@event-driven-io/emmett';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { timeEach } from '../measure.js';
import { sampleEventData } from '../workloads/sampleEvents.js';
import type { PeerEngine } from './peerEngine.js';
import { emmettLeadCommands } from './emmettLeadCommands.js';

type Sampled = Event<'Sampled', ReturnType<typeof sampleEventData>>;

interface SampledState {
  readonly count: number;
  readonly totalMinor: number;
  readonly stage: string | undefined;
}

/** The same fold as the bench's sample aggregate (W2), written the way Emmett's evolve takes it. */
const evolve = (state: SampledState, event: Sampled): SampledState => ({
  count: state.count + 1,
  totalMinor: state.totalMinor + event.data.amount.amountMinor,
  stage: event.data.stage,
});

const sampled = (index: number): Sampled => ({ type: 'Sampled', data: sampleEventData(index) });

/** Runs `body` on a fresh, empty Emmett store and disposes of the store afterwards. */
export type WithEmmettStore = <T>(body: (store: EventStore) => Promise<T>) => Promise<T>;

/**
 * Emmett as a peer on one of its engines: W1 appends with exact expected versions, W2 through
 * `aggregateStream` with the sample aggregate's fold, W6 through its own `CommandHandler`, each on
 * a fresh store. Emmett's store has no codec step, as Clientele's handler has (part of the gap).
 */
export const emmettPeer = (name: string, withStore: WithEmmettStore): PeerEngine => ({
  name,
  appends: (count, streams) =>
    withStore(async (store) => {
      const versions = new Array<bigint | undefined>(streams).fill(undefined);
      return timeEach(count, async (index) => {
        const stream = index % streams;
        const result = await store.appendToStream(`Bench-${String(stream)}`, [sampled(index)], {
          expectedStreamVersion: versions[stream] ?? STREAM_DOES_NOT_EXIST,
        });
        versions[stream] = result.nextExpectedStreamVersion as bigint;
      });
    }),
  commands: (count, streams) => withStore((store) => emmettLeadCommands(store, count, streams)),
  rehydrations: (count, passes) =>
    withStore(async (store) => {
      for (let index = 0; index < count; index += 500) {
        const batch = Array.from({ length: Math.min(500, count - index) }, (_, n) =>
          sampled(index + n),
        );
        await store.appendToStream('Opportunity-bench', batch);
      }
      return timeEach(passes, async () => {
        const { state } = await store.aggregateStream<SampledState, Sampled>('Opportunity-bench', {
          evolve,
          initialState: () => ({ count: 0, totalMinor: 0, stage: undefined }),
        });
        if (state.count !== count)
          throw new Error(`emmett rehydrated ${String(state.count)} events`);
      });
    }),
});
