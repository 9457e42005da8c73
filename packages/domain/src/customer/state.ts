import type { NonNegativeMoney } from '../shared/money.js';
import type { Personal } from '../shared/personalData.js';
import { isRevealed } from '../shared/personalData.js';
import type { CustomerEvent } from './events.js';
import type { Address, Contact, CustomerKind } from './values.js';

/** What a registered customer looks like after its events. */
export interface CustomerProfile {
  readonly customerId: string;
  readonly subjectId: string;
  readonly kind: CustomerKind;
  readonly status: 'active' | 'inactive' | 'merged';
  /** The erased marker once the customer's own data subject was forgotten. */
  readonly name: Personal<string>;
  /** Readable emails only: an erased one can no longer be matched or reserved. */
  readonly emails: readonly string[];
  /** Readable phones only, as emails. */
  readonly phones: readonly string[];
  readonly address: Personal<Address> | undefined;
  readonly industry: string | undefined;
  readonly region: string | undefined;
  readonly source: string | undefined;
  readonly tags: readonly string[];
  readonly segment: string | null;
  readonly creditLimit: NonNegativeMoney | null;
  readonly ownerId: string | null;
  readonly contacts: readonly Contact[];
  readonly survivorId: string | null;
  readonly erased: boolean;
}

/** A customer stream's state: nothing yet, or a profile. */
export type CustomerState =
  { readonly status: 'unregistered' } | ({ readonly registered: true } & CustomerProfile);

/** The state of a stream with no events. */
export const initialCustomerState: CustomerState = { status: 'unregistered' };

const withProfile = (
  state: CustomerState,
  change: (profile: CustomerProfile) => Partial<CustomerProfile>,
): CustomerState => ('registered' in state ? { ...state, ...change(state) } : state);

const union = (a: readonly string[], b: readonly Personal<string>[]) => [
  ...new Set([...a, ...b.filter(isRevealed)]),
];

/** A profile change as the event carries it, with erased emails and phones left out. */
const profileChanges = (
  changes: Extract<CustomerEvent, { type: 'CustomerProfileUpdated' }>['data']['changes'],
): Partial<CustomerProfile> => {
  const { emails, phones, ...rest } = changes;
  return {
    ...rest,
    ...(emails === undefined ? {} : { emails: emails.filter(isRevealed) }),
    ...(phones === undefined ? {} : { phones: phones.filter(isRevealed) }),
  };
};

/** Folds one event into a customer's state. */
export const evolveCustomer = (state: CustomerState, event: CustomerEvent): CustomerState => {
  switch (event.type) {
    case 'CustomerRegistered': {
      const { data } = event;
      return {
        registered: true,
        customerId: data.customerId,
        subjectId: data.subjectId,
        kind: data.kind,
        status: 'active',
        name: data.name,
        emails: data.emails.filter(isRevealed),
        phones: data.phones.filter(isRevealed),
        address: data.address,
        industry: data.industry,
        region: data.region,
        source: data.source,
        tags: data.tags,
        segment: null,
        creditLimit: null,
        ownerId: data.ownerId ?? null,
        contacts: data.contacts,
        survivorId: null,
        erased: false,
      };
    }
    case 'CustomerProfileUpdated':
      return withProfile(state, () => profileChanges(event.data.changes));
    case 'CustomerContactAdded':
      return withProfile(state, (p) => ({ contacts: [...p.contacts, event.data.contact] }));
    case 'CustomerContactRemoved':
      return withProfile(state, (p) => ({
        contacts: p.contacts.filter((c) => c.subjectId !== event.data.contactSubjectId),
      }));
    case 'CustomerContactCorrected': {
      const { subjectId, ...corrected } = event.data.contact;
      return withProfile(state, (p) => ({
        contacts: p.contacts.map((c) => (c.subjectId === subjectId ? { ...c, ...corrected } : c)),
      }));
    }
    case 'CustomerTagged':
      return withProfile(state, (p) => ({
        tags: union(p.tags, event.data.added).filter((tag) => !event.data.removed.includes(tag)),
      }));
    case 'CustomerClassified':
      return withProfile(state, () => ({ segment: event.data.segment }));
    case 'CustomerCreditLimitSet':
      return withProfile(state, () => ({ creditLimit: event.data.creditLimit }));
    case 'CustomerDeactivated':
      return withProfile(state, () => ({ status: 'inactive' }));
    case 'CustomerReactivated':
      return withProfile(state, () => ({ status: 'active' }));
    case 'CustomerOwnerAssigned':
      return withProfile(state, () => ({ ownerId: event.data.ownerId }));
    case 'CustomerMerged':
      return withProfile(state, () => ({ status: 'merged', survivorId: event.data.survivorId }));
    case 'CustomerAbsorbed':
      return withProfile(state, (p) => ({
        emails: union(p.emails, event.data.emails),
        phones: union(p.phones, event.data.phones),
        contacts: [...p.contacts, ...event.data.contacts],
      }));
    case 'CustomerPersonalDataErased':
      return withProfile(state, () => ({
        erased: true,
        emails: [],
        phones: [],
        address: undefined,
      }));
  }
};
