import { describe, expect, it } from 'vitest';
import { FencedOutError, position } from '@clientele/eventstore';
import {
  createPostgresCheckpointStore,
  createPostgresLeaseStore,
} from '@clientele/eventstore-postgres';
import { usePostgres } from '../../../test/support/postgres.js';

const { available, pool, throwawaySchema } = await usePostgres({ maxConnections: 4 });

describe.runIf(available)('PostgreSQL leases and fenced checkpoints', () => {
  it('give a lease to one holder, and to the next with a higher token once it expires', async () => {
    const schema = throwawaySchema();
    const leases = createPostgresLeaseStore({ pool, schema });
    expect((await leases.acquire('mailer', 'a', 200))?.token).toBe(1n);
    expect(await leases.acquire('mailer', 'b', 200)).toBeUndefined();
    expect((await leases.acquire('mailer', 'a', 200))?.token).toBe(1n);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await leases.acquire('mailer', 'b', 200))?.token).toBe(2n);
    const released = (await leases.acquire('other', 'a', 60_000))!;
    await leases.release(released);
    expect((await leases.acquire('other', 'b', 60_000))?.token).toBe(2n);
  });

  it('refuse a checkpoint save with a stale token or a moved checkpoint, writing nothing', async () => {
    const schema = throwawaySchema();
    const leases = createPostgresLeaseStore({ pool, schema });
    const checkpoints = createPostgresCheckpointStore({ pool, schema });
    const stale = (await leases.acquire('mailer', 'a', 1))!;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const fresh = (await leases.acquire('mailer', 'b', 60_000))!;
    const fence = (lease: typeof stale) => ({ lease: 'mailer', token: lease.token });
    await expect(
      checkpoints.save('mailer', position(9n), { expected: undefined, fence: fence(stale) }),
    ).rejects.toThrow(FencedOutError);
    expect(await checkpoints.load('mailer')).toBeUndefined();
    await checkpoints.save('mailer', position(4n), { expected: undefined, fence: fence(fresh) });
    await expect(
      checkpoints.save('mailer', position(2n), { expected: position(1n), fence: fence(fresh) }),
    ).rejects.toThrow(FencedOutError);
    await checkpoints.save('mailer', position(6n), {
      expected: position(4n),
      fence: fence(fresh),
    });
    expect(await checkpoints.load('mailer')).toEqual(position(6n));
  });
});
