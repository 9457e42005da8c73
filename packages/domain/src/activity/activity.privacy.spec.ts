import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  isErasedField,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createCustomerService } from '../customer/customerService.js';
import { locateDomainPersonalData } from '../privacy/domainPersonalData.js';
import { findPersonalData } from '../privacy/footprint.js';
import { createPrivacyService } from '../privacy/privacyService.js';
import { testContext } from '../testing/commandContexts.js';
import { createActivityService } from './activityService.js';

const admin = { id: 'admin', role: 'administrator' };

const setUp = async () => {
  const engine = createInMemoryEventStore();
  const keys = createInMemoryDataKeyStore();
  const store = withPersonalDataEncryption(engine, { keys, locate: locateDomainPersonalData });
  const customers = createCustomerService(store, {
    authorize: permitEveryoneInTests(),
    tenantId: 't',
    tenantKey: 'k',
  });
  const activities = createActivityService(store, { authorize: permitEveryoneInTests() });
  const privacy = createPrivacyService(store, {
    authorize: permitEveryoneInTests(),
    engine,
    keys,
    customers,
    activities,
  });
  const logged = await activities.send(
    {
      kind: 'LogActivity',
      activityId: 'a-1',
      activityKind: 'call',
      on: [{ type: 'contact', id: 'p-ana' }],
      ownerId: 'rep-1',
      at: '2026-03-03T10:00:00.000Z',
      contactName: 'Ana Souza',
      notes: 'Ana asked for the price list',
      call: { direction: 'outbound', durationSeconds: 60, outcome: 'connected' },
    },
    testContext(),
  );
  expect(E.isRight(logged)).toBe(true);
  return { engine, store, activities, privacy };
};

describe('personal data in activities', () => {
  it('are listed for an access request of their person', async () => {
    const { store, engine } = await setUp();
    const records = await findPersonalData({ store, engine }, 'p-ana');
    expect(
      records.flatMap((record) => record.values.map((value) => [value.path, value.value])),
    ).toEqual([
      ['contactName', 'Ana Souza'],
      ['notes', 'Ana asked for the price list'],
    ]);
  });

  it('are corrected by a rectification of their person’s name', async () => {
    const { privacy, store, engine } = await setUp();
    const steps = await privacy.rectifyPerson(
      'p-ana',
      { name: 'Ana Sousa' },
      testContext(undefined, admin),
    );
    expect(E.isRight(steps) && steps.right).toEqual([
      { streamName: 'Activity-a-1', command: 'CorrectActivity' },
    ]);
    const records = await findPersonalData({ store, engine }, 'p-ana');
    expect(records.at(-1)?.values).toEqual([
      { path: 'contactName', value: 'Ana Sousa', retainedAs: undefined },
    ]);
  });

  it('read as erased once their person is forgotten, while the activity still counts', async () => {
    const { privacy, activities, store } = await setUp();
    expect(E.isRight(await privacy.forgetPerson('p-ana', testContext(undefined, admin)))).toBe(
      true,
    );
    for await (const event of store.readAll()) {
      if (event.type !== 'ActivityLogged') continue;
      const data = event.data as { contactName: unknown; notes: unknown; kind: string };
      expect(isErasedField(data.contactName)).toBe(true);
      expect(isErasedField(data.notes)).toBe(true);
      expect(data.kind).toBe('call');
    }
    expect(await activities.load('a-1')).toMatchObject({ logged: true, kind: 'call' });
  });
});
