import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { createCustomerService } from '../customer/customerService.js';
import { testContext } from './commandContexts.js';
import { settledLog, withStoreOpened } from './openedStore.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const TENANT_KEY = 'tenant-secret-for-tests';

const registration = (customerId: string, emails: string[], phones: string[] = []) => ({
  kind: 'RegisterCustomer',
  customerId,
  customerKind: 'company',
  name: `Customer ${customerId}`,
  emails,
  phones,
});

/**
 * The duplicate-customer checks, written once and run on every engine: racing registrations,
 * keys freed by edits and merges, orphaned claims taken over, and no key stored in clear.
 */
export const describeDuplicateCustomerChecks = (engineName: string, open: OpenEventStore): void => {
  describe(`${engineName}: duplicate customers`, () => {
    const service = (store: EventStore, gracePeriodMs?: number) =>
      createCustomerService(store, {
        authorize: permitEveryoneInTests(),
        tenantId: 'tenant-a',
        tenantKey: TENANT_KEY,
        gracePeriodMs,
      });

    it('lets exactly one of 20 concurrent registrations with the same email succeed', async () => {
      await withStoreOpened(open, async (engine) => {
        // Counts refused appends, to show the registrations really raced on the reservation.
        let conflicts = 0;
        const store: EventStore = {
          ...engine,
          appendToStream: async (stream, events, options) => {
            const result = await engine.appendToStream(stream, events, options);
            if (E.isLeft(result)) conflicts += 1;
            return result;
          },
        };
        const customers = service(store);
        // Every round must have one winner; a slow machine may let a round finish without any
        // append meeting another, so rounds repeat until one has really raced.
        for (let round = 0; round < 5 && (round === 0 || conflicts === 0); round += 1) {
          const results = await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              customers.handle(
                registration(`cus-${round}-${i}`, [` Same-${round}@Example.com`]),
                testContext(),
              ),
            ),
          );
          const winners = results.flatMap((r, i) => (E.isRight(r) ? [`cus-${round}-${i}`] : []));
          expect(winners).toHaveLength(1);
          for (const result of results.filter(E.isLeft)) {
            expect(result.left).toEqual({
              kind: 'DuplicateCustomer',
              existingCustomerId: winners[0],
              matchedOn: 'email',
            });
          }
        }
        expect(conflicts).toBeGreaterThan(0);
      });
    });

    it('lets exactly one of two registrations racing for two shared keys succeed', async () => {
      await withStoreOpened(open, async (store) => {
        const customers = service(store);
        for (let round = 0; round < 10; round += 1) {
          const email = `shared-${round}@example.com`;
          const phone = `+49301234${String(round).padStart(4, '0')}`;
          const results = await Promise.all([
            customers.handle(registration(`a-${round}`, [email], [phone]), testContext()),
            customers.handle(registration(`b-${round}`, [email], [phone]), testContext()),
          ]);
          expect(results.filter(E.isRight)).toHaveLength(1);
        }
      });
    });

    it('lets an email freed by an edit be registered by another customer', async () => {
      await withStoreOpened(open, async (store) => {
        const customers = service(store);
        await customers.handle(registration('cus-1', ['old@example.com']), testContext());
        const taken = await customers.handle(
          registration('cus-2', ['old@example.com']),
          testContext(),
        );
        expect(E.isLeft(taken) && taken.left).toMatchObject({ existingCustomerId: 'cus-1' });
        const edit = {
          kind: 'UpdateCustomerProfile',
          customerId: 'cus-1',
          emails: ['new@example.com'],
        };
        expect(E.isRight(await customers.handle(edit, testContext()))).toBe(true);
        const freed = await customers.handle(
          registration('cus-2', ['old@example.com']),
          testContext(),
        );
        expect(E.isRight(freed)).toBe(true);
        const clash = {
          kind: 'UpdateCustomerProfile',
          customerId: 'cus-2',
          emails: ['new@example.com'],
        };
        expect(await customers.handle(clash, testContext())).toEqual(
          E.left({ kind: 'DuplicateCustomer', existingCustomerId: 'cus-1', matchedOn: 'email' }),
        );
      });
    });

    it('moves the merged customer keys to the survivor and frees them on erasure', async () => {
      await withStoreOpened(open, async (store) => {
        const customers = service(store);
        await customers.handle(registration('cus-1', ['one@example.com']), testContext());
        await customers.handle(
          registration('cus-2', ['two@example.com'], ['+4930555000']),
          testContext(),
        );
        const merged = await customers.merge('cus-2', 'cus-1', testContext());
        expect(E.isRight(merged)).toBe(true);
        const survivor = await customers.load('cus-1');
        expect('registered' in survivor && survivor.emails).toEqual([
          'one@example.com',
          'two@example.com',
        ]);
        expect(await customers.reservations.holderOf({ kind: 'phone', value: '+4930555000' })).toBe(
          'cus-1',
        );
        await customers.handle(
          { kind: 'EraseCustomerPersonalData', customerId: 'cus-1' },
          testContext(),
        );
        expect(
          await customers.reservations.holderOf({ kind: 'email', value: 'two@example.com' }),
        ).toBe(undefined);
      });
    });

    it('takes over a claim whose customer never registered once the grace period is over', async () => {
      await withStoreOpened(open, async (store) => {
        const crashed = service(store, 60_000);
        const key = { kind: 'email' as const, value: 'orphan@example.com' };
        await crashed.reservations.claim([key], 'cus-crashed', testContext('2026-03-03T09:00:00Z'));
        const early = await crashed.handle(
          registration('cus-new', ['orphan@example.com']),
          testContext('2026-03-03T09:00:30Z'),
        );
        expect(E.isLeft(early) && early.left).toMatchObject({ existingCustomerId: 'cus-crashed' });
        const late = await crashed.handle(
          registration('cus-new', ['orphan@example.com']),
          testContext('2026-03-03T09:05:00Z'),
        );
        expect(E.isRight(late)).toBe(true);
        expect(await crashed.reservations.holderOf(key)).toBe('cus-new');
      });
    });

    it('never stores an email or phone in clear outside the customer stream', async () => {
      await withStoreOpened(open, async (store) => {
        const customers = service(store);
        await customers.handle(
          registration('cus-1', ['secret@example.com'], ['+4930999888']),
          testContext(),
        );
        // Two claims (email, phone) and the registration.
        const events = await settledLog(store, 3);
        const elsewhere = events.filter((event) => !event.streamName.startsWith('Customer-'));
        expect(elsewhere.length).toBeGreaterThan(0);
        const text = JSON.stringify(elsewhere, (_k, v: unknown) =>
          typeof v === 'bigint' ? `${v}` : v,
        );
        expect(text).not.toMatch(/secret@example\.com|4930999888/);
      });
    });
  });
};
