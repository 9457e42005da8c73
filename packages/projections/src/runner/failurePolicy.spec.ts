import { createInMemoryEventStore } from '@clientele/eventstore';
import type { Logger } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { dumpActive } from '../testing/dumpActive.js';
import { appendLedger, balances } from '../testing/syntheticLedger.js';
import { createProjectionRunner } from './projectionRunner.js';

/** A read-model store whose first `failures` commits fail, as a database that is restarting. */
const flakyStore = (failures: number): ReadModelStore => {
  const store = createInMemoryReadModelStore();
  let left = failures;
  return {
    ...store,
    commit: async (batch) => {
      if (left > 0) {
        left -= 1;
        throw new Error('connection refused');
      }
      await store.commit(batch);
    },
  };
};

const deposits = Array.from({ length: 6 }, (_, i) => ({
  kind: 'Deposited' as const,
  account: i % 2,
  amount: 10,
}));

const recordingLogger = (lines: string[]): Logger => ({
  debug: () => undefined,
  info: () => undefined,
  warn: (_context, message) => lines.push(`warn: ${message}`),
  error: (_context, message) => lines.push(`error: ${message}`),
});

describe('projection runner failure policy', () => {
  it('tries a failed pass again with backoff from the committed checkpoints, and ends with the same read model', async () => {
    const events = createInMemoryEventStore();
    await appendLedger(events, deposits);
    const waits: number[] = [];
    const lines: string[] = [];
    const readModels = flakyStore(2);
    const runner = createProjectionRunner({
      events,
      readModels,
      projections: [balances],
      batchSize: 2,
      failurePolicy: {
        retry: { attempts: 4, initialDelayMs: 5, sleep: async (ms) => void waits.push(ms) },
      },
      logger: recordingLogger(lines),
    });
    await runner.catchUp();
    expect(waits).toEqual([5, 10]);
    expect(lines).toEqual(['warn: projection pass failed', 'warn: projection pass failed']);
    const rebuilt = createInMemoryReadModelStore();
    await createProjectionRunner({
      events,
      readModels: rebuilt,
      projections: [balances],
    }).catchUp();
    expect(await dumpActive(readModels, balances.name)).toEqual(
      await dumpActive(rebuilt, balances.name),
    );
  });

  it('stops when the tries are spent, telling onError and the logger, never in silence', async () => {
    const events = createInMemoryEventStore();
    await appendLedger(events, deposits);
    const heard: number[] = [];
    const lines: string[] = [];
    const runner = createProjectionRunner({
      events,
      readModels: flakyStore(10),
      projections: [balances],
      failurePolicy: {
        retry: { attempts: 2, initialDelayMs: 1, sleep: async () => undefined },
        onError: (failure) => heard.push(failure.attempts),
      },
      logger: recordingLogger(lines),
    });
    await expect(runner.catchUp()).rejects.toThrow('connection refused');
    expect(heard).toEqual([2]);
    expect(lines.at(-1)).toBe('error: projection runner stopped');
  });
});
