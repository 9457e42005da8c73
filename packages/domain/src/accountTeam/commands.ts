import * as t from 'io-ts';
import { TeamRecordType, TeamRole } from './values.js';

const onRecord = { recordType: TeamRecordType, recordId: t.string };

/** Put a user on the deal's or account's team in a role (or change the role of a member). */
export const AddTeamMember = t.type(
  { kind: t.literal('AddTeamMember'), ...onRecord, memberId: t.string, teamRole: TeamRole },
  'AddTeamMember',
);
/** Take a user off the team. */
export const RemoveTeamMember = t.type(
  { kind: t.literal('RemoveTeamMember'), ...onRecord, memberId: t.string },
  'RemoveTeamMember',
);

/** Every command of a deal or account team. */
export const AccountTeamCommand = t.union([AddTeamMember, RemoveTeamMember], 'AccountTeamCommand');
/** Every command of a deal or account team. */
export type AccountTeamCommand = t.TypeOf<typeof AccountTeamCommand>;
/** An account-team command as code writes it, before decoding. */
export type AccountTeamCommandInput = t.OutputOf<typeof AccountTeamCommand>;
