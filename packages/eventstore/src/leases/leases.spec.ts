import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import { position } from '../envelope/position.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { createInMemoryCheckpointStore } from '../reactors/checkpointStore.js';
import { createReactorRunner } from '../reactors/reactorRunner.js';
import { testEvent } from '../testing/contract/fixtures.js';
import { createInMemoryLeaseStore } from './inMemoryLeaseStore.js';
import { FencedOutError } from './lease.js';
import { createLeaseKeeper } from './leaseKeeper.js';

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
};

describe('leases', () => {
  it('go to one holder at a time, and to the next one with a higher token once expired', async () => {
    let now = 1_000;
    const leases = createInMemoryLeaseStore(() => now);
    const first = await leases.acquire('deals/1.1', 'a', 100);
    expect(first?.token).toBe(1n);
    expect(await leases.acquire('deals/1.1', 'b', 100)).toBeUndefined();
    expect((await leases.acquire('deals/1.1', 'a', 100))?.token).toBe(1n);
    now += 101;
    expect((await leases.acquire('deals/1.1', 'b', 100))?.token).toBe(2n);
    expect(leases.holds({ lease: 'deals/1.1', token: 1n })).toBe(false);
  });

  it('refuse a checkpoint save stamped with a token that is no longer current', async () => {
    let now = 0;
    const leases = createInMemoryLeaseStore(() => now);
    const checkpoints = createInMemoryCheckpointStore(leases);
    const stale = await leases.acquire('mailer', 'a', 10);
    now = 20;
    const fresh = await leases.acquire('mailer', 'b', 10);
    const guard = (token: bigint) => ({ expected: undefined, fence: { lease: 'mailer', token } });
    await expect(checkpoints.save('mailer', position(5n), guard(stale!.token))).rejects.toThrow(
      FencedOutError,
    );
    await checkpoints.save('mailer', position(5n), guard(fresh!.token));
    expect(await checkpoints.load('mailer')).toEqual(position(5n));
  });

  it('refuse a checkpoint save whose starting checkpoint was moved by someone else', async () => {
    const checkpoints = createInMemoryCheckpointStore();
    await checkpoints.save('mailer', position(7n));
    await expect(
      checkpoints.save('mailer', position(5n), { expected: position(3n) }),
    ).rejects.toThrow(FencedOutError);
    expect(await checkpoints.load('mailer')).toEqual(position(7n));
  });

  it('lapse in the keeper once a ttl has passed without a renewal', async () => {
    const leases = createInMemoryLeaseStore();
    const keeper = createLeaseKeeper({ leases, holder: 'a', ttlMs: 30 });
    await keeper.acquire('x');
    expect(keeper.fence('x')).toEqual({ lease: 'x', token: 1n });
    // Blocks the event loop, as a paused process would: no renewal can run.
    const blockedUntil = Date.now() + 40;
    while (Date.now() < blockedUntil);
    expect(keeper.fence('x')).toBeUndefined();
    await keeper.releaseAll();
  });
});

describe('reactor runners sharing a lease', () => {
  it('react on one runner only, and a standby takes over when the active one stops', async () => {
    const store = createInMemoryEventStore();
    const leases = createInMemoryLeaseStore();
    const checkpoints = createInMemoryCheckpointStore(leases);
    const handledBy: string[] = [];
    const runner = (holder: string) =>
      createReactorRunner({
        name: 'mailer',
        store,
        checkpoints,
        checkpointEvery: 1,
        lease: { leases, holder, ttlMs: 60 },
        react: async (_event: RecordedEvent) => {
          handledBy.push(holder);
        },
      });
    const [a, b] = [runner('a'), runner('b')];
    const runs = [a.run(), b.run()];
    await store.appendToStream('Lead-1', [testEvent('Captured'), testEvent('Captured')]);
    await until(() => handledBy.length === 2);
    expect(new Set(handledBy).size).toBe(1);
    const active = handledBy[0] === 'a' ? a : b;
    await active.stop();
    await store.appendToStream('Lead-2', [testEvent('Captured')]);
    await until(() => handledBy.length === 3);
    expect(handledBy[2]).not.toBe(handledBy[0]);
    await a.stop();
    await b.stop();
    await Promise.all(runs);
    expect(handledBy).toHaveLength(3);
  });

  it('steps back without saving when another runner took its lease', async () => {
    let now = 0;
    const store = createInMemoryEventStore();
    const leases = createInMemoryLeaseStore(() => now);
    const checkpoints = createInMemoryCheckpointStore(leases);
    await store.appendToStream('Lead-1', [testEvent('Captured'), testEvent('Captured')]);
    const stale = createReactorRunner({
      name: 'mailer',
      store,
      checkpoints,
      checkpointEvery: 1,
      lease: { leases, holder: 'stale', ttlMs: 60_000 },
      react: async () => {
        // While it works, the lease expires (by the store's clock) and a standby takes it.
        now += 120_000;
        await leases.acquire('mailer', 'standby', 60_000);
      },
    });
    expect(await stale.catchUp()).toBe(1);
    expect(await checkpoints.load('mailer')).toBeUndefined();
    await stale.stop();
  });
});
