import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import type { LeadEvent } from './events.js';
import { createCustomerService } from '../customer/customerService.js';
import { testContext } from '../testing/commandContexts.js';
import { createLeadService } from './leadService.js';
import {
  combineMatchers,
  emptyOpenLeadIndex,
  evolveOpenLeadIndex,
  matchAgainstCustomers,
  matchAgainstOpenLeads,
  matchOpenLeads,
} from './matching.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

describe('lead service', () => {
  it('warns, without blocking, that a new lead matches an existing customer', async () => {
    const store = createInMemoryEventStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    await customers.handle(
      {
        kind: 'RegisterCustomer',
        customerId: 'cus-1',
        customerKind: 'person',
        name: 'Ada',
        emails: ['ada@example.com'],
      },
      testContext(),
    );
    const leads = createLeadService(store, {
      authorize: permitEveryoneInTests(),
      findMatches: matchAgainstCustomers(customers.reservations),
    });
    const captured = await leads.handle(
      {
        kind: 'CaptureLead',
        leadId: 'lead-1',
        source: 'web form',
        contact: { email: 'ADA@example.com' },
        matches: { customerIds: ['forged'], leadIds: [] },
      },
      testContext(),
    );
    expect(E.isRight(captured) && captured.right.events[0]?.data).toMatchObject({
      matches: { customerIds: ['cus-1'], leadIds: [] },
    });
  });

  it('rejects invalid input naming the field and appends nothing', async () => {
    const store = createInMemoryEventStore();
    const leads = createLeadService(store, { authorize: permitEveryoneInTests() });
    const result = await leads.handle(
      { kind: 'CaptureLead', leadId: 'lead-1', source: '', contact: { phone: '12345' } },
      testContext(),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'InvalidCommand',
      problems: [expect.stringMatching(/^source: /), expect.stringMatching(/^contact\.phone: /)],
    });
    expect(await store.headPosition()).toBeUndefined();
  });

  it('matches a new lead against open leads with the same email or phone', () => {
    const captured = (leadId: string, email: string): LeadEvent => ({
      type: 'LeadCaptured',
      data: {
        leadId,
        subjectId: leadId,
        source: 'referral',
        contact: { email },
        matches: { customerIds: [], leadIds: [] },
      },
    });
    let index = evolveOpenLeadIndex(emptyOpenLeadIndex, captured('lead-1', 'x@example.com'));
    index = evolveOpenLeadIndex(index, captured('lead-2', 'y@example.com'));
    expect(matchOpenLeads(index, 'lead-3', { email: 'x@example.com' })).toEqual(['lead-1']);
    index = evolveOpenLeadIndex(index, {
      type: 'LeadDisqualified',
      data: { leadId: 'lead-1', reason: 'spam' },
    });
    expect(matchOpenLeads(index, 'lead-3', { email: 'x@example.com' })).toEqual([]);
  });

  it('records matches from customers and open leads together', async () => {
    const store = createInMemoryEventStore();
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 't',
      tenantKey: 'k',
    });
    await customers.handle(
      {
        kind: 'RegisterCustomer',
        customerId: 'cus-1',
        customerKind: 'person',
        name: 'Ada',
        phones: ['+4930111222'],
      },
      testContext(),
    );
    let index = emptyOpenLeadIndex;
    const leads = createLeadService(store, {
      authorize: permitEveryoneInTests(),
      findMatches: combineMatchers(
        matchAgainstCustomers(customers.reservations),
        matchAgainstOpenLeads(() => index),
      ),
    });
    const capture = (leadId: string) =>
      leads.handle(
        {
          kind: 'CaptureLead',
          leadId,
          source: 'social',
          contact: { email: 'ada@example.com', phone: '+49 30 111222' },
        },
        testContext(),
      );
    const first = await capture('lead-1');
    if (E.isRight(first))
      for (const event of first.right.events) index = evolveOpenLeadIndex(index, event);
    const second = await capture('lead-2');
    expect(E.isRight(second) && second.right.events[0]?.data).toMatchObject({
      matches: { customerIds: ['cus-1'], leadIds: ['lead-1'] },
    });
  });
});
