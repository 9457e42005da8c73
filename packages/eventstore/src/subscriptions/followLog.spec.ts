import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import { position } from '../envelope/position.js';
import { StoreUnavailableError } from '../eventStore/storeUnavailable.js';
import type { LogSource } from './followLog.js';
import { followLog } from './followLog.js';

const recorded = (n: bigint): RecordedEvent =>
  ({ type: 'Noted', eventId: `event-${n}`, position: position(n) }) as unknown as RecordedEvent;

/** A log of `count` events read two per page, whose first `failures` reads fail as a restart would. */
const flakyLog = (count: number, failures: number): LogSource & { reads: number } => {
  const events = Array.from({ length: count }, (_, i) => recorded(BigInt(i + 1)));
  const source = {
    reads: 0,
    readPage: async (after: Position | undefined) => {
      source.reads += 1;
      if (source.reads <= failures) throw new StoreUnavailableError('the server is restarting');
      const from = after === undefined ? 0 : Number(after.commit);
      const page = events.slice(from, from + 2);
      return {
        events: page,
        scannedTo: page[page.length - 1]?.position ?? after ?? events[count - 1]?.position,
        full: page.length === 2,
      };
    },
    headPosition: async () => events[count - 1]?.position,
    waitForAppend: async () => undefined,
  };
  return source;
};

describe('a subscription over a store that becomes unavailable', () => {
  it('reads the same page again once the store is back, delivering every event once and in order', async () => {
    const source = flakyLog(5, 2);
    const subscription = followLog(source, { pageSize: 2 });
    const delivered: string[] = [];
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      delivered.push(message.event.eventId);
    }
    await subscription.stop();
    expect(delivered).toEqual(['event-1', 'event-2', 'event-3', 'event-4', 'event-5']);
    expect(source.reads).toBeGreaterThan(2);
  });

  it('passes any other failure on to the consumer', async () => {
    const source = flakyLog(2, 0);
    source.readPage = async () => {
      throw new Error('syntax error');
    };
    const subscription = followLog(source);
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toThrow('syntax error');
    await subscription.stop();
  });
});
