import {
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createCustomerService } from '../customer/customerService.js';
import { testContext } from '../testing/commandContexts.js';
import { locateDomainPersonalData } from './domainPersonalData.js';
import { WITHHELD, findPersonalData } from './footprint.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const registerAcme = {
  kind: 'RegisterCustomer',
  customerId: 'c-acme',
  customerKind: 'company',
  name: 'Acme',
  contacts: [
    { subjectId: 'p-ada', name: 'Ada', email: 'ada@acme.example' },
    { subjectId: 'p-bob', name: 'Bob', email: 'bob@acme.example' },
  ],
};
const registerOther = {
  kind: 'RegisterCustomer',
  customerId: 'c-x',
  customerKind: 'company',
  name: 'X',
};

describe("finding a person's data", () => {
  it('finds the same records in a plain store and, skipping others undecrypted, in an encrypted one', async () => {
    // Given the same history in a plain store and in an encrypted one
    const plain = createInMemoryEventStore();
    const engine = createInMemoryEventStore();
    const encrypted = withPersonalDataEncryption(engine, {
      keys: createInMemoryDataKeyStore(),
      locate: locateDomainPersonalData,
    });
    for (const store of [plain, encrypted]) {
      const customers = createCustomerService(store, {
        authorize: permitEveryoneInTests(),
        tenantId: 't',
        tenantKey: 'k',
      });
      await customers.handle(registerAcme, testContext());
      await customers.handle(registerOther, testContext());
    }

    // When Ada's records are looked for, in the plain store and through the engine
    const fromPlain = await findPersonalData({ store: plain }, 'p-ada');
    const fromEngine = await findPersonalData({ store: encrypted, engine }, 'p-ada');

    // Then both hold her fields in the company's registration, with Bob's withheld
    const shape = (records: typeof fromPlain) =>
      records.map((r) => ({ stream: r.streamName, values: r.values, data: r.data }));
    expect(shape(fromEngine)).toEqual(shape(fromPlain));
    expect(fromPlain).toHaveLength(1);
    expect(fromPlain[0]?.values.map((v) => [v.path, v.value])).toEqual([
      ['contacts.0.name', 'Ada'],
      ['contacts.0.email', 'ada@acme.example'],
    ]);
    expect(fromPlain[0]?.data).toMatchObject({
      contacts: [{ name: 'Ada' }, { name: WITHHELD, email: WITHHELD }],
    });
  });
});
