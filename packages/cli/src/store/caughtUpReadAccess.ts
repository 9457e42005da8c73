import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import type { RolePolicy } from '@clientele/domain';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { readAccessOn } from '@clientele/projections';

/**
 * The actor's read access on `day`, asked after the read side caught up. Every command catches up
 * before it reads, so a read model without a build then is a fault of the store, not an answer:
 * it is thrown, and `clientele` prints it as a fault. `policy` is the tenant's role policy (the
 * built-in defaults plus the roles defined in the log).
 */
export const caughtUpReadAccess = async (
  readModels: ReadModelStore,
  actor: Actor,
  day: string,
  policy?: RolePolicy,
): Promise<ReadAccess> => {
  const access = await readAccessOn(readModels, actor, day, policy);
  if (E.isLeft(access)) throw new Error(access.left.message);
  return access.right;
};
