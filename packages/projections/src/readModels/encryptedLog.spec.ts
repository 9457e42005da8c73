import {
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import { createTicketService, locateDomainPersonalData } from '@clientele/domain';
import { testContext } from '@clientele/domain/testing';
import { describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import { activeDocument } from '../store/activeDocuments.js';
import { allReadModels } from './allReadModels.js';
import { TicketDocument } from './service/ticketDocument.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

describe('projecting an encrypted log', () => {
  it('builds read models from the raw log without any key, and they hold no personal value', async () => {
    // Given a ticket whose description was encrypted on its way into the log
    const engine = createInMemoryEventStore();
    const store = withPersonalDataEncryption(engine, {
      keys: createInMemoryDataKeyStore(),
      locate: locateDomainPersonalData,
    });
    await createTicketService(store, { authorize: permitEveryoneInTests() }).handle(
      {
        kind: 'OpenTicket',
        ticketId: 't-1',
        customerId: 'c-1',
        subjectId: 'p-1',
        channel: 'web',
        category: 'Billing',
        priority: 'high',
        description: 'Grace says the invoice went to her old flat',
      },
      testContext(),
    );

    // When every read model is built from the engine itself, which holds only ciphertext
    const readModels = createInMemoryReadModelStore();
    const events = await createProjectionRunner({
      events: engine,
      readModels,
      projections: allReadModels,
    }).catchUp();

    // Then the ticket is counted and nothing of its description is anywhere
    expect(events).toBe(1);
    const ticket = await activeDocument(readModels, 'tickets', TicketDocument, 'ticket:t-1');
    expect(ticket).toMatchObject({ ticketId: 't-1', priority: 'high', status: 'open' });
    expect(JSON.stringify(ticket)).not.toMatch(/Grace|encrypted/);
  });
});
