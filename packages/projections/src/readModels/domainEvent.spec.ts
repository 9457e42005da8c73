import { InvoiceEvent, LeadEvent } from '@clientele/domain';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import { appendHistory } from '../testing/domainHistory.js';
import { lead, opened } from '../testing/salesEvents.js';
import { domainEventDecoder, eventTypesOf } from './domainEvent.js';
import { leadsProjection } from './leads/leadsProjection.js';
import { invoicesProjection } from './receivables/invoicesProjection.js';

describe('domain events in projections', () => {
  it('lists as a union’s event types exactly those its decoder keeps, so a read filtered on them misses none', async () => {
    const events = createInMemoryEventStore();
    await appendHistory(events, [
      lead('L1', 'web', '2026-01-05'),
      opened('O1', '2026-01-06'),
      { stream: 'Lead-L1', type: 'LeadTeleported', data: {}, at: '2026-01-07' },
      lead('L2', 'fair', '2026-01-08'),
    ]);
    const decode = domainEventDecoder(LeadEvent);
    const kept = [];
    for await (const event of events.readAll())
      if (decode(event) !== undefined) kept.push(event.eventId);
    const filtered = [];
    for await (const event of events.readAll({ filter: { eventTypes: eventTypesOf(LeadEvent) } }))
      filtered.push(event.eventId);
    expect(filtered).toEqual(kept);
    expect(kept).toHaveLength(2);
    expect(eventTypesOf(LeadEvent)).toContain('LeadCaptured');
    expect(eventTypesOf(LeadEvent)).not.toContain('OpportunityOpened');
  });

  it('skips event types a later domain release added, and decodes the known ones', async () => {
    const events = createInMemoryEventStore();
    await appendHistory(events, [
      lead('L1', 'web', '2026-01-05'),
      { stream: 'Lead-L1', type: 'LeadTeleported', data: {}, at: '2026-01-06' },
    ]);
    const decode = domainEventDecoder(LeadEvent);
    const decoded = [];
    for await (const event of events.readAll()) decoded.push(decode(event)?.type);
    expect(decoded).toEqual(['LeadCaptured', undefined]);
  });

  it('stops the runner on a known event that does not decode, naming it, and commits nothing of its batch', async () => {
    const events = createInMemoryEventStore();
    const broken = {
      stream: 'Lead-L2',
      type: 'LeadCaptured',
      data: { leadId: 'L2' },
      at: '2026-01-06',
    };
    await appendHistory(events, [lead('L1', 'web', '2026-01-05'), broken]);
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events, readModels, projections: [leadsProjection] });
    await expect(runner.catchUp()).rejects.toThrow(
      /\(LeadCaptured\) at Lead-L2 does not decode: .*source/,
    );
    expect((await readModels.builds('leads'))[0]?.checkpoint).toBeUndefined();
    expect(await readModels.activeBuild('leads')).toBeUndefined();
  });

  it('decodes a rectification and leaves the leads document, which holds no personal data, as it was', async () => {
    const events = createInMemoryEventStore();
    await appendHistory(events, [
      lead('L1', 'web', '2026-01-05'),
      {
        stream: 'Lead-L1',
        type: 'LeadContactCorrected',
        data: { leadId: 'L1', subjectId: 's-L1', contact: { email: 'ada@example.com' } },
        at: '2026-01-06',
      },
    ]);
    const recorded = [];
    for await (const event of events.readAll()) recorded.push(event);
    const [captured, corrected] = recorded;
    if (captured === undefined || corrected === undefined) throw new Error('history not appended');
    expect(domainEventDecoder(LeadEvent)(corrected)?.type).toBe('LeadContactCorrected');
    const key = leadsProjection.keysOf(captured)[0] ?? '';
    const doc = leadsProjection.apply(leadsProjection.initial(key), captured, key);
    expect(leadsProjection.apply(doc, corrected, key)).toBe(doc);
  });

  it('decodes a corrected billing contact and leaves the invoice document as it was', async () => {
    const eur = { amountMinor: 100_000, currency: 'EUR' };
    const events = createInMemoryEventStore();
    await appendHistory(events, [
      {
        stream: 'Invoice-INV-1',
        type: 'InvoiceIssued',
        data: {
          invoiceId: 'INV-1',
          issuedOn: '2026-01-05',
          dueOn: '2026-02-04',
          subtotal: eur,
          tax: { amountMinor: 0, currency: 'EUR' },
          total: eur,
          labels: [],
          customerId: 'C1',
          opportunityId: null,
          salesRepId: 'rep-1',
          billingContact: { subjectId: 'p-1', name: 'Ada' },
        },
        at: '2026-01-05',
      },
      {
        stream: 'Invoice-INV-1',
        type: 'InvoiceBillingContactCorrected',
        data: { invoiceId: 'INV-1', billingContact: { subjectId: 'p-1', name: 'Ada King' } },
        at: '2026-01-06',
      },
    ]);
    const recorded = [];
    for await (const event of events.readAll()) recorded.push(event);
    const [issue, corrected] = recorded;
    if (issue === undefined || corrected === undefined) throw new Error('history not appended');
    expect(domainEventDecoder(InvoiceEvent)(corrected)?.type).toBe(
      'InvoiceBillingContactCorrected',
    );
    const key = invoicesProjection.keysOf(issue)[0] ?? '';
    const doc = invoicesProjection.apply(invoicesProjection.initial(key), issue, key);
    expect(invoicesProjection.apply(doc, corrected, key)).toBe(doc);
  });
});
