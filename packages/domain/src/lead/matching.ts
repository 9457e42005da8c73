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

/** A lead as the open-lead index remembers it: its contact keys and whether it is still open. */
export interface IndexedLead {
  /** `email:…` and `phone:…` keys of the lead's current (corrected) contact. */
  readonly keys: readonly string[];
  readonly open: boolean;
}

/**
 * Open leads by contact key, kept by folding lead events: a read model for matching new leads
 * against open ones. Converted and disqualified leads drop out; a recycled one comes back; a
 * corrected contact moves the lead from its old keys to the new ones. Closed leads are remembered
 * with their keys so a correction or a recycling after closing lands right.
 */
export interface OpenLeadIndex {
  /** Open leads by contact key (`email:…`, `phone:…`). */
  readonly byKey: ReadonlyMap<string, readonly string[]>;
  /** Every lead seen, by id. */
  readonly leads: ReadonlyMap<string, IndexedLead>;
}

/** The open-lead index before any event. */
export const emptyOpenLeadIndex: OpenLeadIndex = { byKey: new Map(), leads: new Map() };

const keyNames = (contact: LeadContact): readonly string[] =>
  leadContactKeys(contact).map((key) => `${key.kind}:${key.value}`);

/** `byKey` with `leadId` filed under `add` and no longer under `remove`. */
const refile = (
  byKey: OpenLeadIndex['byKey'],
  leadId: string,
  remove: readonly string[],
  add: readonly string[],
): OpenLeadIndex['byKey'] => {
  const next = new Map(byKey);
  for (const key of remove) {
    const ids = (next.get(key) ?? []).filter((id) => id !== leadId);
    if (ids.length === 0) next.delete(key);
    else next.set(key, ids);
  }
  for (const key of add) {
    const ids = next.get(key) ?? [];
    if (!ids.includes(leadId)) next.set(key, [...ids, leadId]);
  }
  return next;
};

/** The index once `leadId` has `keys` and is open or not. */
const withLead = (index: OpenLeadIndex, leadId: string, lead: IndexedLead): OpenLeadIndex => {
  const before = index.leads.get(leadId);
  const filed = before?.open === true ? before.keys : [];
  return {
    byKey: refile(index.byKey, leadId, filed, lead.open ? lead.keys : []),
    leads: new Map(index.leads).set(leadId, lead),
  };
};

/** Folds one lead event into the open-lead index. */
export const evolveOpenLeadIndex = (index: OpenLeadIndex, event: LeadEvent): OpenLeadIndex => {
  const lead = index.leads.get(event.data.leadId);
  switch (event.type) {
    case 'LeadCaptured':
      return withLead(index, event.data.leadId, {
        keys: keyNames(event.data.contact),
        open: true,
      });
    case 'LeadContactCorrected': {
      if (lead === undefined) return index;
      // Only the kinds corrected change: a corrected email leaves the phone's key alone.
      const corrected = (['email', 'phone'] as const).filter((kind) => kind in event.data.contact);
      const kept = lead.keys.filter((key) => !corrected.some((kind) => key.startsWith(`${kind}:`)));
      return withLead(index, event.data.leadId, {
        ...lead,
        keys: [...kept, ...keyNames(event.data.contact)],
      });
    }
    case 'LeadConverted':
    case 'LeadDisqualified':
      return lead === undefined
        ? index
        : withLead(index, event.data.leadId, { ...lead, open: false });
    case 'LeadRecycled':
      return lead === undefined
        ? index
        : withLead(index, event.data.leadId, { ...lead, open: true });
    default:
      return index;
  }
};

/** Open leads sharing an email or phone with the contact, other than the lead itself. */
export const matchOpenLeads = (
  index: OpenLeadIndex,
  leadId: string,
  contact: LeadContact,
): readonly string[] => [
  ...new Set(
    leadContactKeys(contact)
      .flatMap((key) => index.byKey.get(`${key.kind}:${key.value}`) ?? [])
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
