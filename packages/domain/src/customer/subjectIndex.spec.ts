import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from './events.js';
import { customersOfSubject, evolveSubjectIndex } from './subjectIndex.js';

describe('subject index', () => {
  it('finds every customer holding a person, as customer, contact or through a merge', () => {
    const events: CustomerEvent[] = [
      {
        type: 'CustomerRegistered',
        data: {
          customerId: 'c-1',
          subjectId: 'lead-7',
          kind: 'person',
          name: 'Ada',
          emails: [],
          phones: [],
          tags: [],
          contacts: [],
        },
      },
      {
        type: 'CustomerContactAdded',
        data: { customerId: 'c-2', contact: { subjectId: 'lead-7', name: 'Ada' } },
      },
      {
        type: 'CustomerAbsorbed',
        data: {
          customerId: 'c-3',
          mergedCustomerId: 'c-1',
          subjectId: 'lead-7',
          emails: [],
          phones: [],
          contacts: [],
        },
      },
      {
        type: 'CustomerContactAdded',
        data: { customerId: 'c-2', contact: { subjectId: 'other', name: 'Bob' } },
      },
    ];
    const index = events.reduce(evolveSubjectIndex, new Map());
    expect(customersOfSubject(index, 'lead-7')).toEqual(['c-1', 'c-2', 'c-3']);
    expect(customersOfSubject(index, 'nobody')).toEqual([]);
  });
});
