import * as E from 'fp-ts/lib/Either.js';
import {
  ERASED,
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { CustomerEvent } from '../customer/events.js';
import { createCustomerService } from '../customer/customerService.js';
import { LeadEvent } from '../lead/events.js';
import { testContext } from '../testing/commandContexts.js';
import { personalDataLocator } from './personalDataLocator.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const encryptedStore = () => {
  const keys = createInMemoryDataKeyStore();
  const store = withPersonalDataEncryption(createInMemoryEventStore(), {
    keys,
    locate: personalDataLocator([CustomerEvent, LeadEvent]),
  });
  return { keys, store };
};

describe('an aggregate whose person was forgotten', () => {
  it('still loads, reads the erased marker in place of each personal field, and takes commands', async () => {
    // Given a customer whose own data subject was forgotten
    const { keys, store } = encryptedStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    await customers.handle(
      {
        kind: 'RegisterCustomer',
        customerId: 'c-1',
        subjectId: 'p-1',
        customerKind: 'person',
        name: 'Ada Lovelace',
        emails: ['ada@example.com'],
        phones: ['+441234567890'],
        region: 'EMEA',
      },
      testContext(),
    );
    await keys.forgetSubject('p-1');

    // When it is loaded and sent a command
    const state = await customers.load('c-1');
    const tagged = await customers.handle(
      { kind: 'TagCustomer', customerId: 'c-1', add: ['vip'] },
      testContext(),
    );

    // Then its facts survive, its personal fields read as erased, and the command is decided
    expect(state).toMatchObject({ name: ERASED, emails: [], phones: [], region: 'EMEA' });
    expect(E.isRight(tagged)).toBe(true);
  });

  it('refuses a command that carries the erased marker, naming the field', async () => {
    const { store } = encryptedStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    const result = await customers.handle(
      { kind: 'RegisterCustomer', customerId: 'c-1', customerKind: 'company', name: ERASED },
      testContext(),
    );
    expect(E.isLeft(result) && result.left).toEqual({
      kind: 'InvalidCommand',
      problems: ['name: an erased value cannot be sent in a command'],
    });
    expect(await store.headPosition()).toBeUndefined();
  });
});
