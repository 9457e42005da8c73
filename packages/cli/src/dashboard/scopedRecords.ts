import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { inReadScope } from '@clientele/domain';
import type { ReadPermission } from '@clientele/domain';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import {
  CampaignDocument,
  DealDocument,
  InvoiceDocument,
  LeadDocument,
  TicketDocument,
  activeDocuments,
} from '@clientele/projections';
import type * as t from 'io-ts';

const scoped =
  <C extends t.Mixed>(
    projection: string,
    codec: C,
    permission: ReadPermission,
    ownerOf: (doc: t.TypeOf<C>) => string | null,
  ) =>
  async (
    readModels: ReadModelStore,
    access: ReadAccess,
  ): Promise<E.Either<AuthorizationDenial, t.TypeOf<C>[]>> => {
    const scope = access.scope(permission);
    if (E.isLeft(scope)) return scope;
    const records: t.TypeOf<C>[] = [];
    for await (const { doc } of activeDocuments(readModels, projection, codec))
      if (inReadScope(scope.right, ownerOf(doc))) records.push(doc);
    return E.right(records);
  };

/** The deals the actor may read (`Opportunity.read`): a rep's own, a manager's team's. */
export const readableDeals = scoped('deals', DealDocument, 'Opportunity.read', (d) => d.ownerId);

/** The leads the actor may read (`Lead.read`); an unassigned lead takes `any` scope. */
export const readableLeads = scoped('leads', LeadDocument, 'Lead.read', (d) => d.ownerId);

/** The invoices the actor may read (`Invoice.read`): they belong to finance, not to a rep. */
export const readableInvoices = scoped('invoices', InvoiceDocument, 'Invoice.read', () => null);

/** The tickets the actor may read (`Ticket.read`): they belong to support, not to a rep. */
export const readableTickets = scoped('tickets', TicketDocument, 'Ticket.read', () => null);

/** The ids of the campaigns whose id or name is `campaign`. */
export const campaignIdsNamed = async (
  readModels: ReadModelStore,
  campaign: string,
): Promise<ReadonlySet<string>> => {
  const ids = new Set([campaign]);
  for await (const { doc } of activeDocuments(readModels, 'campaigns', CampaignDocument))
    if (doc.name === campaign) ids.add(doc.campaignId);
  return ids;
};
