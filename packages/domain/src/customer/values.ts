import * as t from 'io-ts';
import { EmailAddress, NonEmptyText, PhoneNumber } from '../shared/contact.js';
import { personal } from '../shared/personalData.js';

/** A postal address; all of it identifies a person, so it is personal as a whole. */
export const Address = t.partial(
  { street: t.string, city: t.string, postalCode: t.string, country: t.string },
  'Address',
);
/** A postal address. */
export type Address = t.TypeOf<typeof Address>;

/**
 * A person at a customer. `subjectId` is both the contact's id and the data subject its personal
 * fields belong to, so erasing that person erases exactly these fields.
 */
export const Contact = t.intersection(
  [
    t.type({ subjectId: t.string, name: personal(NonEmptyText) }),
    t.partial({ email: personal(EmailAddress), phone: personal(PhoneNumber), role: t.string }),
  ],
  'Contact',
);
/** A person at a customer. */
export type Contact = t.TypeOf<typeof Contact>;

/** A company or a private person. */
export const CustomerKind = t.union([t.literal('company'), t.literal('person')], 'CustomerKind');
/** A company or a private person. */
export type CustomerKind = t.TypeOf<typeof CustomerKind>;
