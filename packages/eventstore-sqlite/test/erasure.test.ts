import { existsSync, readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { EventStore, PersonalDataLocator } from '@clientele/eventstore';
import {
  ERASED,
  verifyLog,
  withHashChain,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import {
  createSqliteDataKeyStore,
  createSqliteEventStore,
  purgeErasedData,
} from '@clientele/eventstore-sqlite';
import { tempStoreFile } from './support/childScripts.js';

interface Contact {
  readonly contactId: string;
  readonly subjectId: string;
  readonly region: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

const locate: PersonalDataLocator = (type, data) =>
  type === 'ContactRecorded' || type === 'ContactCorrected'
    ? ['name', 'email', 'phone'].map((field) => ({
        path: [field],
        subjectId: (data as Contact).subjectId,
      }))
    : [];

// Accented names, so the UTF-8 search differs from a Latin-1 one.
const ada: Contact = {
  contactId: 'c-ada',
  subjectId: 'person-ada',
  region: 'EMEA',
  name: 'Ada Lövelace-Byrön',
  email: 'ada.lovelace@analytical-engine.example',
  phone: '+44 20 7946 0183',
};
const adaCorrected: Contact = { ...ada, email: 'countess.ada@lovelace.example' };
const grace: Contact = {
  contactId: 'c-grace',
  subjectId: 'person-grace',
  region: 'AMER',
  name: 'Grace Höpper',
  email: 'grace@cobol.example',
  phone: '+1 202 555 0147',
};

const adaValues = [ada.name, ada.email, ada.phone, adaCorrected.email];

/** The store file and its WAL as they are on disk, not as SQLite reads them. */
const rawFiles = (file: string): Buffer[] =>
  [file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path));

const foundInFiles = (file: string, needle: Buffer): boolean =>
  rawFiles(file).some((bytes) => bytes.includes(needle));

const openStores = (file: string, busyTimeoutMs?: number) => {
  const sqlite = createSqliteEventStore({ file, busyTimeoutMs });
  const keys = createSqliteDataKeyStore(sqlite);
  const chained = withHashChain(sqlite);
  const store = withPersonalDataEncryption(chained, { keys, locate });
  return { sqlite, keys, chained, store };
};

const contactsOf = async (store: EventStore, contactId: string) =>
  (await collect(store.readStream(`Contact-${contactId}`))).map((event) => event.data);

describe('erasure on SQLite, down to the raw file', () => {
  it('leaves none of a forgotten person’s values or key bytes in the file or its WAL after the purge steps', async () => {
    const { file, remove } = tempStoreFile();
    try {
      const { sqlite, keys, store } = openStores(file);
      await store.appendToStream('Contact-c-ada', [testEvent('ContactRecorded', ada)]);
      await store.appendToStream('Contact-c-grace', [testEvent('ContactRecorded', grace)]);
      await store.appendToStream('Contact-c-ada', [testEvent('ContactCorrected', adaCorrected)]);
      await store.appendToStream('Contact-c-grace', [testEvent('ContactNoted', { n: 1 })]);

      // Before erasure the key row exists and its bytes are on disk: the searches below can fail.
      const adaKey = Buffer.from((await keys.keyForSubject('person-ada'))!.key);
      const graceKey = Buffer.from((await keys.keyForSubject('person-grace'))!.key);
      const keyRows = sqlite.database
        .prepare('SELECT count(*) FROM data_keys WHERE subject_id = ?')
        .pluck();
      expect(keyRows.get('person-ada')).toBe(1);
      expect(foundInFiles(file, adaKey)).toBe(true);
      expect(await contactsOf(store, 'c-ada')).toEqual([ada, adaCorrected]);

      await keys.forgetSubject('person-ada');
      expect(keyRows.get('person-ada')).toBe(0);
      // Deleting the row is not enough: the WAL still holds the page as it was before.
      expect(foundInFiles(file, adaKey)).toBe(true);

      expect(purgeErasedData(sqlite.database)).toEqual(E.right(undefined));
      await sqlite.close();

      expect(foundInFiles(file, adaKey)).toBe(false);
      for (const value of adaValues) {
        expect(foundInFiles(file, Buffer.from(value, 'utf8'))).toBe(false);
        expect(foundInFiles(file, Buffer.from(value, 'utf16le'))).toBe(false);
      }
      // The same search finds what was not forgotten, so it does look at the right bytes.
      expect(foundInFiles(file, graceKey)).toBe(true);

      const reopened = openStores(file);
      expect(await contactsOf(reopened.store, 'c-grace')).toEqual([grace, { n: 1 }]);
      expect(await contactsOf(reopened.store, 'c-ada')).toEqual([
        { ...ada, name: ERASED, email: ERASED, phone: ERASED },
        { ...adaCorrected, name: ERASED, email: ERASED, phone: ERASED },
      ]);
      expect(E.isRight(await verifyLog(reopened.chained))).toBe(true);
      await reopened.sqlite.close();
    } finally {
      remove();
    }
  });

  it('reports the purge as blocked while another connection still reads an older state', async () => {
    const { file, remove } = tempStoreFile();
    // A short busy timeout: the blocked checkpoint waits this long before it reports.
    const writer = openStores(file, 50);
    const reader = createSqliteEventStore({ file });
    try {
      await writer.store.appendToStream('Contact-c-ada', [testEvent('ContactRecorded', ada)]);
      await writer.keys.forgetSubject('person-ada');
      const reading = reader.database.prepare('SELECT position FROM events').iterate();
      reading.next();
      await writer.store.appendToStream('Contact-c-grace', [testEvent('ContactRecorded', grace)]);
      const result = purgeErasedData(writer.sqlite.database);
      expect(E.isLeft(result) && result.left.step).toBe('checkpoint');
      reading.return?.();
      expect(purgeErasedData(writer.sqlite.database)).toEqual(E.right(undefined));
    } finally {
      await reader.close();
      await writer.sqlite.close();
      remove();
    }
  });
});
