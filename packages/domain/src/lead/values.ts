import * as t from 'io-ts';
import { EmailAddress, NonEmptyText, PhoneNumber } from '../shared/contact.js';
import { personal } from '../shared/personalData.js';

/**
 * Where leads come from. The list is open: any non-empty label is a source, so a tenant can add
 * its own; these are the ones reports know by name.
 */
export const KNOWN_LEAD_SOURCES = [
  'web form',
  'referral',
  'exhibition',
  'cold call',
  'email campaign',
  'social',
  'paid search',
  'organic search',
  'partner',
  'unknown',
] as const;

/** A lead source label (see {@link KNOWN_LEAD_SOURCES}). */
export const LeadSource = NonEmptyText;

/** The lead's personal contact fields, shared by the contact and its corrections. */
const LeadPersonalFields = {
  name: personal(NonEmptyText),
  email: personal(EmailAddress),
  phone: personal(PhoneNumber),
};

/**
 * How to reach the lead. Every part is optional (real lead data often has none); the personal
 * ones belong to the lead's data subject. The company name and job title are not personal.
 */
export const LeadContact = t.partial(
  { ...LeadPersonalFields, companyName: t.string, jobTitle: t.string },
  'LeadContact',
);
/** How to reach the lead. */
export type LeadContact = t.TypeOf<typeof LeadContact>;

/**
 * What a rectification changed about the lead's contact: only the corrected personal fields,
 * tagged as the contact's own, so they belong to the lead's data subject as well.
 */
export const LeadContactCorrection = t.partial(LeadPersonalFields, 'LeadContactCorrection');
/** What a rectification changed about the lead's contact. */
export type LeadContactCorrection = t.TypeOf<typeof LeadContactCorrection>;

/** How a contact attempt was made. */
export const ContactChannel = t.union(
  [
    t.literal('call'),
    t.literal('email'),
    t.literal('visit'),
    t.literal('meeting'),
    t.literal('message'),
  ],
  'ContactChannel',
);
/** How a contact attempt was made. */
export type ContactChannel = t.TypeOf<typeof ContactChannel>;

/** How urgent a follow-up is. */
export const FollowUpPriority = t.union(
  [t.literal('low'), t.literal('normal'), t.literal('high'), t.literal('urgent')],
  'FollowUpPriority',
);
/** How urgent a follow-up is. */
export type FollowUpPriority = t.TypeOf<typeof FollowUpPriority>;

/** Brand of {@link LeadScore}. */
export interface LeadScoreBrand {
  readonly LeadScore: unique symbol;
}
/** A qualification score, a whole number from 0 to 100. */
export const LeadScore = t.brand(
  t.number,
  (n): n is t.Branded<number, LeadScoreBrand> => Number.isInteger(n) && n >= 0 && n <= 100,
  'LeadScore',
);
/** A qualification score. */
export type LeadScore = t.TypeOf<typeof LeadScore>;

/** Existing customers and open leads that look like the same person (a warning, not a block). */
export const LeadMatches = t.type(
  { customerIds: t.readonlyArray(t.string), leadIds: t.readonlyArray(t.string) },
  'LeadMatches',
);
/** Existing customers and open leads that look like the same person. */
export type LeadMatches = t.TypeOf<typeof LeadMatches>;
