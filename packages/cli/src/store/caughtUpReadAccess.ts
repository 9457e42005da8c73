import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import { withDepartures } from '@clientele/domain';
import type { ProjectionNotBuilt, ReadAccess, ReadModelStore } from '@clientele/projections';
import { readAccess, readAccessOn } from '@clientele/projections';
import type { TenantAccessRules } from './tenantAccessRules.js';
import { today } from './tenantAccessRules.js';

/**
 * The actor's read access on `day` under the tenant's `rules` (its role policy, the built-in
 * defaults plus the roles defined in the log, and its departures: a rep whose access ended by
 * today is refused every read, whatever `day` is asked), or `ProjectionNotBuilt`. Without
 * `rules`, the built-in defaults.
 */
export const tenantReadAccess = async (
  readModels: ReadModelStore,
  actor: Actor,
  day: string,
  rules?: TenantAccessRules,
): Promise<E.Either<ProjectionNotBuilt, ReadAccess>> => {
  const access = await readAccessOn(readModels, actor, day, rules?.policy);
  if (E.isLeft(access) || rules === undefined) return access;
  const { policy, teams } = access.right;
  return E.right(readAccess(policy, withDepartures(teams, rules.departures, today()), actor));
};

/**
 * The actor's read access on `day` ({@link tenantReadAccess}), asked after the read side caught
 * up. Every command catches up before it reads, so a read model without a build then is a fault
 * of the store, not an answer: it is thrown, and `clientele` prints it as a fault.
 */
export const caughtUpReadAccess = async (
  readModels: ReadModelStore,
  actor: Actor,
  day: string,
  rules?: TenantAccessRules,
): Promise<ReadAccess> => {
  const access = await tenantReadAccess(readModels, actor, day, rules);
  if (E.isLeft(access)) throw new Error(access.left.message);
  return access.right;
};
