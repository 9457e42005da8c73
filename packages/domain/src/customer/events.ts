import * as t from 'io-ts';
import { EmailAddress, NonEmptyText, PhoneNumber } from '../shared/contact.js';
import { NonNegativeMoney } from '../shared/money.js';
import { personal } from '../shared/personalData.js';
import { Address, Contact, CustomerKind } from './values.js';

const event = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.type({ type: t.literal(type), data }, type);

/** The profile fields a registration sets and an update may change; personal ones are tagged. */
const ProfileFields = {
  name: personal(NonEmptyText),
  emails: t.readonlyArray(personal(EmailAddress)),
  phones: t.readonlyArray(personal(PhoneNumber)),
  address: personal(Address),
  note: personal(t.string),
  industry: t.string,
  region: t.string,
  source: t.string,
};

/** A customer entered the CRM. `subjectId` owns the customer's own personal fields. */
export const CustomerRegistered = event(
  'CustomerRegistered',
  t.intersection([
    t.type({
      customerId: t.string,
      subjectId: t.string,
      kind: CustomerKind,
      name: ProfileFields.name,
      emails: ProfileFields.emails,
      phones: ProfileFields.phones,
      tags: t.readonlyArray(t.string),
      contacts: t.readonlyArray(Contact),
    }),
    t.partial({
      address: ProfileFields.address,
      note: ProfileFields.note,
      industry: t.string,
      region: t.string,
      source: t.string,
      ownerId: t.string,
      leadId: t.string,
    }),
  ]),
);
/** Some profile fields changed; absent fields kept their value. */
export const CustomerProfileUpdated = event(
  'CustomerProfileUpdated',
  t.type({
    customerId: t.string,
    subjectId: t.string,
    changes: t.partial(ProfileFields, 'CustomerProfileChanges'),
  }),
);
/** A person at the customer was added. */
export const CustomerContactAdded = event(
  'CustomerContactAdded',
  t.type({ customerId: t.string, contact: Contact }),
);
/** A person at the customer was removed. */
export const CustomerContactRemoved = event(
  'CustomerContactRemoved',
  t.type({ customerId: t.string, contactSubjectId: t.string }),
);
/** Tags were added or removed. */
export const CustomerTagged = event(
  'CustomerTagged',
  t.type({
    customerId: t.string,
    added: t.readonlyArray(t.string),
    removed: t.readonlyArray(t.string),
  }),
);
/** The customer was put in a segment (reports group by it, so it is not personal). */
export const CustomerClassified = event(
  'CustomerClassified',
  t.type({ customerId: t.string, segment: t.string, previousSegment: t.union([t.string, t.null]) }),
);
/** The credit limit was set. */
export const CustomerCreditLimitSet = event(
  'CustomerCreditLimitSet',
  t.type({
    customerId: t.string,
    creditLimit: NonNegativeMoney,
    previous: t.union([NonNegativeMoney, t.null]),
  }),
);
/** The customer was deactivated. */
export const CustomerDeactivated = event(
  'CustomerDeactivated',
  t.type({ customerId: t.string, reason: t.string }),
);
/** The customer was reactivated. */
export const CustomerReactivated = event('CustomerReactivated', t.type({ customerId: t.string }));
/** The account got an owner; `reason` says whether it was an assignment or a hand-over. */
export const CustomerOwnerAssigned = event(
  'CustomerOwnerAssigned',
  t.type({
    customerId: t.string,
    ownerId: t.string,
    previousOwnerId: t.union([t.string, t.null]),
    reason: t.union([t.literal('assigned'), t.literal('transferred')]),
  }),
);
/** This customer was merged into a survivor and is closed. */
export const CustomerMerged = event(
  'CustomerMerged',
  t.type({ customerId: t.string, survivorId: t.string }),
);
/**
 * The survivor of a merge took over the merged customer's emails, phones and contacts. The moved
 * emails and phones stay tagged with the merged customer's data subject.
 */
export const CustomerAbsorbed = event(
  'CustomerAbsorbed',
  t.type({
    customerId: t.string,
    mergedCustomerId: t.string,
    subjectId: t.string,
    emails: ProfileFields.emails,
    phones: ProfileFields.phones,
    contacts: t.readonlyArray(Contact),
  }),
);
/** The customer's own personal data was erased (its key destroyed); ids and attributes remain. */
export const CustomerPersonalDataErased = event(
  'CustomerPersonalDataErased',
  t.type({ customerId: t.string, subjectId: t.string }),
);

/** Every event of a Customer stream. */
export const CustomerEvent = t.union(
  [
    CustomerRegistered,
    CustomerProfileUpdated,
    CustomerContactAdded,
    CustomerContactRemoved,
    CustomerTagged,
    CustomerClassified,
    CustomerCreditLimitSet,
    CustomerDeactivated,
    CustomerReactivated,
    CustomerOwnerAssigned,
    CustomerMerged,
    CustomerAbsorbed,
    CustomerPersonalDataErased,
  ],
  'CustomerEvent',
);
/** Every event of a Customer stream. */
export type CustomerEvent = t.TypeOf<typeof CustomerEvent>;
