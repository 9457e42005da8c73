import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { TeamRecordType, TeamRole } from './values.js';

const onRecord = { recordType: TeamRecordType, recordId: t.string };

/** A user joined the team in a role; `previousRole` when they were on it in another role. */
export const TeamMemberAdded = eventCodec(
  'TeamMemberAdded',
  t.type({
    ...onRecord,
    memberId: t.string,
    teamRole: TeamRole,
    previousRole: t.union([TeamRole, t.null]),
  }),
);
/** A user left the team. */
export const TeamMemberRemoved = eventCodec(
  'TeamMemberRemoved',
  t.type({ ...onRecord, memberId: t.string, teamRole: TeamRole }),
);

/** Every event of a team stream. */
export const AccountTeamEvent = t.union([TeamMemberAdded, TeamMemberRemoved], 'AccountTeamEvent');
/** Every event of a team stream. */
export type AccountTeamEvent = t.TypeOf<typeof AccountTeamEvent>;
