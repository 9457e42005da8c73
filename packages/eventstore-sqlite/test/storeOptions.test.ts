import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { position } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { createSqliteCheckpointStore, createSqliteEventStore } from '@clientele/eventstore-sqlite';
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

describe('SQLite store options', () => {
  it('runs in WAL with synchronous=NORMAL by default and FULL when asked', async () => {
    const normal = createSqliteEventStore({ file: newFile() });
    const full = createSqliteEventStore({ file: newFile(), durability: 'full' });
    expect(normal.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(normal.database.pragma('synchronous', { simple: true })).toBe(1);
    expect(full.database.pragma('synchronous', { simple: true })).toBe(2);
    await Promise.all([normal.close(), full.close()]);
  });

  it('forgets command ids once they are older than the retention window', async () => {
    let clock = Date.parse('2026-03-03T09:00:00Z');
    const file = newFile();
    const options = { file, commandRetentionMs: 60_000, now: () => new Date(clock) };
    const store = createSqliteEventStore(options);
    const commandId = uuidv7();
    await store.appendToStream('Lead-1', [testEvent('LeadCaptured')], { commandId });
    clock += 30_000;
    const retried = await store.appendToStream('Lead-1', [testEvent('LeadCaptured')], {
      commandId,
    });
    expect(E.isRight(retried) && retried.right.duplicate).toBe(true);
    clock += 60_000;
    expect(await store.findCommandResult(commandId)).toBeUndefined();
    const late = await store.appendToStream('Lead-1', [testEvent('LeadCaptured')], { commandId });
    expect(E.isRight(late) && late.right.duplicate).toBe(false);
    await store.close();
    clock += 120_000;
    const reopened = createSqliteEventStore(options);
    const left = reopened.database.prepare('SELECT count(*) FROM commands').pluck().get();
    expect(left, 'records past retention are deleted on open').toBe(0);
    await reopened.close();
  });
});

describe('backing up a SQLite store', () => {
  it('copies a consistent store while it stays open, readable as a store of its own', async () => {
    const store = createSqliteEventStore({ file: newFile() });
    await store.appendToStream('Lead-1', [testEvent('LeadCaptured'), testEvent('LeadQualified')]);
    const backupFile = newFile();
    await store.database.backup(backupFile);
    await store.appendToStream('Lead-1', [testEvent('LeadConverted')]);
    const backup = createSqliteEventStore({ file: backupFile });
    expect((await collect(backup.readStream('Lead-1'))).map((event) => event.type)).toEqual([
      'LeadCaptured',
      'LeadQualified',
    ]);
    await Promise.all([store.close(), backup.close()]);
  });
});

describe('SQLite checkpoints and write transactions', () => {
  it('keeps checkpoints across a reopen, in the same file as the events', async () => {
    const file = newFile();
    const store = createSqliteEventStore({ file });
    const checkpoints = createSqliteCheckpointStore(store);
    expect(await checkpoints.load('funnel')).toBeUndefined();
    await checkpoints.save('funnel', position(41n));
    await checkpoints.save('funnel', position(42n));
    await store.close();
    const reopened = createSqliteEventStore({ file });
    expect(await createSqliteCheckpointStore(reopened).load('funnel')).toEqual(position(42n));
    await reopened.close();
  });

  it('commits read-model rows and the checkpoint together, or neither when the work throws', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const checkpoints = createSqliteCheckpointStore(store);
    store.database.exec('CREATE TABLE lead_counts (source TEXT PRIMARY KEY, n INTEGER)');
    await store.writeTransaction((db) => {
      db.prepare('INSERT INTO lead_counts VALUES (?, ?)').run('web', 1);
      checkpoints.saveNow('lead-counts', position(1n));
    });
    await expect(
      store.writeTransaction((db) => {
        db.prepare('UPDATE lead_counts SET n = n + 1').run();
        checkpoints.saveNow('lead-counts', position(2n));
        throw new Error('the projection failed half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(store.database.prepare('SELECT n FROM lead_counts').pluck().get()).toBe(1);
    expect(await checkpoints.load('lead-counts')).toEqual(position(1n));
    expect(await collect(store.readAll())).toEqual([]);
    await store.close();
  });
});
