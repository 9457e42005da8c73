import * as E from 'fp-ts/lib/Either.js';
import { ERASED, foldEvents } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { customerDecider } from './decide.js';
import type { CustomerEvent } from './events.js';
import { CustomerStateCodec } from './stateCodec.js';

const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  data: {
    customerId: 'c-1',
    subjectId: 'p-1',
    kind: 'company',
    name: 'Acme',
    emails: ['info@acme.example'],
    phones: [],
    address: { city: 'Bremen' },
    region: 'EMEA',
    tags: [],
    contacts: [{ subjectId: 'p-2', name: 'Ada', email: 'ada@acme.example' }],
  },
};

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('customer snapshots', () => {
  it('decode back to the state they were taken from, erased fields included', () => {
    const erased = { ...registered, data: { ...registered.data, name: ERASED } } as CustomerEvent;
    for (const events of [[], [registered], [erased]]) {
      const state = foldEvents(customerDecider, events);
      expect(CustomerStateCodec.decode(throughJson(CustomerStateCodec.encode(state)))).toEqual(
        E.right(state),
      );
    }
  });

  it('ignore a snapshot of another shape instead of trusting it', () => {
    expect(E.isLeft(CustomerStateCodec.decode({ registered: true, customerId: 'c-1' }))).toBe(true);
  });
});
