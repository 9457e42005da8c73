import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { createCustomerService } from '@clientele/domain';
import { whatWasKnown } from '../src/whatWasKnown.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

describe('an auditor replaying a customer', () => {
  it('tells what was known on 3 March apart from what had happened by then', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    const store = createInMemoryEventStore({ now: () => clock });
    const customers = createCustomerService(store, {
      authorize: permitEveryoneInTests(),
      tenantId: 'acme',
      tenantKey: 'k',
    });
    const registered = await customers.handle(
      {
        kind: 'RegisterCustomer',
        customerId: 'cus-1',
        customerKind: 'company',
        name: 'Acme Trading',
        region: 'EMEA',
      },
      {
        commandId: '0193f000-0000-7000-8000-000000000001',
        actor: { id: 'rep-ada', role: 'sales_rep' },
        occurredAt: '2026-03-01T09:55:00Z',
      },
    );
    expect(E.isRight(registered)).toBe(true);
    // Entered on 5 March by a manager, effective on 2 March: the reassignment was late paperwork.
    clock = new Date('2026-03-05T16:00:00Z');
    const reassigned = await customers.handle(
      { kind: 'AssignCustomerOwner', customerId: 'cus-1', ownerId: 'rep-bob' },
      {
        commandId: '0193f000-0000-7000-8000-000000000002',
        actor: { id: 'mgr-east', role: 'sales_manager' },
        occurredAt: '2026-03-02T09:00:00Z',
      },
    );
    expect(E.isRight(reassigned)).toBe(true);

    const known = await whatWasKnown(store, 'cus-1', { knownAt: '2026-03-03T23:59:59Z' });
    const effective = await whatWasKnown(store, 'cus-1', { effectiveAt: '2026-03-03T23:59:59Z' });
    expect('registered' in known.state && known.state.ownerId).toBeNull();
    expect('registered' in effective.state && effective.state.ownerId).toBe('rep-bob');
    expect(known.timeline.map((entry) => entry.type)).toEqual(['CustomerRegistered']);
    expect(effective.timeline.map((entry) => [entry.type, entry.actor])).toEqual([
      ['CustomerRegistered', 'rep-ada (sales_rep)'],
      ['CustomerOwnerAssigned', 'mgr-east (sales_manager)'],
    ]);
  });
});
