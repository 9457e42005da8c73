import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { SalesOrganizationCommand } from './commands.js';
import type { SalesOrganizationEvent } from './events.js';
import type { SalesOrganizationState } from './state.js';
import { evolveSalesOrganization, initialSalesOrganizationState } from './state.js';

/** Why a change to the sales organization was refused. */
export type SalesOrganizationError =
  | { readonly kind: 'OfficeAlreadyOpen'; readonly officeId: string }
  | { readonly kind: 'OfficeNotFound'; readonly officeId: string }
  | { readonly kind: 'TeamAlreadyFormed'; readonly teamId: string }
  | { readonly kind: 'TeamNotFound'; readonly teamId: string }
  | { readonly kind: 'RepNotInTeam'; readonly repId: string }
  /** Effective dates only move forward: history before the current membership is not rewritten. */
  | {
      readonly kind: 'EffectiveDateTooEarly';
      readonly effectiveFrom: string;
      readonly notBefore: string;
    };

type Decision = E.Either<SalesOrganizationError, readonly SalesOrganizationEvent[]>;

type CommandOf<K extends SalesOrganizationCommand['kind']> = Extract<
  SalesOrganizationCommand,
  { kind: K }
>;

const tooEarly = (effectiveFrom: string, notBefore: string): Decision =>
  E.left({ kind: 'EffectiveDateTooEarly', effectiveFrom, notBefore });

const openOffice = (
  command: CommandOf<'OpenRegionalOffice'>,
  state: SalesOrganizationState,
): Decision => {
  if (Object.hasOwn(state.offices, command.officeId))
    return E.left({ kind: 'OfficeAlreadyOpen', officeId: command.officeId });
  const { organizationId, officeId, name, region } = command;
  return E.right([
    { type: 'RegionalOfficeOpened', data: { organizationId, officeId, name, region } },
  ]);
};

const formTeam = (command: CommandOf<'FormSalesTeam'>, state: SalesOrganizationState): Decision => {
  if (Object.hasOwn(state.teams, command.teamId))
    return E.left({ kind: 'TeamAlreadyFormed', teamId: command.teamId });
  if (!Object.hasOwn(state.offices, command.officeId))
    return E.left({ kind: 'OfficeNotFound', officeId: command.officeId });
  const { organizationId, teamId, name, officeId } = command;
  return E.right([{ type: 'SalesTeamFormed', data: { organizationId, teamId, name, officeId } }]);
};

const appointManager = (
  command: CommandOf<'AppointTeamManager'>,
  state: SalesOrganizationState,
): Decision => {
  if (!Object.hasOwn(state.teams, command.teamId))
    return E.left({ kind: 'TeamNotFound', teamId: command.teamId });
  const current = state.managers.filter((m) => m.teamId === command.teamId).at(-1);
  if (current !== undefined && command.effectiveFrom < current.from) {
    return tooEarly(command.effectiveFrom, current.from);
  }
  const { organizationId, teamId, managerId, effectiveFrom } = command;
  return E.right([
    {
      type: 'TeamManagerAppointed',
      data: {
        organizationId,
        teamId,
        managerId,
        effectiveFrom,
        previousManagerId: current?.managerId ?? null,
      },
    },
  ]);
};

const currentMembership = (state: SalesOrganizationState, repId: string) =>
  state.memberships.find((m) => m.repId === repId && m.until === null);

const addRep = (command: CommandOf<'AddRepToTeam'>, state: SalesOrganizationState): Decision => {
  if (!Object.hasOwn(state.teams, command.teamId))
    return E.left({ kind: 'TeamNotFound', teamId: command.teamId });
  const current = currentMembership(state, command.repId);
  if (current !== undefined && command.effectiveFrom <= current.from) {
    return tooEarly(command.effectiveFrom, current.from);
  }
  if (current?.teamId === command.teamId) return E.right([]);
  const { organizationId, repId, teamId, effectiveFrom } = command;
  return E.right([
    {
      type: 'RepJoinedTeam',
      data: {
        organizationId,
        repId,
        teamId,
        effectiveFrom,
        previousTeamId: current?.teamId ?? null,
      },
    },
  ]);
};

const removeRep = (
  command: CommandOf<'RemoveRepFromTeam'>,
  state: SalesOrganizationState,
): Decision => {
  const current = currentMembership(state, command.repId);
  if (current === undefined) return E.left({ kind: 'RepNotInTeam', repId: command.repId });
  if (command.effectiveFrom <= current.from) return tooEarly(command.effectiveFrom, current.from);
  const { organizationId, repId, effectiveFrom } = command;
  return E.right([
    { type: 'RepLeftTeam', data: { organizationId, repId, teamId: current.teamId, effectiveFrom } },
  ]);
};

const decide = (command: SalesOrganizationCommand, state: SalesOrganizationState): Decision => {
  switch (command.kind) {
    case 'OpenRegionalOffice':
      return openOffice(command, state);
    case 'FormSalesTeam':
      return formTeam(command, state);
    case 'AppointTeamManager':
      return appointManager(command, state);
    case 'AddRepToTeam':
      return addRep(command, state);
    case 'RemoveRepFromTeam':
      return removeRep(command, state);
  }
};

/**
 * The sales organization of a tenant: regional offices, teams, managers and rep memberships, each
 * effective from a date, so reports can credit a deal to the team and office the rep belonged to
 * on the day it was won.
 */
export const salesOrganizationDecider: Decider<
  SalesOrganizationCommand,
  SalesOrganizationEvent,
  SalesOrganizationState,
  SalesOrganizationError
> = { initialState: initialSalesOrganizationState, decide, evolve: evolveSalesOrganization };
