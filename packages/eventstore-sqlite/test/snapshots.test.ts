import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { Decider } from '@clientele/eventstore';
import { createCommandHandler } from '@clientele/eventstore';
import { createSqliteEventStore, createSqliteSnapshotStore } from '@clientele/eventstore-sqlite';
import { tempStoreFile } from './support/childScripts.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const Counted = t.type({ type: t.literal('Counted'), data: t.type({ by: t.number }) });
type Counted = t.TypeOf<typeof Counted>;
const counter: Decider<{ readonly id: string; readonly by: number }, Counted, number, never> = {
  initialState: 0,
  decide: (command) => E.right([{ type: 'Counted', data: { by: command.by } }]),
  evolve: (count, event) => count + event.data.by,
};

describe('SQLite snapshots', () => {
  it('keep the latest state per stream and version across a reopen, until removed', async () => {
    const { file, remove } = tempStoreFile();
    const store = createSqliteEventStore({ file });
    const snapshots = createSqliteSnapshotStore(store);
    await snapshots.save('Counter-1', 'counter@1', { revision: 4n, state: { total: 5 } });
    await snapshots.save('Counter-1', 'counter@1', { revision: 9n, state: { total: 10 } });
    await store.close();
    const reopened = createSqliteEventStore({ file });
    const again = createSqliteSnapshotStore(reopened);
    expect(await again.load('Counter-1', 'counter@1')).toEqual({
      revision: 9n,
      state: { total: 10 },
    });
    expect(await again.load('Counter-1', 'counter@2')).toBeUndefined();
    await again.remove('Counter-1');
    expect(await again.load('Counter-1', 'counter@1')).toBeUndefined();
    await reopened.close();
    remove();
  });

  it('let the command handler load an aggregate from its snapshot and the events after it', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const snapshots = createSqliteSnapshotStore(store);
    const handler = createCommandHandler({
      authorize: permitEveryoneInTests(),
      store,
      decider: counter,
      eventCodec: Counted,
      streamName: (command) => `Counter-${command.id}`,
      snapshots: { store: snapshots, stateVersion: 'counter@1', stateCodec: t.number, every: 5 },
    });
    const context = (n: number) => ({
      commandId: `01939e4c-0000-7000-8000-${String(n).padStart(12, '0')}`,
      actor: { id: 'rep', role: 'sales_rep' },
      occurredAt: '2026-03-03T09:15:00.000Z',
    });
    for (let n = 1; n <= 7; n += 1) {
      const outcome = await handler.handle({ id: 'a', by: 1 }, context(n));
      expect(E.isRight(outcome)).toBe(true);
    }
    expect(await snapshots.load('Counter-a', 'counter@1')).toMatchObject({ revision: 4n });
    expect((await handler.load('Counter-a')).state).toBe(7);
    await store.close();
  });
});
