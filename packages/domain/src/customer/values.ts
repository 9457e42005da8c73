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

/** A contact's personal fields, shared by the contact and its corrections: both tagged alike. */
const ContactPersonalFields = {
  name: personal(NonEmptyText),
  email: personal(EmailAddress),
  phone: personal(PhoneNumber),
};

/**
 * A person at a customer. `subjectId` is both the contact's id and the data subject its personal
 * fields belong to, so erasing that person erases exactly these fields.
 */
export const Contact = t.intersection(
  [
    t.type({ subjectId: t.string, name: ContactPersonalFields.name }),
    t.partial({
      email: ContactPersonalFields.email,
      phone: ContactPersonalFields.phone,
      role: t.string,
    }),
  ],
  'Contact',
);
/** A person at a customer. */
export type Contact = t.TypeOf<typeof Contact>;

/**
 * What a rectification changed about a contact: the contact's `subjectId` and only the corrected
 * fields, tagged as the contact's own, so they belong to (and are encrypted for) the same person.
 */
export const ContactCorrection = t.intersection(
  [t.type({ subjectId: t.string }), t.partial(ContactPersonalFields)],
  'ContactCorrection',
);
/** What a rectification changed about a contact. */
export type ContactCorrection = t.TypeOf<typeof ContactCorrection>;

/** A company or a private person. */
export const CustomerKind = t.union([t.literal('company'), t.literal('person')], 'CustomerKind');
/** A company or a private person. */
export type CustomerKind = t.TypeOf<typeof CustomerKind>;
