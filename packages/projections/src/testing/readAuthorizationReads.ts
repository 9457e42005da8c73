/**
 * The reads the read authorization suite tries, and its oracle: the command-side `authorize`
 * asked about each record a read shows.
 */
import * as E from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { Actor, EventStore } from '@clientele/eventstore';
import { parseStreamName } from '@clientele/eventstore';
import type { ReadPermission, Role, TeamDirectory } from '@clientele/domain';
import { authorize, defaultRolePolicy, officeHours } from '@clientele/domain';
import type { ReadAccess } from '../access/readAccess.js';
import { readAccess } from '../access/readAccess.js';
import { campaignReport } from '../readModels/campaigns/campaignReport.js';
import { targetsReport } from '../readModels/commission/targetsReport.js';
import { customerList } from '../readModels/customers/customerList.js';
import { leadFunnel, opportunityFunnel } from '../readModels/funnel/funnelCalculation.js';
import { salesPerformanceReport } from '../readModels/performance/salesPerformanceReport.js';
import { pipelineReport } from '../readModels/pipeline/pipelineReport.js';
import { receivablesReport } from '../readModels/receivables/receivablesReport.js';
import { serviceReport } from '../readModels/service/serviceReport.js';
import { customerTimeline } from '../readModels/timeline/customerTimeline.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { FIXTURE_OWNERS, FIXTURE_TEAMS } from './readAuthorizationFixture.js';

const teams: TeamDirectory = {
  teamMembersOf: (managerId) => new Set(FIXTURE_TEAMS[managerId] ?? []),
};
/** Every role of the default policy: the suite asks each of them. */
export const ROLES: readonly Role[] = [
  'administrator',
  'sales_manager',
  'sales_rep',
  'marketing',
  'support_agent',
  'finance',
  'auditor',
];
/** Read access for an actor of the given id and role, under the default policy and teams. */
export const as = (id: string, role: string): ReadAccess =>
  readAccess(defaultRolePolicy, teams, { id, role });

/**
 * The independent oracle: the command-side `authorize` applied to one record. An unowned record
 * is readable only with `any` scope, so it is asked about an owner on nobody's team.
 */
export const mayRead = (
  actor: Actor,
  permission: ReadPermission,
  ownerId: string | null,
): boolean =>
  E.isRight(authorize(defaultRolePolicy, teams, actor, permission, ownerId ?? 'owner-on-no-team'));

/** Whether the role grants the permission at all (its own record is always within any grant). */
export const granted = (actor: Actor, permission: ReadPermission): boolean =>
  E.isRight(authorize(defaultRolePolicy, teams, actor, permission, actor.id));

const STREAM_PERMISSION: Readonly<Record<string, ReadPermission>> = {
  Customer: 'Customer.read',
  Lead: 'Lead.read',
  Opportunity: 'Opportunity.read',
  Ticket: 'Ticket.read',
  Invoice: 'Invoice.read',
  Commission: 'Commission.read',
};

/** What one read answered, as the records it showed: each with its permission and owner. */
type Shown = readonly { readonly permission: ReadPermission; readonly ownerId: string | null }[];
/** One read the suite tries: the records it showed, or its denial. */
export type Read = (
  readModels: ReadModelStore,
  events: EventStore,
  access: ReadAccess,
) => Promise<E.Either<unknown, Shown>>;

/** The moment and calendar the service report is asked at. */
export const SERVICE_OPTIONS = { asOf: '2026-03-31T00:00:00Z', calendar: officeHours('UTC') };
const owner = (group: string): string | null => (group === '(none)' ? null : group);
const OPEN_DEAL_AMOUNTS: Readonly<Record<string, number>> = {
  'rep-ada': 1_000_00,
  'rep-bob': 20_000_00,
  'rep-cy': 300_000_00,
};

