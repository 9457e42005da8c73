import type * as t from 'io-ts';
import { CustomerCommand } from '../customer/commands.js';
import { CustomerEvent } from '../customer/events.js';
import { LeadCommand } from '../lead/commands.js';
import { LeadEvent } from '../lead/events.js';
import { OpportunityCommand } from '../opportunity/commands.js';
import { OpportunityEvent } from '../opportunity/events.js';
import { ReservationCommand } from '../reservations/decide.js';
import { ReservationEvent } from '../reservations/events.js';
import { SalesOrganizationCommand } from '../salesOrganization/commands.js';
import { SalesOrganizationEvent } from '../salesOrganization/events.js';
import { Contact, CustomerKind } from '../customer/values.js';
import { ContactChannel, FollowUpPriority, LeadContact } from '../lead/values.js';
import { OpportunityDraft } from '../lead/events.js';
import { ForecastCategory } from '../opportunity/pipeline.js';
import { KeyReleaseReason } from '../reservations/events.js';
import { enumerationTable, referenceTable, valueTable } from './codecReference.js';

const AGGREGATES: readonly {
  readonly title: string;
  readonly stream: string;
  readonly commands: t.UnionType<t.Mixed[]>;
  readonly events: t.UnionType<t.Mixed[]>;
}[] = [
  {
    title: 'Customer',
    stream: 'Customer-<customerId>',
    commands: CustomerCommand,
    events: CustomerEvent,
  },
  {
    title: 'Duplicate-check reservation',
    stream: 'CustomerKey-<tenantId>.<keyed hash>',
    commands: ReservationCommand,
    events: ReservationEvent,
  },
  { title: 'Lead', stream: 'Lead-<leadId>', commands: LeadCommand, events: LeadEvent },
  {
    title: 'Opportunity',
    stream: 'Opportunity-<opportunityId>',
    commands: OpportunityCommand,
    events: OpportunityEvent,
  },
  {
    title: 'Sales organization',
    stream: 'SalesOrganization-<organizationId>',
    commands: SalesOrganizationCommand,
    events: SalesOrganizationEvent,
  },
];

const ENUMERATIONS = [
  CustomerKind,
  KeyReleaseReason,
  ContactChannel,
  FollowUpPriority,
  ForecastCategory,
] as unknown as readonly t.UnionType<t.Mixed[]>[];

/** The generated part of `docs/domain/sales.md`: every sales command and event with its fields. */
export const salesReferenceMarkdown = (): string =>
  [
    `### Enumerations\n\n${enumerationTable(ENUMERATIONS)}`,
    `### Value types\n\n${valueTable([OpportunityDraft, LeadContact, Contact])}`,
    ...AGGREGATES.map(({ title, stream, commands, events }) =>
      [
        `### ${title}`,
        '',
        `Stream: \`${stream}\`.`,
        '',
        '#### Commands',
        '',
        referenceTable(commands, 'command'),
        '',
        '#### Events',
        '',
        referenceTable(events, 'event'),
      ].join('\n'),
    ),
  ].join('\n\n');
