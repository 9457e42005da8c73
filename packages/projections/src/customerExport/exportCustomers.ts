import * as E from 'fp-ts/lib/Either.js';
import type {
  CustomerExportError,
  CustomersExported,
  EntryFailure,
  ExportFormat,
  ExportedCustomer,
} from '@clientele/domain';
import {
  CustomerEvent,
  createCustomerExportService,
  customerExportAuthorizer,
  evolveCustomer,
  inReadScope,
  initialCustomerState,
} from '@clientele/domain';
import type { CommandContext, EventStore } from '@clientele/eventstore';
import type { ReadAccess } from '../access/readAccess.js';
import { activeDocuments } from '../store/activeDocuments.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { CustomerDocument } from '../readModels/customers/customerDocument.js';
import { domainEventDecoder } from '../readModels/domainEvent.js';
import type { ExportedCustomerRow } from './exportFile.js';
import { exportRow, renderExportFile, sha256Hex } from './exportFile.js';

const decodeCustomerEvent = domainEventDecoder(CustomerEvent);

/** What {@link exportCustomers} needs: where to read and record, who exports, and how. */
export interface CustomerExportRequest {
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  /** The exporting actor's access: `Customer.export` decides which customers are included. */
  readonly access: ReadAccess;
  readonly exportId: string;
  readonly format: ExportFormat;
  /** The command's id and business time; its actor is the access's actor. */
  readonly context: Omit<CommandContext, 'actor'>;
}

/** An export recorded in the log, and the file it recorded, ready to hand out. */
export interface CustomerExportResult {
  readonly recorded: CustomersExported['data'];
  readonly content: string;
  readonly rows: readonly ExportedCustomerRow[];
}

/** The registered customers within a scope, with their owners, in id order. */
const selection = async (
  readModels: ReadModelStore,
  access: ReadAccess,
): Promise<E.Either<EntryFailure<CustomerExportError>, ExportedCustomer[]>> => {
  const scope = access.scope('Customer.export');
  if (E.isLeft(scope)) return E.left({ kind: 'Forbidden', denial: scope.left });
  const picked: ExportedCustomer[] = [];
  for await (const { doc } of activeDocuments(readModels, 'customers', CustomerDocument))
    if (inReadScope(scope.right, doc.ownerId))
      picked.push({ customerId: doc.customerId, ownerId: doc.ownerId });
  return E.right(picked);
};

const currentRow = async (
  events: EventStore,
  customerId: string,
): Promise<ExportedCustomerRow | undefined> => {
  let state = initialCustomerState;
  for await (const event of events.readStream(`Customer-${customerId}`)) {
    const decoded = decodeCustomerEvent(event);
    if (decoded !== undefined) state = evolveCustomer(state, decoded);
  }
  return 'registered' in state ? exportRow(state) : undefined;
};

/**
 * Bulk export of customer data as a recorded command. The customers within the actor's
 * `Customer.export` scope (a manager's team's, everyone's for an administrator) are read and
 * rendered; then `ExportCustomers` is sent, checked by {@link customerExportAuthorizer}, and its
 * `CustomersExported` event (scope, count, format, ids, the file's SHA-256) is appended; only then
 * is the file returned for the caller to hand out. A role without `Customer.export` (a rep, even
 * for their own customers) gets `Forbidden` with the denial, and nothing is read or recorded.
 */
export const exportCustomers = async (
  request: CustomerExportRequest,
): Promise<E.Either<EntryFailure<CustomerExportError>, CustomerExportResult>> => {
  const { access, readModels, events } = request;
  const picked = await selection(readModels, access);
  if (E.isLeft(picked)) return picked;
  const rows: ExportedCustomerRow[] = [];
  for (const { customerId } of picked.right) {
    const row = await currentRow(events, customerId);
    if (row !== undefined) rows.push(row);
  }
  const content = renderExportFile(rows, request.format);
  const inFile = new Set(rows.map((row) => row.customerId));
  const scope = access.scope('Customer.export');
  const service = createCustomerExportService(events, {
    authorize: customerExportAuthorizer(access.policy, access.teams),
  });
  const outcome = await service.handle(
    {
      kind: 'ExportCustomers',
      exportId: request.exportId,
      format: request.format,
      scope: E.isRight(scope) ? scope.right.reach : 'own',
      customers: picked.right.filter((c) => inFile.has(c.customerId)),
      contentSha256: sha256Hex(content),
    },
    { ...request.context, actor: access.actor },
  );
  if (E.isLeft(outcome)) return outcome;
  const { state } = outcome.right;
  if (!state.recorded) throw new Error(`export ${request.exportId} was not recorded`);
  const { recorded: _, ...recorded } = state;
  return E.right({ recorded, content, rows });
};
