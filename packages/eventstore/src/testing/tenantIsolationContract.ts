import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { NO_STREAM } from '../envelope/revision.js';
import { TenantIsolationError, forTenant } from '../tenancy/tenantScopedEventStore.js';
import type { OpenEventStore } from './contract/fixtures.js';
import { collect, testEvent, uniqueStream, withStore } from './contract/fixtures.js';

/**
 * Tenant isolation on a real engine: two tenants share one store through `forTenant`, and neither
 * ever reads, subscribes to, appends to or replays the other's events.
 */
export const describeTenantIsolation = (engineName: string, open: OpenEventStore): void => {
  describe(`${engineName}: tenant isolation`, () => {
    it('never shows one tenant the other’s events, streams, command results or subscription', () =>
      withStore(open, async (shared) => {
        const acme = forTenant(shared, 'acme');
        const globex = forTenant(shared, 'globex');
        const acmeStream = uniqueStream('Customer');
        const globexStream = uniqueStream('Customer');
        const commandId = '0193a000-0000-7000-8000-0000000000ac';
        expect(
          E.isRight(
            await acme.appendToStream(
              acmeStream,
              [testEvent('CustomerRegistered', { n: 'acme' })],
              { commandId },
            ),
          ),
        ).toBe(true);
        expect(
          E.isRight(
            await globex.appendToStream(globexStream, [
              testEvent('CustomerRegistered', { n: 'globex' }),
            ]),
          ),
        ).toBe(true);

        expect((await collect(acme.readAll())).map((e) => e.streamName)).toEqual([acmeStream]);
        expect((await collect(globex.readAll())).map((e) => e.streamName)).toEqual([globexStream]);
        expect(await collect(acme.readStream(globexStream))).toEqual([]);
        expect(await acme.streamRevision(globexStream)).toBe(NO_STREAM);
        expect(await globex.findCommandResult(commandId)).toBeUndefined();
        await expect(
          acme.appendToStream(globexStream, [testEvent('CustomerRenamed')]),
        ).rejects.toThrow(TenantIsolationError);

        const subscription = globex.subscribeToAll();
        const seen: string[] = [];
        for await (const message of subscription) {
          if (message.kind === 'caughtUp') break;
          seen.push(message.event.streamName);
        }
        await subscription.stop();
        expect(seen).toEqual([globexStream]);
        expect((await collect(shared.readAll())).map((e) => e.metadata.tenantId)).toEqual([
          'acme',
          'globex',
        ]);
      }));
  });
};
