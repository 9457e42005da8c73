import * as t from 'io-ts';
import type { RecordedEvent } from '@clientele/eventstore';
import type { Projection } from '../../projection/projection.js';
import type { SearchField } from './searchTokens.js';
import { blindTokens } from './searchTokens.js';

/** The blind tokens of one person's name, emails and phones. */
export const PersonTokens = t.type({
  name: t.array(t.string),
  email: t.array(t.string),
  phone: t.array(t.string),
});
/** The blind tokens of one person's name, emails and phones. */
export type PersonTokens = t.TypeOf<typeof PersonTokens>;

/**
 * One customer's entry in the blind index: keyed hashes of its own name, emails and phones (under
 * its data subject) and of each contact's (under theirs). It holds no plaintext.
 */
export const CustomerSearchDocument = t.type({
  customerId: t.string,
  subjectId: t.union([t.string, t.null]),
  own: PersonTokens,
  contacts: t.record(t.string, PersonTokens),
});
/** One customer's entry in the blind index. */
export type CustomerSearchDocument = t.TypeOf<typeof CustomerSearchDocument>;

const NO_TOKENS: PersonTokens = { name: [], email: [], phone: [] };

type Fields = Readonly<Record<string, unknown>>;
const fieldsOf = (value: unknown): Fields =>
  typeof value === 'object' && value !== null ? (value as Fields) : {};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
// An erased field reads as a marker object, not a string: it yields no token.
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The tokens of `values`, or the previous ones where the event does not carry the field. */
const tokensOf = (
  tenantKey: string | Uint8Array,
  previous: PersonTokens,
  values: Partial<Record<SearchField, readonly string[] | undefined>>,
): PersonTokens => {
  const of = (field: SearchField) => {
    const given = values[field];
    return given === undefined
      ? previous[field]
      : [...new Set(given.flatMap((v) => blindTokens(tenantKey, field, v)))];
  };
  return { name: of('name'), email: of('email'), phone: of('phone') };
};

const single = (value: unknown): string[] | undefined =>
  value === undefined ? undefined : texts([value]);

const contactTokens = (
  tenantKey: string | Uint8Array,
  previous: PersonTokens,
  contact: Fields,
): PersonTokens =>
  tokensOf(tenantKey, previous, {
    name: single(contact['name']),
    email: single(contact['email']),
    phone: single(contact['phone']),
  });

const customerIdsOf = (event: RecordedEvent): string[] => {
  const data = fieldsOf(event.data);
  if (event.type === 'PersonForgotten') {
    const fromStreams = texts(data['streams'])
      .filter((stream) => stream.startsWith('Customer-'))
      .map((stream) => stream.slice('Customer-'.length));
    return [...new Set([...texts(data['customersErased']), ...fromStreams])];
  }
  const id = text(data['customerId']);
  return id === undefined ? [] : [id];
};

const withoutContact = (contacts: CustomerSearchDocument['contacts'], subjectId: string) =>
  Object.fromEntries(Object.entries(contacts).filter(([id]) => id !== subjectId));

/**
 * `customerSearch`: the blind index `clientele audit find` searches. It must be fed the log with
 * personal fields decrypted, and it keeps only keyed hashes of their normalized tokens. It dies
 * with the person's key: a forgotten person's tokens are dropped when their `PersonForgotten` is
 * projected, and a rebuild after that finds only erased fields, which yield no token.
 */
export const customerSearchProjection = (
  tenantKey: string | Uint8Array,
): Projection<CustomerSearchDocument> => ({
  name: 'customerSearch',
  version: 1,
  filter: { streamNamePrefixes: ['Customer-', 'DataSubject-'] },
  keysOf: customerIdsOf,
  initial: (customerId) => ({ customerId, subjectId: null, own: NO_TOKENS, contacts: {} }),
  apply: (doc, event) => {
    const data = fieldsOf(event.data);
    switch (event.type) {
      case 'CustomerRegistered': {
        const contacts = Array.isArray(data['contacts']) ? data['contacts'].map(fieldsOf) : [];
        return {
          ...doc,
          subjectId: text(data['subjectId']) ?? null,
          own: tokensOf(tenantKey, NO_TOKENS, {
            name: texts([data['name']]),
            email: texts(data['emails']),
            phone: texts(data['phones']),
          }),
          contacts: Object.fromEntries(
            contacts.flatMap((c) => {
              const id = text(c['subjectId']);
              return id === undefined ? [] : [[id, contactTokens(tenantKey, NO_TOKENS, c)]];
            }),
          ),
        };
      }
      case 'CustomerProfileUpdated':
        return {
          ...doc,
          own: tokensOf(tenantKey, doc.own, {
            name: single(data['name']),
            email: data['emails'] === undefined ? undefined : texts(data['emails']),
            phone: data['phones'] === undefined ? undefined : texts(data['phones']),
          }),
        };
      case 'CustomerContactAdded':
      case 'CustomerContactCorrected': {
        const contact = fieldsOf(data['contact']);
        const id = text(contact['subjectId']);
        if (id === undefined) return doc;
        const previous = event.type === 'CustomerContactAdded' ? NO_TOKENS : doc.contacts[id];
        return {
          ...doc,
          contacts: {
            ...doc.contacts,
            [id]: contactTokens(tenantKey, previous ?? NO_TOKENS, contact),
          },
        };
      }
      case 'CustomerContactRemoved':
        return {
          ...doc,
          contacts: withoutContact(doc.contacts, text(data['contactSubjectId']) ?? ''),
        };
      case 'CustomerPersonalDataErased':
        return { ...doc, own: NO_TOKENS };
      case 'PersonForgotten': {
        const subjectId = text(data['subjectId']) ?? '';
        return {
          ...doc,
          own: doc.subjectId === subjectId ? NO_TOKENS : doc.own,
          contacts: withoutContact(doc.contacts, subjectId),
        };
      }
      default:
        return doc;
    }
  },
});
