import * as t from 'io-ts';
import { NonNegativeMoney } from '../shared/money.js';
import { personal } from '../shared/personalData.js';
import type { CustomerState } from './state.js';
import { Address, Contact, CustomerKind } from './values.js';

const optional = <C extends t.Mixed>(codec: C) => t.union([codec, t.undefined]);
const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

const RegisteredCustomer = t.readonly(
  t.type({
    registered: t.literal(true),
    customerId: t.string,
    subjectId: t.string,
    kind: CustomerKind,
    status: t.union([t.literal('active'), t.literal('inactive'), t.literal('merged')]),
    name: personal(t.string),
    emails: t.readonlyArray(t.string),
    phones: t.readonlyArray(t.string),
    address: optional(personal(Address)),
    industry: optional(t.string),
    region: optional(t.string),
    source: optional(t.string),
    tags: t.readonlyArray(t.string),
    segment: nullable(t.string),
    creditLimit: nullable(NonNegativeMoney),
    ownerId: nullable(t.string),
    contacts: t.readonlyArray(Contact),
    survivorId: nullable(t.string),
    erased: t.boolean,
  }),
);

/**
 * The Customer state as stored in a snapshot. A snapshot holds the customer's personal data in
 * clear (it is a cache of decrypted state), so forgetting a person drops the snapshots of their
 * streams; a snapshot that no longer matches this shape is ignored rather than trusted.
 */
export const CustomerStateCodec: t.Type<CustomerState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('unregistered') })), RegisteredCustomer],
  'CustomerState',
);

/**
 * The version of the Customer state's shape and `evolve`: bump it whenever either changes, so
 * snapshots written by an older `evolve` are ignored.
 */
export const CUSTOMER_STATE_VERSION = 'customer@1';
