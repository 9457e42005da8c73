import type { CommandAuthorizer } from '@clientele/eventstore';
import type { OffboardingCommand } from '../offboarding/commands.js';
import type { OffboardingState } from '../offboarding/state.js';
import type { TeamDirectory } from './authorize.js';
import { commandAuthorizer } from './authorize.js';
import type { RolePolicy } from './roles.js';

/**
 * Who may offboard a rep: whoever holds `Offboarding.OffboardRep` (administrators by default). The
 * departing rep is the record's owner, so a tenant may grant it with `team` scope to managers for
 * the reps of their own teams. The hand-overs (`ReassignRecord`) are sent by the offboarding
 * reactor as trusted system work.
 */
export const offboardingAuthorizer = (
  policy: RolePolicy,
  teams: TeamDirectory,
): CommandAuthorizer<OffboardingCommand, OffboardingState> =>
  commandAuthorizer<OffboardingCommand, OffboardingState>(
    'Offboarding',
    (_state, command) => command.repId,
    policy,
    teams,
  );
