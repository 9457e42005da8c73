import * as t from 'io-ts';
import { atLeastOneOf, commandCodecFor } from '../shared/commandCodec.js';
import { EmailAddress, NonEmptyText, PhoneNumber } from '../shared/contact.js';
import { NonNegativeMoney } from '../shared/money.js';
import { Address, Contact, CustomerKind } from './values.js';

const command = commandCodecFor('customerId');

/** Register a company or a person; emails and phones are the duplicate-check keys. */
export const RegisterCustomer = command(
  'RegisterCustomer',
  { customerKind: CustomerKind, name: NonEmptyText },
  {
    subjectId: t.string,
    emails: t.readonlyArray(EmailAddress),
    phones: t.readonlyArray(PhoneNumber),
    address: Address,
    note: t.string,
    industry: t.string,
    region: t.string,
    source: t.string,
    tags: t.readonlyArray(t.string),
    ownerId: t.string,
    contacts: t.readonlyArray(Contact),
    leadId: t.string,
  },
);
/** Change profile fields; emails and phones given replace the current lists. */
export const UpdateCustomerProfile = command(
  'UpdateCustomerProfile',
  {},
  {
    name: NonEmptyText,
    emails: t.readonlyArray(EmailAddress),
    phones: t.readonlyArray(PhoneNumber),
    address: Address,
    note: t.string,
    industry: t.string,
    region: t.string,
    source: t.string,
  },
);
/** Add a person at the customer. */
export const AddCustomerContact = command('AddCustomerContact', { contact: Contact }, {});
/** Remove a person at the customer. */
export const RemoveCustomerContact = command(
  'RemoveCustomerContact',
  { contactSubjectId: t.string },
  {},
);
/**
 * Correct a person at the customer (the right to rectification): only the fields given change,
 * at least one must be. Allowed whatever the customer's status, short of merged away. Only the
 * customer's own emails and phones are duplicate-check keys, never its contacts', so the customer
 * service claims and releases nothing for a correction.
 */
export const CorrectCustomerContact = atLeastOneOf(
  command(
    'CorrectCustomerContact',
    { subjectId: t.string },
    { name: NonEmptyText, email: EmailAddress, phone: PhoneNumber },
  ),
  ['name', 'email', 'phone'],
);
/** Add and remove tags. */
export const TagCustomer = command(
  'TagCustomer',
  {},
  { add: t.readonlyArray(t.string), remove: t.readonlyArray(t.string) },
);
/** Put the customer in a segment. */
export const ClassifyCustomer = command('ClassifyCustomer', { segment: NonEmptyText }, {});
/** Set the credit limit. */
export const SetCustomerCreditLimit = command(
  'SetCustomerCreditLimit',
  { creditLimit: NonNegativeMoney },
  {},
);
/** Deactivate the customer. */
export const DeactivateCustomer = command('DeactivateCustomer', { reason: NonEmptyText }, {});
/** Reactivate a deactivated customer. */
export const ReactivateCustomer = command('ReactivateCustomer', {}, {});
/** Give the account an owner. */
export const AssignCustomerOwner = command('AssignCustomerOwner', { ownerId: t.string }, {});
/** Hand the account from one rep to another; refused if `fromOwnerId` no longer owns it. */
export const TransferCustomer = command(
  'TransferCustomer',
  { fromOwnerId: t.string, toOwnerId: t.string },
  {},
);
/** Close this customer as merged into the survivor. */
export const MergeCustomerInto = command('MergeCustomerInto', { survivorId: t.string }, {});
/** Take over a merged customer's emails, phones and contacts (sent to the survivor). */
export const AbsorbCustomer = command(
  'AbsorbCustomer',
  {
    mergedCustomerId: t.string,
    subjectId: t.string,
    emails: t.readonlyArray(EmailAddress),
    phones: t.readonlyArray(PhoneNumber),
    contacts: t.readonlyArray(Contact),
  },
  {},
);
/** Record that the customer's own personal data was erased. */
export const EraseCustomerPersonalData = command('EraseCustomerPersonalData', {}, {});

/** Every command of the Customer aggregate. */
export const CustomerCommand = t.union(
  [
    RegisterCustomer,
    UpdateCustomerProfile,
    AddCustomerContact,
    RemoveCustomerContact,
    CorrectCustomerContact,
    TagCustomer,
    ClassifyCustomer,
    SetCustomerCreditLimit,
    DeactivateCustomer,
    ReactivateCustomer,
    AssignCustomerOwner,
    TransferCustomer,
    MergeCustomerInto,
    AbsorbCustomer,
    EraseCustomerPersonalData,
  ],
  'CustomerCommand',
);
/** Every command of the Customer aggregate. */
export type CustomerCommand = t.TypeOf<typeof CustomerCommand>;

/**
 * A Customer command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type CustomerCommandInput = t.OutputOf<typeof CustomerCommand>;
