import * as t from 'io-ts';
import { AccountTeamEvent, TeamRecordType, TeamRole, evolveAccountTeam } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';

const decode = domainEventDecoder(AccountTeamEvent);

/** One deal's or account's team: each member's team role. */
export const AccountTeamDocument = t.type(
  { recordType: TeamRecordType, recordId: t.string, members: t.record(t.string, TeamRole) },
  'AccountTeamDocument',
);
/** One deal's or account's team. */
export type AccountTeamDocument = t.TypeOf<typeof AccountTeamDocument>;

/** The key of a team document: `opportunity:<id>` or `customer:<id>`. */
export const accountTeamKey = (recordType: TeamRecordType, recordId: string): string =>
  `${recordType}:${recordId}`;

/**
 * `accountTeams`: the members of every deal's and account's team, folded with the domain's
 * `evolve`, so reads can grant team members what their team role allows.
 */
export const accountTeamsProjection: Projection<AccountTeamDocument> = {
  name: 'accountTeams',
  version: 1,
  filter: { streamNamePrefixes: ['AccountTeam-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined
      ? []
      : [accountTeamKey(decoded.data.recordType, decoded.data.recordId)];
  },
  initial: (key) => {
    const colon = key.indexOf(':');
    const recordType = key.slice(0, colon) === 'customer' ? 'customer' : 'opportunity';
    return { recordType, recordId: key.slice(colon + 1), members: {} };
  },
  apply: (doc, event) => {
    const decoded = decode(event);
    return decoded === undefined
      ? doc
      : { ...doc, members: { ...evolveAccountTeam({ members: doc.members }, decoded).members } };
  },
};
