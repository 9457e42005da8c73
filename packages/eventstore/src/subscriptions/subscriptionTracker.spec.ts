import { describe, expect, it } from 'vitest';
import type { Subscription } from '../eventStore/eventStore.js';
import { createSubscriptionTracker } from './subscriptionTracker.js';

const counted = (stops: string[], name: string): Subscription => ({
  // Nothing to deliver: the tracker only wraps stopping.
  [Symbol.asyncIterator]: async function* () {
    // no messages
  },
  stop: async () => {
    stops.push(name);
  },
});

describe('subscription tracker', () => {
  it('stops every subscription still open when the store closes, and each once', async () => {
    const stops: string[] = [];
    const tracker = createSubscriptionTracker();
    const first = tracker.track(counted(stops, 'first'));
    tracker.track(counted(stops, 'second'));
    await first.stop();
    await tracker.stopAll();
    expect(stops.sort()).toEqual(['first', 'second']);
  });

  it('releases what one subscription alone used after it stopped', async () => {
    const stops: string[] = [];
    const tracker = createSubscriptionTracker();
    await tracker
      .track(counted(stops, 'live'), async () => {
        stops.push('its append signal');
      })
      .stop();
    expect(stops).toEqual(['live', 'its append signal']);
  });
});
