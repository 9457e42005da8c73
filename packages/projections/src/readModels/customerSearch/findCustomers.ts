import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { customerDocument } from '../customers/customerList.js';
import type { PersonTokens } from './customerSearchProjection.js';
import { CustomerSearchDocument } from './customerSearchProjection.js';
import { queryTokens } from './searchTokens.js';

/** A customer a search found, and whether by its own data or by one of its contacts'. */
export interface CustomerMatch {
  readonly customerId: string;
  readonly ownerId: string | null;
  readonly matchedOn: 'customer' | 'contact';
}

/** What a search found, and the blind tokens it searched for (which a record of it may keep). */
export interface CustomerSearchResult {
  readonly matches: readonly CustomerMatch[];
  readonly tokens: readonly string[];
}

const holdsAll = (person: PersonTokens, tokens: readonly string[]): boolean => {
  const held = new Set([...person.name, ...person.email, ...person.phone]);
  return tokens.every((token) => held.has(token));
};

/**
 * The customers whose name, email or phone (or a contact's) holds every term of `query`, looked
 * up in the `customerSearch` blind index with the tenant's key, among those the actor may read
 * (`Customer.read`). Whole words only: a blind index cannot match a prefix. A query with no
 * searchable term finds nothing.
 */
export const findCustomers = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  tenantKey: string | Uint8Array,
  query: string,
): Promise<E.Either<ReadRefusal, CustomerSearchResult>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Customer.read');
    if (E.isLeft(scope)) return scope;
    const tokens = queryTokens(tenantKey, query);
    const matches: CustomerMatch[] = [];
    if (tokens.length === 0) return E.right({ matches, tokens });
    for await (const { doc } of activeDocuments(
      readModels,
      'customerSearch',
      CustomerSearchDocument,
    )) {
      const matchedOn = holdsAll(doc.own, tokens)
        ? 'customer'
        : Object.values(doc.contacts).some((contact) => holdsAll(contact, tokens))
          ? 'contact'
          : undefined;
      if (matchedOn === undefined) continue;
      const ownerId = (await customerDocument(readModels, doc.customerId))?.ownerId ?? null;
      if (inReadScope(scope.right, ownerId, doc.customerId))
        matches.push({ customerId: doc.customerId, ownerId, matchedOn });
    }
    return E.right({ matches, tokens });
  });
