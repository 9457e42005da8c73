import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import type { DateOnly, RolePolicy } from '@clientele/domain';
import { defaultRolePolicy, teamDirectoryOn } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { readAccess } from '../../access/readAccess.js';
import type { ProjectionNotBuilt } from '../../store/projectionNotBuilt.js';
import { answerUnbuilt } from '../../store/projectionNotBuilt.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { loadTeamReads } from '../accountTeams/loadTeamReads.js';
import { loadOrganizations } from './loadOrganizations.js';

/**
 * The read access of `actor` with teams as the sales organization read model has them on `day`
 * (today, for a live read): a manager reads the records of the reps in the teams they manage then,
 * and a deal's or account's team member what their team role grants (the account-teams read model).
 * Before the projections' first catch-up it answers {@link ProjectionNotBuilt} as a value.
 */
export const readAccessOn = async (
  readModels: ReadModelStore,
  actor: Actor,
  day: string,
  policy: RolePolicy = defaultRolePolicy,
): Promise<E.Either<ProjectionNotBuilt, ReadAccess>> =>
  answerUnbuilt(async () => {
    const organizations = await loadOrganizations(readModels);
    const teamReads = await loadTeamReads(readModels, actor.id);
    return E.right(
      readAccess(policy, teamDirectoryOn(organizations, day as DateOnly), actor, teamReads),
    );
  });
