import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import type { EventStore } from '../eventStore/eventStore.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { createInMemoryCheckpointStore } from '../reactors/checkpointStore.js';
import { createReactorRunner } from '../reactors/reactorRunner.js';
import { testEvent } from '../testing/contract/fixtures.js';
import type { Logger } from '../logging/logger.js';
import type { FailurePolicy, RunnerFailure } from './failurePolicy.js';
import { createParkedEventLog } from './parkedEvents.js';

/** Three events; the one with `n: 1` fails while `broken` is true. */
const setup = async () => {
  const store = createInMemoryEventStore();
  for (const n of [0, 1, 2])
    await store.appendToStream(`Lead-${String(n)}`, [testEvent('LeadTouched', { n })]);
  const handled: number[] = [];
  const state = { broken: true };
  const react = async (event: RecordedEvent) => {
    const { n } = event.data as { n: number };
    if (n === 1 && state.broken) throw new Error('the mail server is down');
    handled.push(n);
  };
  const logs: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (_context, message) => logs.push(`warn: ${message}`),
    error: (_context, message) => logs.push(`error: ${message}`),
  };
  return { store, handled, state, react, logs, logger };
};

const runnerWith = (
  store: EventStore,
  react: (event: RecordedEvent) => Promise<void>,
  failurePolicy: FailurePolicy | undefined,
  logger: Logger,
) => {
  const checkpoints = createInMemoryCheckpointStore();
  const runner = createReactorRunner({
    name: 'welcome-mail',
    store,
    checkpoints,
    react,
    logger,
    checkpointEvery: 1,
    ...(failurePolicy === undefined ? {} : { failurePolicy }),
  });
  return { runner, checkpoints };
};

const retry = (waits: number[]) => ({
  attempts: 3,
  initialDelayMs: 10,
  sleep: async (ms: number) => void waits.push(ms),
});

describe('reactor failure policy', () => {
  it('parks an event after the retries and goes on, tells onError, and retries it on demand', async () => {
    const { store, handled, state, react, logs, logger } = await setup();
    const waits: number[] = [];
    const heard: RunnerFailure[] = [];
    const parked = createParkedEventLog({
      store: createInMemoryEventStore(),
      runner: 'welcome-mail',
    });
    const { runner } = runnerWith(
      store,
      react,
      { retry: retry(waits), whenExhausted: 'park', parked, onError: (f) => heard.push(f) },
      logger,
    );
    expect(await runner.catchUp()).toBe(3);
    expect(handled).toEqual([0, 2]);
    expect(waits).toEqual([10, 20]);
    expect(heard.map((f) => [f.action, f.attempts, f.event.streamName])).toEqual([
      ['parked', 3, 'Lead-1'],
    ]);
    expect(logs).toEqual([
      'warn: handling an event failed',
      'warn: handling an event failed',
      'warn: handling an event failed',
      'error: event parked',
    ]);
    expect((await runner.parked()).map((p) => [p.streamName, p.reason, p.attempts])).toEqual([
      ['Lead-1', 'the mail server is down', 3],
    ]);
    expect(await runner.retryParked()).toEqual({ retried: 0, remaining: 1 });
    state.broken = false;
    expect(await runner.retryParked()).toEqual({ retried: 1, remaining: 0 });
    expect(handled).toEqual([0, 2, 1]);
  });

  it('stops after the retries when told to, rethrowing, with the checkpoint before the failed event', async () => {
    const { store, handled, state, react, logs, logger } = await setup();
    const heard: RunnerFailure[] = [];
    const { runner, checkpoints } = runnerWith(
      store,
      react,
      { retry: retry([]), whenExhausted: 'stop', onError: (f) => heard.push(f) },
      logger,
    );
    await expect(runner.catchUp()).rejects.toThrow('the mail server is down');
    expect(handled).toEqual([0]);
    expect(heard.map((f) => f.action)).toEqual(['stopped']);
    expect(logs.at(-1)).toBe('error: runner stopped');
    expect((await checkpoints.load('welcome-mail'))?.commit).toBe(1n);
    // Started again once the cause is fixed, it resumes at the failed event: nothing skipped.
    state.broken = false;
    expect(await runner.catchUp()).toBe(2);
    expect(handled).toEqual([0, 1, 2]);
  });

  it('without a policy stops at the first failure, as before, and still logs it', async () => {
    const { store, react, logs, logger } = await setup();
    const { runner } = runnerWith(store, react, undefined, logger);
    await expect(runner.catchUp()).rejects.toThrow('the mail server is down');
    expect(logs).toEqual(['warn: handling an event failed', 'error: runner stopped']);
    expect(await runner.parked()).toEqual([]);
  });
});
