import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { activeDocument, activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { CustomerDocument, customerKey } from './customerDocument.js';

/**
 * The customers the actor may read (`Customer.read`: a rep's own, a manager's team's, everyone's
 * for support, finance, auditors and administrators), in id order; a role without
 * `Customer.read` is refused.
 */
export const customerList = async (
  readModels: ReadModelStore,
  access: ReadAccess,
): Promise<E.Either<ReadRefusal, CustomerDocument[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Customer.read');
    if (E.isLeft(scope)) return scope;
    const customers: CustomerDocument[] = [];
    for await (const { doc } of activeDocuments(readModels, 'customers', CustomerDocument))
      if (inReadScope(scope.right, doc.ownerId, doc.customerId)) customers.push(doc);
    return E.right(customers);
  });

/** The customer's document (its owner, status and grouping fields), if it was registered. */
export const customerDocument = (
  readModels: ReadModelStore,
  customerId: string,
): Promise<CustomerDocument | undefined> =>
  activeDocument(readModels, 'customers', CustomerDocument, customerKey(customerId));