/** Every read the suite tries, by name, with the permission a denial must name. */
export const READS: Readonly<Record<string, { permission: ReadPermission; read: Read }>> = {
  customers: {
    permission: 'Customer.read',
    read: async (readModels, _events, access) =>
      E.map((docs: { ownerId: string | null }[]) =>
        docs.map((d) => ({ permission: 'Customer.read' as const, ownerId: d.ownerId })),
      )(await customerList(readModels, access)),
  },
  leadFunnel: {
    permission: 'Lead.read',
    read: async (readModels, _events, access) =>
      E.map((rows: { group: string }[]) =>
        rows.map((r) => ({ permission: 'Lead.read' as const, ownerId: owner(r.group) })),
      )(await leadFunnel(readModels, access, { groupBy: 'owner' })),
  },
  opportunityFunnel: {
    permission: 'Opportunity.read',
    read: async (readModels, _events, access) =>
      E.map((rows: { group: string }[]) =>
        rows.map((r) => ({ permission: 'Opportunity.read' as const, ownerId: owner(r.group) })),
      )(await opportunityFunnel(readModels, access, { groupBy: 'owner' })),
  },
  performance: {
    permission: 'Opportunity.read',
    read: async (readModels, _events, access) =>
      E.map((rows: { group: string }[]) =>
        rows.map((r) => ({ permission: 'Opportunity.read' as const, ownerId: r.group })),
      )(await salesPerformanceReport(readModels, access, { groupBy: 'rep' })),
  },
  // The pipeline has no owner column: the open deals' amounts differ per rep, so its total says
  // exactly whose deals it summed.
  pipeline: {
    permission: 'Opportunity.read',
    read: async (readModels, _events, access) =>
      E.map((rows: { amount: Readonly<Record<string, number>> }[]) => {
        let total = rows.reduce((sum, row) => sum + (row.amount['EUR'] ?? 0), 0);
        const shown: { permission: 'Opportunity.read'; ownerId: string }[] = [];
        for (const [rep, amount] of Object.entries(OPEN_DEAL_AMOUNTS).reverse())
          if (total >= amount) {
            total -= amount;
            shown.push({ permission: 'Opportunity.read', ownerId: rep });
          }
        expect(total).toBe(0);
        return shown;
      })(await pipelineReport(readModels, access)),
  },
  targets: {
    permission: 'Commission.read',
    read: async (readModels, _events, access) =>
      E.map((rows: { repId: string }[]) =>
        rows.map((r) => ({ permission: 'Commission.read' as const, ownerId: r.repId })),
      )(await targetsReport(readModels, access)),
  },
  receivables: {
    permission: 'Invoice.read',
    read: async (readModels, _events, access) =>
      E.map((rows: { customerId: string | null }[]) =>
        rows
          .filter((r) => r.customerId !== null)
          .map(() => ({ permission: 'Invoice.read' as const, ownerId: null })),
      )(await receivablesReport(readModels, access, { asOf: '2026-03-31' })),
  },
  service: {
    permission: 'Ticket.read',
    read: async (readModels, _events, access) =>
      E.map((report: { tickets: readonly { count: number }[] }) =>
        report.tickets.map(() => ({ permission: 'Ticket.read' as const, ownerId: null })),
      )(await serviceReport(readModels, access, SERVICE_OPTIONS)),
  },
  campaigns: {
    permission: 'Campaign.read',
    read: async (readModels, _events, access) =>
      E.map((rows: readonly unknown[]) =>
        rows.map(() => ({ permission: 'Campaign.read' as const, ownerId: null })),
      )(await campaignReport(readModels, access)),
  },
  ...Object.fromEntries(
    ['C-ada', 'C-bob', 'C-cy', 'C-none'].map((customerId) => [
      `timeline of ${customerId}`,
      {
        permission: 'Customer.read' as const,
        read: (async (readModels, events, access) =>
          E.map(
            (timeline: {
              entries: readonly { streamName: string; actor: { id: string } }[];
            }): Shown => [
              {
                permission: 'Customer.read',
                ownerId: FIXTURE_OWNERS[`Customer-${customerId}`] ?? null,
              },
              ...timeline.entries.map((entry) => {
                const parsed = parseStreamName(entry.streamName);
                const category = E.isRight(parsed) ? parsed.right.category : '';
                return category === 'CustomerExport'
                  ? { permission: 'CustomerExport.read' as const, ownerId: entry.actor.id }
                  : {
                      permission: STREAM_PERMISSION[category] ?? 'Customer.read',
                      ownerId: FIXTURE_OWNERS[entry.streamName] ?? null,
                    };
              }),
            ],
          )(await customerTimeline(readModels, events, access, customerId))) satisfies Read,
      },
    ]),
  ),
};
