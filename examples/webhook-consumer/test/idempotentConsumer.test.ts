import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { createDeadLetterLog, createOutboxRelay, createWebhookTarget } from '@clientele/outbox';
import { createRevenueLedger } from '../src/revenueLedger.js';
import { createWebhookServer } from '../src/webhookServer.js';

const SECRET = 'erp-and-crm-share-this';
const database = new Database(':memory:');
const ledger = createRevenueLedger(database);
const server = createWebhookServer(SECRET, ledger.handle);
afterAll(() => {
  server.close();
  database.close();
});

describe('a downstream system consuming the outbox by webhook', () => {
  it('counts each won deal once, however often the outbox delivers it', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/clientele`;
    const store = createInMemoryEventStore();
    for (const [index, [ownerId, amountMinor]] of (
      [
        ['rep-ada', 120_000],
        ['rep-bo', 50_000],
        ['rep-ada', 30_000],
      ] as const
    ).entries()) {
      const id = `0193a000-0000-7000-8000-00000000000${String(index + 1)}`;
      await store.appendToStream(`Opportunity-o-${String(index)}`, [
        {
          type: 'OpportunityWon',
          data: {
            opportunityId: `o-${String(index)}`,
            stageId: 'won',
            amount: { amountMinor, currency: 'EUR' },
            wonOn: '2026-03-01',
            ownerId,
          },
          eventId: id,
          metadata: {
            occurredAt: '2026-03-01T10:00:00.000Z',
            actor: { id: ownerId, role: 'sales_rep' },
            correlationId: id,
            causationId: null,
            commandId: id,
            schemaVersion: 1,
          },
        },
      ]);
    }
    const relayFrom = () =>
      createOutboxRelay({
        store,
        // A fresh checkpoint each time: the whole log is delivered again, as after a lost one.
        checkpoints: createInMemoryCheckpointStore(),
        target: createWebhookTarget({ name: 'erp', url, secret: SECRET }),
        deadLetters: createDeadLetterLog({ store: createInMemoryEventStore(), targetName: 'erp' }),
      });
    expect(await relayFrom().catchUp()).toBe(3);
    expect(await relayFrom().catchUp()).toBe(3);
    expect(ledger.totals()).toEqual([
      { owner_id: 'rep-ada', currency: 'EUR', amount_minor: 150_000 },
      { owner_id: 'rep-bo', currency: 'EUR', amount_minor: 50_000 },
    ]);
  });
});
