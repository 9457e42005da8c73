import * as E from 'fp-ts/lib/Either.js';
import { foldEvents, formatValidationErrors } from '@clientele/eventstore';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from './events.js';
import { CustomerCommand } from './commands.js';
import { customerDecider } from './decide.js';

const spec = deciderSpec(customerDecider);
const customerId = 'cus-1';
const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  data: {
    customerId,
    subjectId: customerId,
    kind: 'company',
    name: 'Acme GmbH',
    emails: ['sales@acme.example'],
    phones: [],
    tags: ['vip'],
    contacts: [{ subjectId: 'per-1', name: 'Ada Lovelace', email: 'ada@acme.example' }],
    region: 'EMEA',
    ownerId: 'rep-1',
  },
};
const decode = (input: unknown) => {
  const decoded = CustomerCommand.decode(input);
  if (E.isLeft(decoded)) throw new Error(formatValidationErrors(decoded.left).join('; '));
  return decoded.right;
};

describe('customer', () => {
  it('registers a customer with normalized, de-duplicated emails', () => {
    spec
      .given([])
      .when(
        decode({
          kind: 'RegisterCustomer',
          customerId,
          customerKind: 'company',
          name: 'Acme GmbH',
          emails: ['Sales@Acme.example', 'sales@acme.example'],
          tags: ['vip'],
          contacts: [{ subjectId: 'per-1', name: 'Ada Lovelace', email: 'ada@acme.example' }],
          region: 'EMEA',
          ownerId: 'rep-1',
        }),
      )
      .then([registered]);
  });

  it('refuses to register the same customer id twice', () => {
    spec
      .given([registered])
      .when(decode({ kind: 'RegisterCustomer', customerId, customerKind: 'person', name: 'X' }))
      .thenFails({ kind: 'CustomerAlreadyRegistered', customerId });
  });

  it('refuses changes to a customer that was never registered', () => {
    spec
      .given([])
      .when({ kind: 'ClassifyCustomer', customerId, segment: 'SMB' })
      .thenFails({ kind: 'CustomerNotFound', customerId });
  });

  it('records the previous segment when a customer is classified', () => {
    spec
      .given([registered])
      .when({ kind: 'ClassifyCustomer', customerId, segment: 'Enterprise' })
      .then([
        {
          type: 'CustomerClassified',
          data: { customerId, segment: 'Enterprise', previousSegment: null },
        },
      ]);
  });

  it('tags only what changes and emits nothing when nothing does', () => {
    spec
      .given([registered])
      .when({ kind: 'TagCustomer', customerId, add: ['vip'] })
      .then([]);
    spec
      .given([registered])
      .when({ kind: 'TagCustomer', customerId, add: ['vip', 'reseller'], remove: ['vip'] })
      .then([
        { type: 'CustomerTagged', data: { customerId, added: ['reseller'], removed: ['vip'] } },
      ]);
  });

  it('refuses a second contact with the same person and removing one that is not there', () => {
    spec
      .given([registered])
      .when({ kind: 'AddCustomerContact', customerId, contact: { subjectId: 'per-1', name: 'A' } })
      .thenFails({ kind: 'ContactAlreadyExists', contactSubjectId: 'per-1' });
    spec
      .given([registered])
      .when({ kind: 'RemoveCustomerContact', customerId, contactSubjectId: 'per-9' })
      .thenFails({ kind: 'ContactNotFound', contactSubjectId: 'per-9' });
  });

  it('sets a credit limit and records the previous one', () => {
    const limit = decode({
      kind: 'SetCustomerCreditLimit',
      customerId,
      creditLimit: { amountMinor: 5_000_000, currency: 'EUR' },
    });
    spec
      .given([registered])
      .when(limit)
      .then([
        {
          type: 'CustomerCreditLimitSet',
          data: {
            customerId,
            creditLimit: { amountMinor: 5_000_000, currency: 'EUR' } as never,
            previous: null,
          },
        },
      ]);
  });

  it('refuses changes to a deactivated customer until it is reactivated', () => {
    const deactivated: CustomerEvent = {
      type: 'CustomerDeactivated',
      data: { customerId, reason: 'went out of business' },
    };
    spec
      .given([registered, deactivated])
      .when({ kind: 'ClassifyCustomer', customerId, segment: 'SMB' })
      .thenFails({ kind: 'CustomerInactive', customerId });
    spec
      .given([registered, deactivated])
      .when({ kind: 'ReactivateCustomer', customerId })
      .then([{ type: 'CustomerReactivated', data: { customerId } }]);
    spec
      .given([registered])
      .when({ kind: 'ReactivateCustomer', customerId })
      .thenFails({ kind: 'CustomerAlreadyActive', customerId });
  });

  it('transfers an account only from the rep who owns it now', () => {
    spec
      .given([registered])
      .when({ kind: 'TransferCustomer', customerId, fromOwnerId: 'rep-1', toOwnerId: 'rep-2' })
      .then([
        {
          type: 'CustomerOwnerAssigned',
          data: { customerId, ownerId: 'rep-2', previousOwnerId: 'rep-1', reason: 'transferred' },
        },
      ]);
    spec
      .given([registered])
      .when({ kind: 'TransferCustomer', customerId, fromOwnerId: 'rep-9', toOwnerId: 'rep-2' })
      .thenFails({
        kind: 'OwnerChanged',
        customerId,
        expectedOwnerId: 'rep-9',
        actualOwnerId: 'rep-1',
      });
  });

  it('closes a merged customer and points every later command to the survivor', () => {
    spec
      .given([registered])
      .when({ kind: 'MergeCustomerInto', customerId, survivorId: customerId })
      .thenFails({ kind: 'CannotMergeIntoItself', customerId });
    spec
      .given([registered, { type: 'CustomerMerged', data: { customerId, survivorId: 'cus-2' } }])
      .when({ kind: 'AssignCustomerOwner', customerId, ownerId: 'rep-3' })
      .thenFails({ kind: 'CustomerMergedAway', customerId, survivorId: 'cus-2' });
  });

  it('erases personal data once, even on a deactivated customer', () => {
    const deactivated: CustomerEvent = {
      type: 'CustomerDeactivated',
      data: { customerId, reason: 'asked to be forgotten' },
    };
    const erased: CustomerEvent = {
      type: 'CustomerPersonalDataErased',
      data: { customerId, subjectId: customerId },
    };
    spec
      .given([registered, deactivated])
      .when({ kind: 'EraseCustomerPersonalData', customerId })
      .then([erased]);
    spec
      .given([registered, erased])
      .when({ kind: 'EraseCustomerPersonalData', customerId })
      .then([]);
  });

  it('rejects invalid input naming the field and the reason', () => {
    const bad = CustomerCommand.decode({
      kind: 'RegisterCustomer',
      customerId,
      customerKind: 'company',
      name: 'Acme',
      emails: ['not-an-email'],
      phones: ['0301234'],
    });
    const problems = E.isLeft(bad) ? formatValidationErrors(bad.left).join('\n') : '';
    expect(problems).toMatch(/emails\.0: not an email address/);
    expect(problems).toMatch(/phones\.0: not a phone number/);
    const negative = CustomerCommand.decode({
      kind: 'SetCustomerCreditLimit',
      customerId,
      creditLimit: { amountMinor: -1, currency: 'EUR' },
    });
    expect(E.isLeft(negative) && formatValidationErrors(negative.left).join()).toMatch(
      /creditLimit\.amountMinor/,
    );
  });

  it('lets the survivor of a merge take over the emails, phones and contacts, recording what moved', () => {
    const moved = {
      mergedCustomerId: 'cus-2',
      subjectId: 'cus-2',
      emails: ['info@globex.example', 'sales@acme.example'],
      phones: ['+4930555000'],
      contacts: [{ subjectId: 'per-2', name: 'Hank Scorpio' }],
    };
    spec
      .given([registered])
      .when({ kind: 'AbsorbCustomer', customerId, ...moved })
      .then([{ type: 'CustomerAbsorbed', data: { customerId, ...moved } }]);
    spec
      .given([registered])
      .when({ kind: 'AbsorbCustomer', customerId, ...moved, mergedCustomerId: customerId })
      .thenFails({ kind: 'CannotMergeIntoItself', customerId });
  });

  describe('rectification', () => {
    const contactCorrected: CustomerEvent = {
      type: 'CustomerContactCorrected',
      data: { customerId, contact: { subjectId: 'per-1', name: 'Ada King' } },
    };

    it("records only the contact's corrected fields, under the contact's data subject", () => {
      spec
        .given([registered])
        .when(
          decode({
            kind: 'CorrectCustomerContact',
            customerId,
            subjectId: 'per-1',
            name: 'Ada King',
            email: 'ADA@acme.example',
          }),
        )
        .then([contactCorrected]);
    });

    it('records nothing when the correction gives the values already held', () => {
      spec
        .given([registered, contactCorrected])
        .when(
          decode({
            kind: 'CorrectCustomerContact',
            customerId,
            subjectId: 'per-1',
            name: 'Ada King',
          }),
        )
        .then([]);
    });

    it('keeps the fields the correction did not name', () => {
      const state = foldEvents(customerDecider, [
        registered,
        {
          type: 'CustomerContactAdded',
          data: { customerId, contact: { subjectId: 'per-2', name: 'Hank', role: 'CFO' } },
        },
        {
          type: 'CustomerContactCorrected',
          data: { customerId, contact: { subjectId: 'per-2', phone: '+4930555000' } },
        },
        contactCorrected,
      ]);
      expect('registered' in state && state.contacts).toEqual([
        { subjectId: 'per-1', name: 'Ada King', email: 'ada@acme.example' },
        { subjectId: 'per-2', name: 'Hank', role: 'CFO', phone: '+4930555000' },
      ]);
    });

    it('refuses to correct a person who is not a contact of the customer', () => {
      spec
        .given([registered])
        .when(decode({ kind: 'CorrectCustomerContact', customerId, subjectId: 'per-9', name: 'X' }))
        .thenFails({ kind: 'ContactNotFound', contactSubjectId: 'per-9' });
    });

    it('corrects a contact of a deactivated customer, and points a merged one to the survivor', () => {
      const correct = decode({
        kind: 'CorrectCustomerContact',
        customerId,
        subjectId: 'per-1',
        name: 'Ada King',
      });
      spec
        .given([registered, { type: 'CustomerDeactivated', data: { customerId, reason: 'x' } }])
        .when(correct)
        .then([contactCorrected]);
      spec
        .given([registered, { type: 'CustomerMerged', data: { customerId, survivorId: 'cus-2' } }])
        .when(correct)
        .thenFails({ kind: 'CustomerMergedAway', customerId, survivorId: 'cus-2' });
    });

    it('refuses a correction that names no field to correct', () => {
      const empty = CustomerCommand.decode({
        kind: 'CorrectCustomerContact',
        customerId,
        subjectId: 'per-1',
      });
      expect(E.isLeft(empty) && formatValidationErrors(empty.left).join()).toMatch(
        /^\(root\): give at least one of name, email, phone, got /,
      );
    });
  });
});
