import { describe, expect, it } from 'vitest';
import { CustomerEvent } from '../customer/events.js';
import { LeadEvent } from '../lead/events.js';
import { OpportunityEvent } from '../opportunity/events.js';
import { ReservationEvent } from '../reservations/events.js';
import { SalesOrganizationEvent } from '../salesOrganization/events.js';
import { personalFieldPaths } from './personalData.js';
import { personalDataLocator } from './personalDataLocator.js';

const salesEvents = {
  CustomerEvent,
  LeadEvent,
  OpportunityEvent,
  ReservationEvent,
  SalesOrganizationEvent,
};
const GROUPING_ATTRIBUTES = ['region', 'industry', 'source', 'segment', 'campaignId', 'ownerId'];

describe('personal data in the sales events', () => {
  it('gives every personal field a data subject', () => {
    for (const [name, codec] of Object.entries(salesEvents)) {
      const orphans = personalFieldPaths(codec).filter(
        (field) => field.subjectIdPath === undefined,
      );
      expect(orphans, name).toEqual([]);
    }
  });

  it('tags names, emails, phones, addresses and notes about people as personal', () => {
    const paths = [...personalFieldPaths(CustomerEvent), ...personalFieldPaths(LeadEvent)].map(
      (f) => f.path,
    );
    for (const expected of [
      'data.name',
      'data.emails[]',
      'data.phones[]',
      'data.address',
      'data.note',
      'data.contacts[].name',
      'data.contacts[].email',
      'data.contact.name',
      'data.contact.email',
      'data.contact.phone',
      'data.notes',
      'data.checkIn.place',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  it('keeps what reports group by out of the personal fields', () => {
    for (const codec of Object.values(salesEvents)) {
      for (const field of personalFieldPaths(codec)) {
        const leaf = field.path.split('.').at(-1)!.replace('[]', '');
        expect(GROUPING_ATTRIBUTES).not.toContain(leaf);
      }
    }
    expect(personalFieldPaths(OpportunityEvent)).toEqual([]);
    expect(personalFieldPaths(ReservationEvent)).toEqual([]);
  });

  it('locates the personal fields of a stored event for the privacy layer', () => {
    const locate = personalDataLocator(Object.values(salesEvents));
    const fields = locate('CustomerRegistered', {
      customerId: 'c',
      subjectId: 'c',
      kind: 'company',
      name: 'Acme',
      emails: ['info@acme.example'],
      phones: [],
      tags: [],
      contacts: [{ subjectId: 'p', name: 'Ada' }],
      region: 'EMEA',
    });
    expect(fields).toEqual([
      { path: ['name'], subjectId: 'c' },
      { path: ['emails', 0], subjectId: 'c' },
      { path: ['contacts', 0, 'name'], subjectId: 'p' },
    ]);
  });
});
