import { isRevealed } from '../shared/personalData.js';
import type { KeyReservations } from '../reservations/keyReservations.js';
import type { LeadEvent } from './events.js';
import type { LeadContact, LeadMatches } from './values.js';

/** Finds customers and open leads that look like the same person as a new lead. */
export type LeadMatcher = (lead: {
  readonly leadId: string;
  readonly contact: LeadContact;
}) => Promise<LeadMatches>;

/** The duplicate-check keys of a lead's contact, in the form reservations use; erased ones have none. */
export const leadContactKeys = (contact: LeadContact) => [
  ...(contact.email === undefined || !isRevealed(contact.email)
    ? []
    : [{ kind: 'email' as const, value: contact.email }]),
  ...(contact.phone === undefined || !isRevealed(contact.phone)
    ? []
    : [{ kind: 'phone' as const, value: contact.phone }]),
];

/**
 * Matches a lead against customers by the same rules as the duplicate check (normalized email and
 * phone), reading who holds each key; it claims nothing, since a lead is not a customer.
 */
export const matchAgainstCustomers =
  (reservations: KeyReservations): LeadMatcher =>
  async ({ contact }) => {
    const holders = await Promise.all(leadContactKeys(contact).map(reservations.holderOf));
    const customerIds = [...new Set(holders.filter((id): id is string => id !== undefined))];
    return { customerIds, leadIds: [] };
  };

/**
 * Open leads by contact key (`email:…`, `phone:…`), kept by folding lead events: a read model for
 * matching new leads against open ones. Converted and disqualified leads drop out.
 */
export type OpenLeadIndex = ReadonlyMap<string, readonly string[]>;

/** Folds one lead event into the open-lead index. */
export const evolveOpenLeadIndex = (index: OpenLeadIndex, event: LeadEvent): OpenLeadIndex => {
  if (event.type === 'LeadCaptured') {
    const next = new Map(index);
    for (const key of leadContactKeys(event.data.contact)) {
      const name = `${key.kind}:${key.value}`;
      next.set(name, [...(next.get(name) ?? []), event.data.leadId]);
    }
    return next;
  }
  if (event.type === 'LeadConverted' || event.type === 'LeadDisqualified') {
    const leadId = event.data.leadId;
    return new Map(
      [...index].map(([key, ids]) => [key, ids.filter((id) => id !== leadId)] as const),
    );
  }
  return index;
};

/** Open leads sharing an email or phone with the contact, other than the lead itself. */
export const matchOpenLeads = (
  index: OpenLeadIndex,
  leadId: string,
  contact: LeadContact,
): readonly string[] => [
  ...new Set(
    leadContactKeys(contact)
      .flatMap((key) => index.get(`${key.kind}:${key.value}`) ?? [])
      .filter((id) => id !== leadId),
  ),
];

/** Runs several matchers and merges what they found, each id once. */
export const combineMatchers =
  (...matchers: readonly LeadMatcher[]): LeadMatcher =>
  async (lead) => {
    const found = await Promise.all(matchers.map((matcher) => matcher(lead)));
    return {
      customerIds: [...new Set(found.flatMap((matches) => matches.customerIds))],
      leadIds: [...new Set(found.flatMap((matches) => matches.leadIds))],
    };
  };

/** A matcher over an open-lead index the caller keeps up to date (see `evolveOpenLeadIndex`). */
export const matchAgainstOpenLeads =
  (index: () => OpenLeadIndex): LeadMatcher =>
  async ({ leadId, contact }) => ({
    customerIds: [],
    leadIds: matchOpenLeads(index(), leadId, contact),
  });
