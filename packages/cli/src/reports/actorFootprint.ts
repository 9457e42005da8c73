import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { ReadPermission } from '@clientele/domain';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { activeDocuments } from '@clientele/projections';

/** A codec of documents that name their owner, whatever else they hold. */
const Owned = t.type({ ownerId: t.union([t.string, t.null]) });

/** The read models whose documents have an owner, with the permission that reads them. */
const OWNED: readonly (readonly [ReadPermission, string])[] = [
  ['Opportunity.read', 'deals'],
  ['Lead.read', 'leads'],
  ['Customer.read', 'customers'],
];

/**
 * Whether an actor whose reads are limited to their own (or their team's) records owns none of
 * the leads, deals or customers in the store: their reports come out empty, and a misspelt id
 * (`rep-ad` for `rep-ada`) should be said, not shown as "no business". An actor who may read
 * everything of a kind, or who may read none of these kinds, matches by definition.
 */
export const actorMatchesNothing = async (
  readModels: ReadModelStore,
  access: ReadAccess,
): Promise<boolean> => {
  let limited = false;
  for (const [permission, projection] of OWNED) {
    const scope = access.scope(permission);
    if (E.isLeft(scope)) continue;
    if (scope.right.reach === 'any') return false;
    limited = true;
    const { owners } = scope.right;
    for await (const { doc } of activeDocuments(readModels, projection, Owned))
      if (doc.ownerId !== null && owners.has(doc.ownerId)) return false;
  }
  return limited;
};
