import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import { withDepartures } from '@clientele/domain';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { readAccess, readAccessOn } from '@clientele/projections';
import type { TenantAccessRules } from './tenantAccessRules.js';
import { today } from './tenantAccessRules.js';

/**
 * The actor's read access on `day`, asked after the read side caught up. Every command catches up
 * before it reads, so a read model without a build then is a fault of the store, not an answer:
 * it is thrown, and `clientele` prints it as a fault. `rules` are the tenant's role policy (the
 * built-in defaults plus the roles defined in the log) and its departures: a rep whose access
 * ended by today is refused every read, whatever `day` the report is as of.
 */
export const caughtUpReadAccess = async (
  readModels: ReadModelStore,
  actor: Actor,
  day: string,
  rules?: TenantAccessRules,
): Promise<ReadAccess> => {
  const access = await readAccessOn(readModels, actor, day, rules?.policy);
  if (E.isLeft(access)) throw new Error(access.left.message);
  if (rules === undefined) return access.right;
  const { policy, teams } = access.right;
  return readAccess(policy, withDepartures(teams, rules.departures, today()), actor);
};
