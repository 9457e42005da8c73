import * as E from 'fp-ts/lib/Either.js';
import type { CustomerCommand } from '../../customer/commands.js';
import type { MappedRow, RejectedRow } from '../mappedRow.js';
import type { MavenSetupOptions } from './mavenOrganization.js';
import { CustomerCommand as CustomerCommandCodec } from '../../customer/commands.js';
import { decodeRow } from '../mappedRow.js';
import { MAVEN_IMPORT_ACTOR, mavenContext } from './mavenContext.js';
import { mavenCustomerId } from './mavenIds.js';
import { MAVEN_SETUP_DAY } from './mavenOrganization.js';
import { MavenAccountRow } from './mavenRows.js';

/**
 * Maps one `accounts.csv` row to the registration of a company customer: the industry is the
 * sector as written (the file's misspelling `technolgy` is kept, not corrected), the region the
 * office location (a country). The other columns (founding year, revenue, head count, parent)
 * have no place on a customer and are left out. The customer is registered on the set-up day;
 * its id and command id derive from the account's name, so importing it again changes nothing.
 */
export const mapMavenAccountRow = (
  values: Readonly<Record<string, string>>,
  lineNumber: number,
  options: MavenSetupOptions = {},
): E.Either<RejectedRow, MappedRow<CustomerCommand>> =>
  E.chain((row: MavenAccountRow) =>
    E.map((command: CustomerCommand) => ({
      lineNumber,
      command,
      context: mavenContext(
        `account ${row.account}`,
        options.effectiveFrom ?? MAVEN_SETUP_DAY,
        MAVEN_IMPORT_ACTOR,
        options.tenantId,
      ),
    }))(
      decodeRow(
        CustomerCommandCodec,
        {
          kind: 'RegisterCustomer',
          customerId: mavenCustomerId(row.account),
          customerKind: 'company',
          name: row.account,
          industry: row.sector,
          region: row.office_location,
          source: 'maven',
        },
        lineNumber,
      ),
    ),
  )(decodeRow(MavenAccountRow, values, lineNumber));
