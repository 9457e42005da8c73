import type { Event } from '@event-driven-io/emmett';
import { STREAM_DOES_NOT_EXIST, getInMemoryEventStore } from '@event-driven-io/emmett';
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

/**
 * Emmett's in-memory event store (`getInMemoryEventStore`), the peer of Clientele's in-memory
 * engine. Its W2 fold is the sample aggregate's; it does not decode events through a codec, as
 * Clientele's handler does, because Emmett's store has no codec step (that is part of the gap).
 */
export const emmettInMemoryPeer: PeerEngine = {
  name: 'emmett 0.42 (in-memory)',
  appends: async (count, streams) => {
    const store = getInMemoryEventStore();
    const versions = new Array<bigint | undefined>(streams).fill(undefined);
    return timeEach(count, async (index) => {
      const stream = index % streams;
      const result = await store.appendToStream(`Bench-${String(stream)}`, [sampled(index)], {
        expectedStreamVersion: versions[stream] ?? STREAM_DOES_NOT_EXIST,
      });
      versions[stream] = result.nextExpectedStreamVersion;
    });
  },
  commands: emmettLeadCommands,
  rehydrations: async (count, passes) => {
    const store = getInMemoryEventStore();
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
      if (state.count !== count) throw new Error(`emmett rehydrated ${String(state.count)} events`);
    });
  },
};
