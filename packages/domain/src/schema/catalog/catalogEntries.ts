import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { AccessAnomalyCommand } from '../../accessAnomaly/commands.js';
import { AccessAnomalyDetected } from '../../accessAnomaly/events.js';
import { AccessLogCommand } from '../../accessLog/commands.js';
import { PersonalDataRead } from '../../accessLog/events.js';
import { AccessPolicyCommand } from '../../accessPolicy/commands.js';
import { AccessPolicyEvent } from '../../accessPolicy/events.js';
import { CampaignCommand } from '../../campaign/commands.js';
import { CommissionCommand } from '../../commission/commands.js';
import { CustomerCommand } from '../../customer/commands.js';
import { CustomerExportCommand } from '../../customerExport/commands.js';
import { CustomerExportEvent } from '../../customerExport/events.js';
import { InvoiceCommand } from '../../invoice/commands.js';
import { LeadCommand } from '../../lead/commands.js';
import { OffboardingCommand } from '../../offboarding/commands.js';
import { OffboardingEvent } from '../../offboarding/events.js';
import { OpportunityCommand } from '../../opportunity/commands.js';
import { DataSubjectCommand } from '../../privacy/commands.js';
import { domainEventCodecs } from '../../privacy/domainPersonalData.js';
import { SalesOrganizationCommand } from '../../salesOrganization/commands.js';
import { commandKinds } from '../../shared/commandKinds.js';
import { TargetCommand } from '../../target/commands.js';
import { TicketCommand } from '../../ticket/commands.js';
import { domainUpcasters } from '../../upcasting/domainUpcasters.js';
import type { JsonSchema } from '../jsonSchema.js';
import { commandJsonSchema, eventJsonSchema } from '../domainSchemas.js';

/** One message of the catalog: a stored event at its current schema version, or a command. */
export interface CatalogEntry {
  readonly kind: 'event' | 'command';
  /** The event's `type` or the command's `kind`. */
  readonly name: string;
  /**
   * Events: the schema version new events are written with (the upcaster chain's length plus
   * one). Commands are never stored, so they have one version, 1: their shape is the API's.
   */
  readonly version: number;
  readonly schema: JsonSchema;
}

/** Every command union a service of the domain accepts. */
export const domainCommandCodecs: readonly t.Mixed[] = [
  CustomerCommand,
  LeadCommand,
  OpportunityCommand,
  SalesOrganizationCommand,
  TicketCommand,
  InvoiceCommand,
  CampaignCommand,
  TargetCommand,
  CommissionCommand,
  DataSubjectCommand,
  CustomerExportCommand,
  OffboardingCommand,
  AccessPolicyCommand,
  AccessLogCommand,
  AccessAnomalyCommand,
];

/**
 * The events of every aggregate (the reservations included), the record of bulk exports, and the
 * security records: departures, the tenant's roles, the access log and access anomalies.
 */
export const catalogEventCodecs: readonly t.Mixed[] = [
  ...domainEventCodecs,
  CustomerExportEvent,
  OffboardingEvent,
  AccessPolicyEvent,
  PersonalDataRead,
  AccessAnomalyDetected,
];

const membersOf = (codec: t.Mixed): readonly t.Mixed[] =>
  codec instanceof t.UnionType ? (codec.types as t.Mixed[]).flatMap(membersOf) : [codec];

/** The codec of each stored event type, by type. */
export const eventCodecsByType: ReadonlyMap<string, t.Mixed> = new Map(
  catalogEventCodecs.flatMap(membersOf).map((codec) => [codec.name, codec]),
);

const schemaOf = (
  convert: (codec: t.Mixed) => E.Either<readonly unknown[], JsonSchema>,
  codec: t.Mixed,
  name: string,
): JsonSchema => {
  const schema = convert(codec);
  if (E.isLeft(schema)) {
    // Every codec of the domain converts (domainSchemas.spec.ts holds it): a gap is a bug here.
    throw new TypeError(`${name} has no JSON Schema: ${JSON.stringify(schema.left)}`);
  }
  return schema.right;
};

/** The stored events' entries, sorted by type, each at its current schema version. */
export const eventCatalogEntries = (
  codecs: readonly t.Mixed[] = catalogEventCodecs,
  currentVersion: (type: string) => number = (type) => domainUpcasters.currentVersion(type),
): readonly CatalogEntry[] =>
  codecs
    .flatMap(membersOf)
    .map((codec) => ({
      kind: 'event' as const,
      name: codec.name,
      version: currentVersion(codec.name),
      schema: schemaOf(eventJsonSchema, codec, codec.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** The commands' entries, sorted by kind. */
export const commandCatalogEntries = (): readonly CatalogEntry[] =>
  domainCommandCodecs
    .flatMap(membersOf)
    .map((codec) => {
      const name = commandKinds(codec)[0] ?? codec.name;
      return {
        kind: 'command' as const,
        name,
        version: 1,
        schema: schemaOf(commandJsonSchema, codec, name),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

/** Where an entry is kept in the committed catalog, relative to its folder. */
export const catalogPath = (entry: Pick<CatalogEntry, 'kind' | 'name' | 'version'>): string =>
  `${entry.kind}s/${entry.name}.v${String(entry.version)}.json`;
