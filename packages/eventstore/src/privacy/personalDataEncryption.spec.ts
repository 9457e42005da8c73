import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { withHashChain } from '../integrity/hashChainedEventStore.js';
import { verifyLog } from '../integrity/verifyLog.js';
import { stringifyJson } from '../envelope/json.js';
import { collect, testEvent } from '../testing/contract/fixtures.js';
import { createInMemoryDataKeyStore } from './dataKeyStore.js';
import { ERASED, decryptField } from './fieldCipher.js';
import type { PersonalDataLocator } from './personalDataEncryption.js';
import { withPersonalDataEncryption } from './personalDataEncryption.js';

interface Registered {
  readonly customerId: string;
  readonly region: string;
  readonly contact: { readonly subjectId: string; readonly name: string; readonly email: string };
  readonly owner: { readonly subjectId: string; readonly name: string };
}

const locate: PersonalDataLocator = (type, data) => {
  if (type !== 'CustomerRegistered') return [];
  const { contact, owner } = data as Registered;
  return [
    { path: ['contact', 'name'], subjectId: contact.subjectId },
    { path: ['contact', 'email'], subjectId: contact.subjectId },
    { path: ['owner', 'name'], subjectId: owner.subjectId },
  ];
};

const registered: Registered = {
  customerId: 'c-1',
  region: 'EMEA',
  contact: { subjectId: 'person-ada', name: 'Ada Lovelace', email: 'ada@example.org' },
  owner: { subjectId: 'person-rep', name: 'Grace Hopper' },
};

const setUp = async () => {
  const engine = withHashChain(createInMemoryEventStore());
  const keys = createInMemoryDataKeyStore();
  const store = withPersonalDataEncryption(engine, { keys, locate });
  await store.appendToStream('Customer-c-1', [testEvent('CustomerRegistered', registered)]);
  return { engine, keys, store };
};

describe('personal data encryption', () => {
  it('stores no personal value in clear, and names the subjects and keys in the metadata', async () => {
    const { engine } = await setUp();
    const [stored] = await collect(engine.readAll());
    const text = stringifyJson(stored);
    for (const secret of ['Ada Lovelace', 'ada@example.org', 'Grace Hopper'])
      expect(text).not.toContain(secret);
    expect(text).toContain('EMEA');
    expect(stored?.metadata.subjects?.map((s) => s.subjectId)).toEqual([
      'person-ada',
      'person-rep',
    ]);
  });

  it('reads back the original values through the store', async () => {
    const { store } = await setUp();
    const [read] = await collect(store.readStream('Customer-c-1'));
    expect(read?.data).toEqual(registered);
  });

  it('shows a forgotten person’s fields as erased while everything else still reads', async () => {
    const { store, keys } = await setUp();
    await keys.forgetSubject('person-ada');
    const [read] = await collect(store.readAll());
    expect(read?.data).toEqual({
      ...registered,
      contact: { subjectId: 'person-ada', name: ERASED, email: ERASED },
    });
  });

  it('keeps the hash chain verifiable after an erasure, because it covers the ciphertext', async () => {
    const { engine, keys } = await setUp();
    await keys.forgetSubject('person-ada');
    expect(E.isRight(await verifyLog(engine))).toBe(true);
  });

  it('writes the erased marker for a subject already forgotten', async () => {
    const { store, keys } = await setUp();
    await keys.forgetSubject('person-ada');
    await store.appendToStream('Customer-c-2', [
      testEvent('CustomerRegistered', { ...registered, customerId: 'c-2' }),
    ]);
    const [read] = await collect(store.readStream('Customer-c-2'));
    expect((read?.data as Registered).contact.email).toEqual(ERASED);
  });

  it('refuses to decrypt a field whose ciphertext was changed', async () => {
    const { engine, keys } = await setUp();
    const [stored] = await collect(engine.readAll());
    const field = (stored?.data as { contact: { name: { $encrypted: string; keyId: string } } })
      .contact.name;
    const key = await keys.keyById(field.keyId);
    const bytes = Buffer.from(field.$encrypted, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(() => decryptField({ ...field, $encrypted: bytes.toString('base64') }, key!)).toThrow();
  });
});
