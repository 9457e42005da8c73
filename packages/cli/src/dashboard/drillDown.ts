import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { AGING_BUCKETS, LEAD_STAGES, bucketOf, invoiceAsOf } from '@clientele/projections';
import type { DrillCell, DrillTable } from '@clientele/dashboard';
import { formatMoney } from '../reports/figures.js';
import type { ReportContext } from '../reports/reportSection.js';
import type { DealQuery } from './dealSelection.js';
import { dealDay, dealSelection } from './dealSelection.js';
import {
  campaignIdsNamed,
  readableDeals,
  readableInvoices,
  readableLeads,
  readableTickets,
} from './scopedRecords.js';

type Query = Readonly<Record<string, string>>;
type Drilled = E.Either<AuthorizationDenial, DrillTable>;

const text = (value: string | number | null): DrillCell => ({
  text: value === null ? '—' : String(value),
  ...(typeof value === 'number' ? { numeric: true } : {}),
});
const money = (amountMinor: number, currency: string): DrillCell => ({
  text: formatMoney({ [currency]: amountMinor }),
  numeric: true,
});
const customer = (customerId: string | null): DrillCell =>
  customerId === null
    ? text(null)
    : { text: customerId, href: `/customers/${encodeURIComponent(customerId)}` };

const present = (query: Query, name: string): string | undefined =>
  query[name] === undefined || query[name] === '' ? undefined : query[name];

const deals = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  query: Query,
  asOf: string,
): Promise<Drilled> => {
  const readable = await readableDeals(readModels, access);
  if (E.isLeft(readable)) return readable;
  const fields = [
    'period',
    'from',
    'to',
    'by',
    'group',
    'owner',
    'outcome',
    'forecastCategory',
    'stage',
  ] as const;
  const dealQuery: DealQuery = Object.fromEntries(
    fields.flatMap((name) => (present(query, name) === undefined ? [] : [[name, query[name]]])),
  );
  const campaign = present(query, 'campaign');
  const selected = await dealSelection(
    readModels,
    dealQuery,
    asOf,
    campaign === undefined ? undefined : await campaignIdsNamed(readModels, campaign),
  );
  const rows = readable.right
    .filter(selected)
    .sort((a, b) => (dealDay(b) ?? '').localeCompare(dealDay(a) ?? ''))
    .map((deal) => [
      text(deal.opportunityId),
      customer(deal.customerId),
      text(deal.ownerId),
      text(deal.outcome),
      text(deal.outcome === 'open' ? deal.stageId : deal.outcome),
      deal.outcome === 'won' && deal.wonAmount !== null
        ? money(deal.wonAmount.amountMinor, deal.wonAmount.currency)
        : money(deal.amount.amountMinor, deal.amount.currency),
      text(dealDay(deal)),
    ]);
  const about = [
    dealQuery.outcome,
    dealQuery.group,
    dealQuery.forecastCategory,
    dealQuery.stage,
    campaign,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  return E.right({
    title: `Deals${about === '' ? '' : `: ${about}`}`,
    columns: ['deal', 'customer', 'owner', 'outcome', 'stage', 'amount', 'closed or expected'],
    rows,
  });
};

const invoices = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  query: Query,
  asOf: string,
): Promise<Drilled> => {
  const readable = await readableInvoices(readModels, access);
  if (E.isLeft(readable)) return readable;
  const bucket = present(query, 'bucket');
  const overdueOnly = query['overdue'] === '1';
  const rows = readable.right
    .flatMap((invoice) => {
      const figures = invoiceAsOf(invoice, asOf);
      if (figures === undefined || figures.outstanding <= 0) return [];
      const days = figures.daysPastDue;
      const aged = bucketOf(days);
      if ((overdueOnly && days <= 0) || (bucket !== undefined && bucket !== aged)) return [];
      return [{ invoice, figures, aged }];
    })
    .sort((a, b) => b.figures.outstanding - a.figures.outstanding)
    .map(({ invoice, figures, aged }) => [
      text(invoice.invoiceId),
      customer(invoice.customerId),
      text(invoice.dueOn),
      money(invoice.totalMinor, invoice.currency),
      money(figures.outstanding, invoice.currency),
      text(Math.max(0, figures.daysPastDue)),
      text(aged),
    ]);
  return E.right({
    title: `Invoices outstanding as of ${asOf}${overdueOnly ? ', overdue' : ''}${bucket === undefined ? '' : `, ${bucket} days past due`}`,
    columns: [
      'invoice',
      'customer',
      'due',
      'total',
      'outstanding',
      'days past due',
      AGING_BUCKETS.join(' / '),
    ],
    rows,
  });
};

const tickets = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  query: Query,
): Promise<Drilled> => {
  const readable = await readableTickets(readModels, access);
  if (E.isLeft(readable)) return readable;
  const status = present(query, 'status');
  return E.right({
    title: `Tickets${status === undefined ? '' : `: ${status}`}`,
    columns: ['ticket', 'customer', 'priority', 'status', 'opened'],
    rows: readable.right
      .filter((ticket) => status === undefined || ticket.status === status)
      .map((ticket) => [
        text(ticket.ticketId),
        customer(ticket.customerId),
        text(ticket.priority),
        text(ticket.status),
        text(ticket.events[0]?.occurredAt.slice(0, 10) ?? null),
      ]),
  });
};

const leads = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  query: Query,
): Promise<Drilled> => {
  const stage = present(query, 'stage');
  const index = LEAD_STAGES.findIndex((name) => name === stage);
  // The funnel's later stages are those of the leads' deals: drill to the deals from leads.
  if (stage !== undefined && index < 0) {
    const drilled = await deals(readModels, access, { stage }, '9999-12-31');
    return E.map((table: DrillTable) => ({
      ...table,
      title: `Deals from leads that reached ${stage}`,
      rows: table.rows,
    }))(drilled);
  }
  const readable = await readableLeads(readModels, access);
  if (E.isLeft(readable)) return readable;
  return E.right({
    title: `Leads${stage === undefined ? '' : ` that reached ${stage}`}`,
    columns: ['lead', 'owner', 'source', 'captured', 'furthest stage', 'disqualified'],
    rows: readable.right
      .filter((lead) => lead.furthest >= Math.max(index, 0))
      .map((lead) => [
        text(lead.leadId),
        text(lead.ownerId),
        text(lead.source),
        text(lead.capturedOn),
        text(LEAD_STAGES[lead.furthest] ?? null),
        text(lead.disqualified ? 'yes' : 'no'),
      ]),
  });
};

/** The kinds of record a figure drills down to. */
export const DRILL_KINDS = ['deals', 'invoices', 'tickets', 'leads'] as const;

/**
 * The records behind a figure, as `access` allows: the deals, invoices, tickets or leads the
 * query selects, with links to their customers. Undefined for an unknown kind.
 */
export const drillDown = (
  { readModels, access }: Pick<ReportContext, 'readModels' | 'access'>,
  kind: string,
  query: Query,
  asOf: string,
): Promise<Drilled> | undefined => {
  switch (kind) {
    case 'deals':
      return deals(readModels, access, query, asOf);
    case 'invoices':
      return invoices(readModels, access, query, asOf);
    case 'tickets':
      return tickets(readModels, access, query);
    case 'leads':
      return leads(readModels, access, query);
    default:
      return undefined;
  }
};
