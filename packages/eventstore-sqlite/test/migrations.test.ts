import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { positionToString } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { SCHEMA_VERSION, createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { APPLICATION_ID, MIGRATIONS } from '../src/schema/migrations.js';
import { tempStoreFile } from './support/childScripts.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A store file as release 1 of the schema left it: two events at positions 5 and 9. */
const versionOneFile = (): string => {
  const { file, remove } = tempStoreFile();
  cleanups.push(remove);
  const db = new Database(file);
  db.exec(MIGRATIONS[0] as string);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 1');
  const insert = db.prepare(
    'INSERT INTO events (position, stream_name, stream_revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  [5, 9].forEach((position, revision) => {
    const event = testEvent('LeadTouched', { revision });
    insert.run(
      position,
      'Lead-1',
      revision,
      event.eventId,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      '2026-03-03T09:15:00.000Z',
    );
  });
  db.prepare('INSERT INTO streams (stream_name, revision) VALUES (?, ?)').run('Lead-1', 1);
  db.close();
  return file;
};

describe('opening a store of an older schema version', () => {
  it('runs the missing migrations, keeping every event at its position', async () => {
    const file = versionOneFile();
    const store = createSqliteEventStore({ file });
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    expect(store.database.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const events = await collect(store.readAll());
    expect(events.map((event) => positionToString(event.position))).toEqual(['5', '9']);
    expect(events.map((event) => event.data)).toEqual([{ revision: 0 }, { revision: 1 }]);
    await store.close();
  });

  it('carries on appending after the migrated events, with the next revision and position', async () => {
    const store = createSqliteEventStore({ file: versionOneFile() });
    expect(await store.streamRevision('Lead-1')).toBe(1n);
    const appended = await store.appendToStream('Lead-1', [testEvent('LeadTouched')], {
      expectedRevision: 1n,
    });
    expect(E.isRight(appended) && appended.right.firstRevision).toBe(2n);
    expect(E.isRight(appended) && positionToString(appended.right.position)).toBe('10');
    await store.close();
  });

  it('lets a second connection open a file the first has just created, without migrating it again', () => {
    const { file, remove } = tempStoreFile();
    cleanups.push(remove);
    const first = createSqliteEventStore({ file });
    const second = createSqliteEventStore({ file });
    expect(second.database.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    return Promise.all([first.close(), second.close()]);
  });
});
