import { createInMemoryEventStore, positionToString } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { balances, eventsPerType, ledgerEvent } from '../testing/syntheticLedger.js';
import { createInMemoryReadModelStore } from './inMemoryReadModelStore.js';
import { waitForPosition } from './waitForPosition.js';

describe('waiting for a read model to reach a position', () => {
  it('resolves once a runner elsewhere has projected the write, and reads the write', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    const projections = [balances, eventsPerType];
    const runner = createProjectionRunner({ events, readModels, projections });
    const stop = new AbortController();
    const running = runner.run(stop.signal);
    const { stream, event } = ledgerEvent({ kind: 'Deposited', account: 1, amount: 40 }, 0);
    const written = await events.appendToStream(stream, [event]);
    if (written._tag === 'Left') throw new Error('append failed');
    const names = projections.map((p) => p.name);
    expect(await waitForPosition(readModels, written.right.position, { projections: names })).toBe(
      true,
    );
    const build = (await readModels.activeBuild('balances'))!;
    expect(await readModels.getDocument({ name: 'balances', build }, 'account:1')).toBeDefined();
    stop.abort();
    await running;
  });

  it('takes the position in the string form a command outcome carries, and refuses one that is not', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events, readModels, projections: [balances] });
    const { stream, event } = ledgerEvent({ kind: 'Deposited', account: 1, amount: 40 }, 0);
    const written = await events.appendToStream(stream, [event]);
    if (written._tag === 'Left') throw new Error('append failed');
    await runner.catchUp();
    const text = positionToString(written.right.position);
    expect(await waitForPosition(readModels, text, { projections: ['balances'] })).toBe(true);
    await expect(
      waitForPosition(readModels, 'seven', { projections: ['balances'] }),
    ).rejects.toThrow(/"seven" is not a log position/);
  });

  it('gives up after the timeout when nothing projects the position', async () => {
    const events = createInMemoryEventStore();
    const readModels = createInMemoryReadModelStore();
    const { stream, event } = ledgerEvent({ kind: 'Deposited', account: 1, amount: 40 }, 0);
    const written = await events.appendToStream(stream, [event]);
    if (written._tag === 'Left') throw new Error('append failed');
    const started = Date.now();
    expect(
      await waitForPosition(readModels, written.right.position, {
        projections: ['balances'],
        timeoutMs: 60,
      }),
    ).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});
