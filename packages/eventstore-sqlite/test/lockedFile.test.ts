import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { tempStoreFile } from './support/childScripts.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
const newFile = (): string => {
  const { file, remove } = tempStoreFile();
  cleanups.push(remove);
  return file;
};

describe('a store whose file another connection keeps locked', () => {
  it('waits past its busy timeout and appends once the lock is released, never reporting "database is locked"', async () => {
    const file = newFile();
    const store = createSqliteEventStore({ file, busyTimeoutMs: 10 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 300);
    const started = Date.now();
    const appended = await store.appendToStream('Lead-1', [testEvent('LeadCaptured')]);
    expect(E.isRight(appended)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    other.close();
    await store.close();
  });
});

describe('a row edited by hand', () => {
  it('fails the read loudly, naming the stream, revision, position and field', async () => {
    const file = newFile();
    const store = createSqliteEventStore({ file });
    await store.appendToStream('Lead-1', [testEvent('LeadCaptured')]);
    store.database
      .prepare(`UPDATE events SET metadata = json_set(metadata, '$.occurredAt', 'yesterday')`)
      .run();
    await expect(collect(store.readAll())).rejects.toThrow(
      /metadata of Lead-1@0 \(position 1\).*occurredAt/,
    );
    await store.close();
  });
});
