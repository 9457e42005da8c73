import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { testContext } from '../testing/commandContexts.js';
import { createCustomerService } from './customerService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const register = (customerId: string, ownerId: string) => ({
  kind: 'RegisterCustomer',
  customerId,
  customerKind: 'company',
  name: customerId,
  ownerId,
});

describe('customer service', () => {
  it('hands all accounts of a leaving rep to a successor, refusing those someone else owns now', async () => {
    const store = createInMemoryEventStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    for (const [id, owner] of [
      ['c-1', 'leaver'],
      ['c-2', 'leaver'],
      ['c-3', 'other'],
    ] as const) {
      await customers.handle(register(id, owner), testContext());
    }
    const results = await customers.transferAll(
      ['c-1', 'c-2', 'c-3'],
      'leaver',
      'successor',
      testContext(),
    );
    expect(results.map(({ result }) => E.isRight(result))).toEqual([true, true, false]);
    for (const id of ['c-1', 'c-2']) {
      const state = await customers.load(id);
      expect('registered' in state && state.ownerId).toBe('successor');
    }
  });

  it('rejects invalid input naming every wrong field and appends nothing', async () => {
    const store = createInMemoryEventStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    const result = await customers.handle(
      { kind: 'RegisterCustomer', customerId: 42, customerKind: 'robot', emails: ['x'] },
      testContext(),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({ kind: 'InvalidCommand' });
    const problems =
      E.isLeft(result) && 'problems' in result.left ? result.left.problems.join('\n') : '';
    expect(problems).toMatch(/customerId: expected string, got 42/);
    expect(problems).toMatch(/customerKind: .*got "robot"/);
    expect(problems).toMatch(/name: .*got nothing/);
    expect(problems).toMatch(/emails\.0: not an email address/);
    expect(await store.headPosition()).toBeUndefined();
  });

  it('refuses an unknown command kind', async () => {
    const customers = createCustomerService(createInMemoryEventStore(), {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    const result = await customers.handle(
      { kind: 'DeleteEverything', customerId: 'c-1' },
      testContext(),
    );
    expect(E.isLeft(result) && result.left.kind).toBe('InvalidCommand');
  });

  it('refuses a merge that cannot complete before moving anything', async () => {
    const store = createInMemoryEventStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    for (const id of ['c-1', 'c-2', 'c-3'])
      await customers.handle(register(id, 'rep'), testContext());
    expect(E.isRight(await customers.merge('c-2', 'c-1', testContext()))).toBe(true);
    const before = await store.headPosition();
    expect(await customers.merge('c-2', 'c-3', testContext())).toEqual(
      E.left({ kind: 'CustomerMergedAway', customerId: 'c-2', survivorId: 'c-1' }),
    );
    expect(await customers.merge('c-3', 'c-3', testContext())).toEqual(
      E.left({ kind: 'CannotMergeIntoItself', customerId: 'c-3' }),
    );
    expect(await customers.merge('c-3', 'c-9', testContext())).toEqual(
      E.left({ kind: 'CustomerNotFound', customerId: 'c-9' }),
    );
    expect(await store.headPosition()).toEqual(before);
  });

  it("corrects a contact without claiming the contact's email as a duplicate-check key", async () => {
    const store = createInMemoryEventStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    await customers.handle(
      { ...register('c-1', 'rep'), contacts: [{ subjectId: 'per-1', name: 'Ada' }] },
      testContext(),
    );
    const result = await customers.handle(
      {
        kind: 'CorrectCustomerContact',
        customerId: 'c-1',
        subjectId: 'per-1',
        email: 'ada@x.example',
      },
      testContext(),
    );
    expect(E.isRight(result) && result.right.events.map((event) => event.type)).toEqual([
      'CustomerContactCorrected',
    ]);
    expect(
      await customers.reservations.holderOf({ kind: 'email', value: 'ada@x.example' }),
    ).toBeUndefined();
  });
});
