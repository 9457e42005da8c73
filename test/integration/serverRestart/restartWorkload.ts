import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { NO_STREAM, deriveId, isStoreUnavailable } from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import type { Projection } from '@clientele/projections';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each writer's pause between two orders. */
const PAUSE_BETWEEN_ORDERS_MS = 25;

/** Events per order: every append is a batch of three, so a half batch shows as a short stream. */
export const EVENTS_PER_ORDER = 3;

/** The restart test's read model: how many events each order stream holds. */
export const orderEventCounts: Projection<{ readonly events: number }> = {
  name: 'orderEventCounts',
  version: 1,
  filter: { streamNamePrefixes: ['Order-'] },
  keysOf: (event) => [event.streamName],
  initial: () => ({ events: 0 }),
  apply: (doc) => ({ events: doc.events + 1 }),
};

/**
 * The restart test's reaction: one receipt per order, appended under a command id derived from
 * the order's first event, so a reaction repeated after the restart appends nothing.
 */
export const receiptFor =
  (store: EventStore) =>
  async (event: RecordedEvent): Promise<void> => {
    if (event.streamRevision !== 0n) return;
    const result = await store.appendToStream(
      `Receipt-${event.streamName.slice('Order-'.length)}`,
      [testEvent('ReceiptIssued', { order: event.streamName })],
      { commandId: deriveId(event.eventId, 'receipt') },
    );
    if (E.isLeft(result)) throw new Error(`receipt for ${event.streamName}: ${result.left.kind}`);
  };

/** What the writers saw: the event ids acknowledged, the retryable failures, anything else. */
export interface WritersOutcome {
  readonly acknowledged: string[];
  retryableFailures: number;
  readonly otherFailures: unknown[];
}

/**
 * Runs `writers` loops until `until` aborts, each appending new orders of three events. A failed
 * append must be `StoreUnavailableError`; it is sent again, unchanged and with the same command
 * id, until it is acknowledged, as a client that retries a write of unknown outcome would.
 */
export const runWriters = async (
  store: EventStore,
  writers: number,
  until: AbortSignal,
): Promise<WritersOutcome> => {
  const outcome: WritersOutcome = { acknowledged: [], retryableFailures: 0, otherFailures: [] };
  const writer = async (id: number): Promise<void> => {
    for (let order = 0; !until.aborted; order += 1) {
      const events = Array.from({ length: EVENTS_PER_ORDER }, () => testEvent('OrderLine'));
      const commandId = uuidv7();
      for (;;) {
        try {
          const result = await store.appendToStream(`Order-${id}-${order}`, events, {
            expectedRevision: NO_STREAM,
            commandId,
          });
          if (E.isLeft(result)) outcome.otherFailures.push(result.left);
          else outcome.acknowledged.push(...result.right.eventIds);
          // A steady trickle, not a flood: the test is about the restart, not throughput.
          await sleep(PAUSE_BETWEEN_ORDERS_MS);
          break;
        } catch (error) {
          if (!isStoreUnavailable(error)) {
            outcome.otherFailures.push(error);
            return;
          }
          outcome.retryableFailures += 1;
          await sleep(100);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, id) => writer(id)));
  return outcome;
};
