import fc from 'fast-check';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import { dumpActive } from '../testing/dumpActive.js';
import { appendLedger, balances, ledgerSteps } from '../testing/syntheticLedger.js';
import { createProjectionRunner } from './projectionRunner.js';

const steps = (seed: number) => fc.sample(ledgerSteps(30), { numRuns: 1, seed })[0]!;
/** Blocks the event loop, as a paused process would: no lease renewal can run meanwhile. */
const stall = (ms: number): void => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

describe('projection runners sharing a read-model store through leases', () => {
  it('let one runner write a build while the other stands by, then hand over on expiry', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    const runner = (holder: string) =>
      createProjectionRunner({
        events,
        readModels,
        projections: [balances],
        batchSize: 4,
        lease: { holder, ttlMs: 60 },
      });
    const [first, second] = [runner('first'), runner('second')];
    await appendLedger(events, steps(1));
    expect(await first.catchUp()).toBeGreaterThan(0);
    expect(await second.catchUp()).toBe(0);
    await appendLedger(events, steps(2), 100);
    // The first runner stalls past its lease; the standby takes over from its checkpoint.
    stall(80);
    expect(await second.catchUp()).toBeGreaterThan(0);
    expect(await first.catchUp()).toBe(0);

    const reference = createInMemoryReadModelStore();
    await createProjectionRunner({
      events,
      readModels: reference,
      projections: [balances],
    }).catchUp();
    expect(await dumpActive(readModels, 'balances')).toEqual(
      await dumpActive(reference, 'balances'),
    );
  });

  it('commit nothing from a runner whose lease lapsed in the middle of a pass', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    await appendLedger(events, steps(3));
    const stalled = createProjectionRunner({
      events,
      readModels,
      projections: [balances],
      batchSize: 2,
      rebuildCommitEvery: 2,
      lease: { holder: 'stalled', ttlMs: 30 },
      onProgress: () => {
        stall(40);
      },
    });
    await stalled.catchUp();
    const [build] = await readModels.builds('balances');
    // Only its first batch, committed before the stall; nothing after the lease lapsed.
    const firstBatch: unknown[] = [];
    for await (const event of events.readAll({ maxCount: 2 })) firstBatch.push(event.position);
    expect(build?.checkpoint).toEqual(firstBatch[1]);
    await appendLedger(events, steps(4), 100);
    const standby = createProjectionRunner({
      events,
      readModels,
      projections: [balances],
      lease: { holder: 'standby', ttlMs: 30 },
    });
    await standby.catchUp();
    const [after] = await readModels.builds('balances');
    expect(after?.checkpoint).toEqual(await events.headPosition());
  });
});
