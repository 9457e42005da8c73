import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { EmailAddress, NonEmptyText, PhoneNumber } from '../shared/contact.js';
import { NonNegativeMoney } from '../shared/money.js';
import { personal } from '../shared/personalData.js';
import { Address, Contact, ContactCorrection, CustomerKind } from './values.js';

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
export const CustomerRegistered = eventCodec(
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
export const CustomerProfileUpdated = eventCodec(
  'CustomerProfileUpdated',
  t.type({
    customerId: t.string,
    subjectId: t.string,
    changes: t.partial(ProfileFields, 'CustomerProfileChanges'),
  }),
);
/** A person at the customer was added. */
export const CustomerContactAdded = eventCodec(
  'CustomerContactAdded',
  t.type({ customerId: t.string, contact: Contact }),
);
/** A person at the customer was removed. */
export const CustomerContactRemoved = eventCodec(
  'CustomerContactRemoved',
  t.type({ customerId: t.string, contactSubjectId: t.string }),
);
/**
 * A person at the customer was corrected (rectification): `contact` holds the contact's
 * `subjectId` and only the fields that changed, under the same paths and data subject as the
 * contact itself, so the privacy layer encrypts and erases them with it.
 */
export const CustomerContactCorrected = eventCodec(
  'CustomerContactCorrected',
  t.type({ customerId: t.string, contact: ContactCorrection }),
);
/** Tags were added or removed. */
export const CustomerTagged = eventCodec(
  'CustomerTagged',
  t.type({
    customerId: t.string,
    added: t.readonlyArray(t.string),
    removed: t.readonlyArray(t.string),
  }),
);
/** The customer was put in a segment (reports group by it, so it is not personal). */
export const CustomerClassified = eventCodec(
  'CustomerClassified',
  t.type({ customerId: t.string, segment: t.string, previousSegment: t.union([t.string, t.null]) }),
);
/** The credit limit was set. */
export const CustomerCreditLimitSet = eventCodec(
  'CustomerCreditLimitSet',
  t.type({
    customerId: t.string,
    creditLimit: NonNegativeMoney,
    previous: t.union([NonNegativeMoney, t.null]),
  }),
);
/** The customer was deactivated. */
export const CustomerDeactivated = eventCodec(
  'CustomerDeactivated',
  t.type({ customerId: t.string, reason: t.string }),
);
/** The customer was reactivated. */
export const CustomerReactivated = eventCodec(
  'CustomerReactivated',
  t.type({ customerId: t.string }),
);
/** The account got an owner; `reason` says whether it was an assignment or a hand-over. */
export const CustomerOwnerAssigned = eventCodec(
  'CustomerOwnerAssigned',
  t.type({
    customerId: t.string,
    ownerId: t.string,
    previousOwnerId: t.union([t.string, t.null]),
    reason: t.union([t.literal('assigned'), t.literal('transferred')]),
  }),
);
/** This customer was merged into a survivor and is closed. */
export const CustomerMerged = eventCodec(
  'CustomerMerged',
  t.type({ customerId: t.string, survivorId: t.string }),
);
/**
 * The survivor of a merge took over the merged customer's emails, phones and contacts. The moved
 * emails and phones stay tagged with the merged customer's data subject.
 */
export const CustomerAbsorbed = eventCodec(
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
export const CustomerPersonalDataErased = eventCodec(
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
    CustomerContactCorrected,
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
