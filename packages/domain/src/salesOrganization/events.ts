import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { DateOnly } from '../shared/dates.js';

/** A regional office opened; revenue is reported per office and region. */
export const RegionalOfficeOpened = eventCodec(
  'RegionalOfficeOpened',
  t.type({ organizationId: t.string, officeId: t.string, name: t.string, region: t.string }),
);
/** A sales team was formed in an office. */
export const SalesTeamFormed = eventCodec(
  'SalesTeamFormed',
  t.type({ organizationId: t.string, teamId: t.string, name: t.string, officeId: t.string }),
);
/** A team got a manager from a date on. */
export const TeamManagerAppointed = eventCodec(
  'TeamManagerAppointed',
  t.type({
    organizationId: t.string,
    teamId: t.string,
    managerId: t.string,
    effectiveFrom: DateOnly,
    previousManagerId: t.union([t.string, t.null]),
  }),
);
/** A rep joined a team from a date on; a previous membership ends the day before. */
export const RepJoinedTeam = eventCodec(
  'RepJoinedTeam',
  t.type({
    organizationId: t.string,
    repId: t.string,
    teamId: t.string,
    effectiveFrom: DateOnly,
    previousTeamId: t.union([t.string, t.null]),
  }),
);
/** A rep left their team; `effectiveFrom` is the first day they no longer belong to it. */
export const RepLeftTeam = eventCodec(
  'RepLeftTeam',
  t.type({ organizationId: t.string, repId: t.string, teamId: t.string, effectiveFrom: DateOnly }),
);

/** Every event of a SalesOrganization stream. */
export const SalesOrganizationEvent = t.union(
  [RegionalOfficeOpened, SalesTeamFormed, TeamManagerAppointed, RepJoinedTeam, RepLeftTeam],
  'SalesOrganizationEvent',
);
/** Every event of a SalesOrganization stream. */
export type SalesOrganizationEvent = t.TypeOf<typeof SalesOrganizationEvent>;
