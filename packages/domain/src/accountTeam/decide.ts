import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { AccountTeamCommand } from './commands.js';
import type { AccountTeamEvent } from './events.js';
import type { AccountTeamState } from './state.js';
import { evolveAccountTeam, initialAccountTeamState } from './state.js';

/** Why a team command was refused: removing someone who is not on the team. */
export interface NotATeamMember {
  readonly kind: 'NotATeamMember';
  readonly recordType: string;
  readonly recordId: string;
  readonly memberId: string;
}

const decide = (
  command: AccountTeamCommand,
  state: AccountTeamState,
): E.Either<NotATeamMember, readonly AccountTeamEvent[]> => {
  const { recordType, recordId, memberId } = command;
  const current = state.members[memberId];
  switch (command.kind) {
    case 'AddTeamMember':
      // The same role again changes nothing.
      return E.right(
        current === command.teamRole
          ? []
          : [
              {
                type: 'TeamMemberAdded',
                data: {
                  recordType,
                  recordId,
                  memberId,
                  teamRole: command.teamRole,
                  previousRole: current ?? null,
                },
              },
            ],
      );
    case 'RemoveTeamMember':
      return current === undefined
        ? E.left({ kind: 'NotATeamMember', recordType, recordId, memberId })
        : E.right([
            {
              type: 'TeamMemberRemoved',
              data: { recordType, recordId, memberId, teamRole: current },
            },
          ]);
  }
};

/**
 * The decider of one deal's or account's team: several members, each in one role. Kept in its
 * own stream so the deal and the customer aggregates stay as they are; the role policy reads the
 * teams through an `AccountTeamDirectory`.
 */
export const accountTeamDecider: Decider<
  AccountTeamCommand,
  AccountTeamEvent,
  AccountTeamState,
  NotATeamMember
> = { initialState: initialAccountTeamState, decide, evolve: evolveAccountTeam };
