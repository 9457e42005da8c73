import * as E from 'fp-ts/lib/Either.js';
import { inReadScope } from '@clientele/domain';
import { type EventStore, isErasedField, streamName } from '@clientele/eventstore';
import type { ReadAccess } from '../../access/readAccess.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { customerDocument } from './customerList.js';

/** How a forgotten person's name shows in reports, pages and exports. */
export const ERASED_NAME = '(erased)';

/** The name a registration or a profile update set, if it set one. */
const nameIn = (type: string, data: unknown): unknown => {
  const body = data as { name?: unknown; changes?: { name?: unknown } };
  if (type === 'CustomerRegistered') return body.name;
  if (type === 'CustomerProfileUpdated') return body.changes?.name;
  return undefined;
};

/**
 * Customers' names, resolved when a report is rendered: read models hold no personal data, so
 * each name is read from the customer's stream through `events`, the store that decrypts personal
 * fields (`withPersonalDataEncryption`). A name shows only to an actor whose `Customer.read` scope
 * covers the customer (a rep their own, finance everyone's); a forgotten person's name reads as
 * {@link ERASED_NAME}. Customers never registered (an imported invoice's payer), out of scope,
 * or whose name cannot be decrypted here are left out: the caller shows their id.
 */
export const customerNames = async (
  readModels: ReadModelStore,
  events: EventStore,
  access: ReadAccess,
  customerIds: Iterable<string>,
): Promise<ReadonlyMap<string, string>> => {
  const names = new Map<string, string>();
  const scope = access.scope('Customer.read');
  if (E.isLeft(scope)) return names;
  for (const customerId of new Set(customerIds)) {
    const customer = await customerDocument(readModels, customerId);
    if (customer === undefined || !inReadScope(scope.right, customer.ownerId, customerId)) continue;
    let name: unknown;
    for await (const event of events.readStream(streamName('Customer', customerId)))
      name = nameIn(event.type, event.data) ?? name;
    if (typeof name === 'string') names.set(customerId, name);
    else if (isErasedField(name)) names.set(customerId, ERASED_NAME);
  }
  return names;
};
