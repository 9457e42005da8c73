import * as E from 'fp-ts/lib/Either.js';
import type { ReadPermission } from '@clientele/domain';
import { inReadScope } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { parseStreamName } from '@clientele/eventstore';
import type { ReadAccess } from '../../access/readAccess.js';
import { activeDocument } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { CustomerDocument, customerKey } from '../customers/customerDocument.js';
import { DealDocument, dealKey } from '../deals/dealDocument.js';
import { LeadDocument, leadKey } from '../leads/leadDocument.js';

/**
 * What reading an event of a stream takes: a permission, the record's owner, and the record a
 * deal or account team may grant (the customer or the deal; none for other records).
 */
interface StreamRead {
  readonly permission: ReadPermission;
  readonly ownerId: string | null;
  readonly recordId?: string;
}

/** The rep an event's data names in `field`, or null. */
const repOf = (event: RecordedEvent, field: string): string | null => {
  const data = event.data as Record<string, unknown> | null;
  const value = typeof data === 'object' && data !== null ? data[field] : undefined;
  return typeof value === 'string' ? value : null;
};

/**
 * Streams whose first event (the one the timeline reaches first) names their rep: the permission
 * that reads them and the field naming the rep. Quotes, orders, contracts and expense claims are
 * read under their own permissions, not a customer's.
 */
const OWNER_NAMED_BY_FIRST_EVENT: Readonly<
  Partial<Record<string, { readonly permission: ReadPermission; readonly field: string }>>
> = {
  Activity: { permission: 'Customer.read', field: 'ownerId' },
  Task: { permission: 'Customer.read', field: 'assigneeId' },
  Appointment: { permission: 'Customer.read', field: 'organizerId' },
  Quote: { permission: 'Quote.read', field: 'ownerId' },
  SalesOrder: { permission: 'SalesOrder.read', field: 'ownerId' },
  Contract: { permission: 'Contract.read', field: 'ownerId' },
  ExpenseClaim: { permission: 'ExpenseClaim.read', field: 'repId' },
};

/**
 * The owner of the record a stream holds, from the read models: a customer's, lead's or deal's
 * owner, the rep of a commission ledger, the actor of an export, the rep of an activity, a task,
 * an appointment, a quote, an order, a contract or an expense claim. Tickets, invoices and
 * anything else are unowned (readable with `any` scope).
 */
const streamRead = async (
  readModels: ReadModelStore,
  event: RecordedEvent,
  customerId: string,
): Promise<StreamRead> => {
  const parsed = parseStreamName(event.streamName);
  const { category, id } = E.isRight(parsed) ? parsed.right : { category: '', id: '' };
  switch (category) {
    case 'Customer': {
      const doc = await activeDocument(readModels, 'customers', CustomerDocument, customerKey(id));
      return { permission: 'Customer.read', ownerId: doc?.ownerId ?? null, recordId: id };
    }
    case 'Lead': {
      const doc = await activeDocument(readModels, 'leads', LeadDocument, leadKey(id));
      return { permission: 'Lead.read', ownerId: doc?.ownerId ?? null };
    }
    case 'Opportunity': {
      const doc = await activeDocument(readModels, 'deals', DealDocument, dealKey(id));
      return { permission: 'Opportunity.read', ownerId: doc?.ownerId ?? null, recordId: id };
    }
    case 'Ticket':
      return { permission: 'Ticket.read', ownerId: null };
    case 'Invoice':
      return { permission: 'Invoice.read', ownerId: null };
    case 'Commission':
      return { permission: 'Commission.read', ownerId: id };
    case 'CustomerExport':
      return { permission: 'CustomerExport.read', ownerId: event.metadata.actor.id };
    default: {
      const named = OWNER_NAMED_BY_FIRST_EVENT[category];
      if (named === undefined) return { permission: 'Customer.read', ownerId: null };
      const ownerId = repOf(event, named.field);
      // A team granting the customer grants its activities, tasks and appointments too.
      return named.permission === 'Customer.read'
        ? { permission: named.permission, ownerId, recordId: customerId }
        : { permission: named.permission, ownerId };
    }
  }
};

/**
 * A check of which timeline events the actor may see: each event is read under its own stream's
 * permission and owner, so a customer's timeline never shows a rep another rep's deal, an
 * invoice without `Invoice.read`, or a colleague's commission. Owners are looked up once per
 * stream. A member of the customer's or a deal's team sees what their team role grants.
 */
export const timelineVisibility = (
  readModels: ReadModelStore,
  access: ReadAccess,
  customerId: string,
): ((event: RecordedEvent) => Promise<boolean>) => {
  const owners = new Map<string, Promise<StreamRead>>();
  return async (event) => {
    // An export's owner is its actor, per event; every other stream has one owner.
    const cacheKey = event.streamName.startsWith('CustomerExport-')
      ? event.eventId
      : event.streamName;
    let read = owners.get(cacheKey);
    if (read === undefined) {
      read = streamRead(readModels, event, customerId);
      owners.set(cacheKey, read);
    }
    const { permission, ownerId, recordId } = await read;
    const scope = access.scope(permission);
    return E.isRight(scope) && inReadScope(scope.right, ownerId, recordId);
  };
};
