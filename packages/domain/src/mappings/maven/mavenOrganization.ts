import * as E from 'fp-ts/lib/Either.js';
import type { SalesOrganizationCommand } from '../../salesOrganization/commands.js';
import type { MappedRow, RejectedRow } from '../mappedRow.js';
import { SalesOrganizationCommand as SalesOrganizationCommandCodec } from '../../salesOrganization/commands.js';
import { decodeRow } from '../mappedRow.js';
import { MAVEN_IMPORT_ACTOR, mavenContext } from './mavenContext.js';
import {
  MAVEN_ORGANIZATION_ID,
  mavenManagerId,
  mavenOfficeId,
  mavenRepId,
  mavenTeamId,
} from './mavenIds.js';
import { MavenTeamRow } from './mavenRows.js';

/** The day the Maven organization is set up from: before the first engage date, 2016-10-20. */
export const MAVEN_SETUP_DAY = '2016-10-01';

/** Options of the Maven set-up mappings. */
export interface MavenSetupOptions {
  /** The day offices open, teams form and reps join; defaults to {@link MAVEN_SETUP_DAY}. */
  readonly effectiveFrom?: string;
  readonly tenantId?: string | undefined;
}

/** Maps `sales_teams.csv` rows to SalesOrganization commands, one row at a time. */
export interface MavenOrganizationMapping {
  mapRow(
    values: Readonly<Record<string, string>>,
    lineNumber: number,
  ): E.Either<RejectedRow, readonly MappedRow<SalesOrganizationCommand>[]>;
}

/**
 * The mapping of `sales_teams.csv` onto the `maven` sales organization. The file names each
 * agent's manager and regional office and nothing else, so: each regional office (Central, East,
 * West) opens when first named, each manager leads one team of their own in that office (formed
 * and appointed when first named), and each agent joins their manager's team. Everything takes
 * effect on one day before the first deal was engaged, so every deal is credited to the team,
 * manager and office of its agent. It is stateful (it remembers the offices and teams already set
 * up); command ids derive from the names, so importing the file again changes nothing.
 */
export const createMavenOrganizationMapping = (
  options: MavenSetupOptions = {},
): MavenOrganizationMapping => {
  const day = options.effectiveFrom ?? MAVEN_SETUP_DAY;
  const offices = new Set<string>();
  const teams = new Set<string>();
  const organizationId = MAVEN_ORGANIZATION_ID;

  return {
    mapRow: (values, lineNumber) =>
      E.chain((row: MavenTeamRow) => {
        const officeId = mavenOfficeId(row.regional_office);
        const teamId = mavenTeamId(row.manager);
        const wanted: [string, Record<string, unknown>][] = [];
        if (!offices.has(officeId)) {
          wanted.push([
            `office ${row.regional_office}`,
            {
              kind: 'OpenRegionalOffice',
              organizationId,
              officeId,
              name: row.regional_office,
              region: row.regional_office,
            },
          ]);
        }
        if (!teams.has(teamId)) {
          wanted.push(
            [
              `team ${row.manager}`,
              {
                kind: 'FormSalesTeam',
                organizationId,
                teamId,
                name: `${row.manager}'s team`,
                officeId,
              },
            ],
            [
              `manager ${row.manager}`,
              {
                kind: 'AppointTeamManager',
                organizationId,
                teamId,
                managerId: mavenManagerId(row.manager),
                effectiveFrom: day,
              },
            ],
          );
        }
        wanted.push([
          `rep ${row.sales_agent}`,
          {
            kind: 'AddRepToTeam',
            organizationId,
            repId: mavenRepId(row.sales_agent),
            teamId,
            effectiveFrom: day,
          },
        ]);
        return E.map((commands: readonly SalesOrganizationCommand[]) => {
          offices.add(officeId);
          teams.add(teamId);
          return commands.map((command, index) => ({
            lineNumber,
            command,
            context: mavenContext(
              (wanted[index] as [string, unknown])[0],
              day,
              MAVEN_IMPORT_ACTOR,
              options.tenantId,
            ),
          }));
        })(
          E.traverseArray(([, command]: [string, Record<string, unknown>]) =>
            decodeRow(SalesOrganizationCommandCodec, command, lineNumber),
          )(wanted),
        );
      })(decodeRow(MavenTeamRow, values, lineNumber)),
  };
};
