import type { AccountTeamEvent } from './events.js';
import type { TeamRole } from './values.js';

/** A team: each member's role. */
export interface AccountTeamState {
  readonly members: Readonly<Record<string, TeamRole>>;
}

/** A team nobody joined yet. */
export const initialAccountTeamState: AccountTeamState = { members: {} };

/** Folds one event into the team. */
export const evolveAccountTeam = (
  state: AccountTeamState,
  event: AccountTeamEvent,
): AccountTeamState => {
  switch (event.type) {
    case 'TeamMemberAdded':
      return { members: { ...state.members, [event.data.memberId]: event.data.teamRole } };
    case 'TeamMemberRemoved':
      return {
        members: Object.fromEntries(
          Object.entries(state.members).filter(([memberId]) => memberId !== event.data.memberId),
        ),
      };
  }
};
