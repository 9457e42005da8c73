import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';

const command = <K extends string, P extends t.Props>(kind: K, props: P) =>
  t.type({ kind: t.literal(kind), organizationId: t.string, ...props }, kind);

/** Open a regional office. */
export const OpenRegionalOffice = command('OpenRegionalOffice', {
  officeId: t.string,
  name: NonEmptyText,
  region: NonEmptyText,
});
/** Form a team in an office. */
export const FormSalesTeam = command('FormSalesTeam', {
  teamId: t.string,
  name: NonEmptyText,
  officeId: t.string,
});
/** Appoint a team's manager from a date on. */
export const AppointTeamManager = command('AppointTeamManager', {
  teamId: t.string,
  managerId: t.string,
  effectiveFrom: DateOnly,
});
/** Put a rep in a team from a date on (moving them out of their current team). */
export const AddRepToTeam = command('AddRepToTeam', {
  repId: t.string,
  teamId: t.string,
  effectiveFrom: DateOnly,
});
/** Take a rep out of their team from a date on. */
export const RemoveRepFromTeam = command('RemoveRepFromTeam', {
  repId: t.string,
  effectiveFrom: DateOnly,
});

/** Every command of the SalesOrganization aggregate. */
export const SalesOrganizationCommand = t.union(
  [OpenRegionalOffice, FormSalesTeam, AppointTeamManager, AddRepToTeam, RemoveRepFromTeam],
  'SalesOrganizationCommand',
);
/** Every command of the SalesOrganization aggregate. */
export type SalesOrganizationCommand = t.TypeOf<typeof SalesOrganizationCommand>;

/**
 * A SalesOrganization command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type SalesOrganizationCommandInput = t.OutputOf<typeof SalesOrganizationCommand>;
