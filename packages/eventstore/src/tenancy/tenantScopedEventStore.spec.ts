import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { NO_STREAM } from '../envelope/revision.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { collect, testEvent } from '../testing/contract/fixtures.js';
import { TenantIsolationError, forTenant } from './tenantScopedEventStore.js';

const twoTenants = async () => {
  const shared = createInMemoryEventStore();
  const acme = forTenant(shared, 'acme');
  const globex = forTenant(shared, 'globex');
  await acme.appendToStream(
    'Customer-1',
    [testEvent('CustomerRegistered', { name: 'Acme buyer' })],
    { commandId: '0193a000-0000-7000-8000-00000000000a' },
  );
  await globex.appendToStream('Customer-2', [
    testEvent('CustomerRegistered', { name: 'Globex buyer' }),
  ]);
  return { shared, acme, globex };
};

describe('tenant isolation', () => {
  it('stamps every appended event with the tenant', async () => {
    const { shared } = await twoTenants();
    expect((await collect(shared.readAll())).map((e) => e.metadata.tenantId)).toEqual([
      'acme',
      'globex',
    ]);
  });

  it('never returns another tenant’s events, from a stream, the log or a subscription', async () => {
    const { acme } = await twoTenants();
    expect(await collect(acme.readStream('Customer-2'))).toEqual([]);
    expect(await acme.streamRevision('Customer-2')).toBe(NO_STREAM);
    expect((await collect(acme.readAll())).map((e) => e.streamName)).toEqual(['Customer-1']);
    const subscription = acme.subscribeToAll();
    const seen: string[] = [];
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      seen.push(message.event.streamName);
    }
    await subscription.stop();
    expect(seen).toEqual(['Customer-1']);
  });

  it('refuses an append to another tenant’s stream and writes nothing', async () => {
    const { shared, acme } = await twoTenants();
    await expect(acme.appendToStream('Customer-2', [testEvent('CustomerRenamed')])).rejects.toThrow(
      TenantIsolationError,
    );
    expect(await collect(shared.readAll())).toHaveLength(2);
  });

  it('refuses an event that names another tenant', async () => {
    const { acme } = await twoTenants();
    await expect(
      acme.appendToStream('Customer-3', [
        testEvent('CustomerRegistered', {}, { tenantId: 'globex' }),
      ]),
    ).rejects.toThrow(/names tenant globex/);
  });

  it('hides another tenant’s command results', async () => {
    const { acme, globex } = await twoTenants();
    expect(await acme.findCommandResult('0193a000-0000-7000-8000-00000000000a')).toMatchObject({
      streamName: 'Customer-1',
      firstRevision: 0n,
      nextExpectedRevision: 0n,
    });
    expect(await globex.findCommandResult('0193a000-0000-7000-8000-00000000000a')).toBeUndefined();
    expect(
      E.isRight(await globex.appendToStream('Customer-4', [testEvent('CustomerRegistered')])),
    ).toBe(true);
  });
});
