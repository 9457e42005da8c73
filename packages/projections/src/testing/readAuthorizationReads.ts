import * as E from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { parseStreamName } from '@clientele/eventstore';
import type { ReadPermission } from '@clientele/domain';
import { officeHours } from '@clientele/domain';
import type { ReadAccess } from '../access/readAccess.js';
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
import { COMMERCE_READS } from './readAuthorizationCommerce.js';
import { FIXTURE_OWNERS } from './readAuthorizationFixture.js';

const STREAM_PERMISSION: Readonly<Record<string, ReadPermission>> = {
  Customer: 'Customer.read',
  Lead: 'Lead.read',
  Opportunity: 'Opportunity.read',
  Ticket: 'Ticket.read',
  Invoice: 'Invoice.read',
  Commission: 'Commission.read',
  Quote: 'Quote.read',
  ExpenseClaim: 'ExpenseClaim.read',
  SalesOrder: 'SalesOrder.read',
  Contract: 'Contract.read',
};

/** The streams whose records a deal or account team can grant reading. */
const TEAM_RECORD_CATEGORIES: ReadonlySet<string> = new Set(['Customer', 'Opportunity']);

/**
 * What one read answered, as the records it showed: each with its permission and owner, and its
 * id where a deal or account team could grant it (a customer, a deal).
 */
export type Shown = readonly {
  readonly permission: ReadPermission;
  readonly ownerId: string | null;
  readonly recordId?: string;
}[];
/** One read of the suite, as the actor `access` belongs to. */
export type Read = (
  readModels: ReadModelStore,
  events: EventStore,
  access: ReadAccess,
) => Promise<E.Either<unknown, Shown>>;

/** The service report's options in the suite. */
export const SERVICE_OPTIONS = { asOf: '2026-03-31T00:00:00Z', calendar: officeHours('UTC') };
const owner = (group: string): string | null => (group === '(none)' ? null : group);
/** Each rep's one open deal and its amount. */
const OPEN_DEALS: Readonly<Record<string, { readonly id: string; readonly amount: number }>> = {
  'rep-ada': { id: 'O-ada', amount: 1_000_00 },
  'rep-bob': { id: 'O-bob', amount: 20_000_00 },
  'rep-cy': { id: 'O-cy', amount: 300_000_00 },
};

/** Every read the suite tries, by name, with the permission a denial must name. */
export const READS: Readonly<Record<string, { permission: ReadPermission; read: Read }>> = {
  customers: {
    permission: 'Customer.read',
    read: async (readModels, _events, access) =>
      E.map((docs: { customerId: string; ownerId: string | null }[]) =>
        docs.map((d) => ({
          permission: 'Customer.read' as const,
          ownerId: d.ownerId,
          recordId: d.customerId,
        })),
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
        const shown: Shown[number][] = [];
        for (const [rep, deal] of Object.entries(OPEN_DEALS).reverse())
          if (total >= deal.amount) {
            total -= deal.amount;
            shown.push({ permission: 'Opportunity.read', ownerId: rep, recordId: deal.id });
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
  ...COMMERCE_READS,
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
                recordId: customerId,
              },
              ...timeline.entries.map((entry) => {
                const parsed = parseStreamName(entry.streamName);
                const { category, id } = E.isRight(parsed)
                  ? parsed.right
                  : { category: '', id: '' };
                return category === 'CustomerExport'
                  ? { permission: 'CustomerExport.read' as const, ownerId: entry.actor.id }
                  : {
                      permission: STREAM_PERMISSION[category] ?? 'Customer.read',
                      ownerId: FIXTURE_OWNERS[entry.streamName] ?? null,
                      ...(TEAM_RECORD_CATEGORIES.has(category) ? { recordId: id } : {}),
                    };
              }),
            ],
          )(await customerTimeline({ readModels, events }, access, customerId))) satisfies Read,
      },
    ]),
  ),
};
