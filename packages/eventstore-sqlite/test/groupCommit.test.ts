import * as E from 'fp-ts/lib/Either.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { SqliteEventStore } from '@clientele/eventstore-sqlite';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { NO_STREAM } from '@clientele/eventstore';
import { collect, testEvent } from '@clientele/eventstore/testing';
import { tempStoreFile } from './support/childScripts.js';

/** Events another connection to the file sees: only what is committed. */
const committedCount = (file: string): number => {
  const other = new Database(file, { readonly: true });
  try {
    return (other.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    other.close();
  }
};

describe('SQLite group commit', () => {
  let location: ReturnType<typeof tempStoreFile>;
  let store: SqliteEventStore;
  beforeEach(() => {
    location = tempStoreFile();
    store = createSqliteEventStore({ file: location.file });
  });
  afterEach(async () => {
    await store.close();
    location.remove();
  });

  it('commits at the command count it was given, and the rest when the work ends', async () => {
    const seen: number[] = [];
    await store.groupCommit(
      async (commandDone) => {
        for (let n = 0; n < 5; n += 1) {
          await store.appendToStream(`Group-${String(n)}`, [testEvent('A')]);
          await commandDone();
          seen.push(committedCount(location.file));
        }
      },
      { commandsPerCommit: 2 },
    );
    expect(seen).toEqual([0, 2, 2, 4, 4]);
    expect(committedCount(location.file)).toBe(5);
  });

  it('checks each append against its expected revision, seeing the group’s own appends', async () => {
    const outcomes = await store.groupCommit(async () => {
      const first = await store.appendToStream('Group-a', [testEvent('A')], {
        expectedRevision: NO_STREAM,
      });
      const stale = await store.appendToStream('Group-a', [testEvent('B')], {
        expectedRevision: NO_STREAM,
      });
      const next = await store.appendToStream('Group-a', [testEvent('C')], {
        expectedRevision: 0n,
      });
      return [first, stale, next].map(E.isRight);
    });
    expect(outcomes).toEqual([true, false, true]);
    const events = await collect(store.readStream('Group-a'));
    expect(events.map((event) => event.type)).toEqual(['A', 'C']);
  });

  it('writes a command id once, even when it is sent twice in the same group', async () => {
    const [first, again] = await store.groupCommit(async () => [
      await store.appendToStream('Group-d', [testEvent('A')], { commandId: 'command-1' }),
      await store.appendToStream('Group-d', [testEvent('A')], { commandId: 'command-1' }),
    ]);
    expect(E.isRight(first) && !first.right.duplicate).toBe(true);
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
    expect(await collect(store.readStream('Group-d'))).toHaveLength(1);
  });

  it('rolls back the commands not yet committed when the work fails, and keeps the others', async () => {
    const failing = store.groupCommit(
      async (commandDone) => {
        for (let n = 0; n < 3; n += 1) {
          await store.appendToStream('Group-f', [testEvent('A')]);
          await commandDone();
        }
        throw new Error('disk on fire');
      },
      { commandsPerCommit: 2 },
    );
    await expect(failing).rejects.toThrow('disk on fire');
    expect(await collect(store.readStream('Group-f'))).toHaveLength(2);
    expect(store.database.inTransaction).toBe(false);
  });

  it('refuses to open a group inside another', async () => {
    const nested = store.groupCommit(() => store.groupCommit(async () => 'inner'));
    await expect(nested).rejects.toThrow('groups do not nest');
  });
});
