import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { InvoiceCommandInput } from './commands.js';
import type { Money, NonNegativeMoney } from '../shared/money.js';
import type { InvoiceError } from './errors.js';
import type { InvoiceState } from './state.js';
import type { CreditPolicy } from './values.js';
import { createCommandEntry, decodeCommand, entryFailure } from '../shared/commandEntry.js';
import { InvoiceCommand } from './commands.js';
import { invoiceDecider } from './decide.js';
import { InvoiceEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** The stream of an invoice. */
export const invoiceStream = (invoiceId: string): string => streamName('Invoice', invoiceId);

/**
 * Where the invoice service looks up a customer's credit limit and outstanding balance (a
 * receivables read model, or the Customer aggregate plus a ledger). Undefined: no limit set.
 */
export type CreditExposureLookup = (
  customerId: string,
  currency: string,
) => Promise<{ readonly creditLimit: NonNegativeMoney; readonly outstanding: Money } | undefined>;

/** Options of {@link createInvoiceService}. */
export interface InvoiceServiceOptions extends ServiceOptions<InvoiceCommand, InvoiceState> {
  /** When set, issued invoices without their own `creditCheck` are checked against it. */
  readonly creditExposure?: CreditExposureLookup | undefined;
  /** Defaults to `warn`. */
  readonly creditPolicy?: CreditPolicy | undefined;
}

/** The Invoice write side as apps and importers use it. */
export interface InvoiceService extends CommandEntry<
  InvoiceEvent,
  InvoiceState,
  InvoiceError,
  InvoiceCommandInput
> {
  load(invoiceId: string): Promise<InvoiceState>;
}

/**
 * The typed entry point of the Invoice aggregate: decodes input, adds the credit facts to an
 * issue (so the decision stays pure and the facts are recorded), then handles it.
 */
export const createInvoiceService = (
  store: EventStore,
  options: InvoiceServiceOptions,
): InvoiceService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider: invoiceDecider,
    eventCodec: InvoiceEvent,
    streamName: (command) => invoiceStream(command.invoiceId),
    newEventId: options.newEventId,
    authorize: options.authorize,
  });
  const plain = createCommandEntry(InvoiceCommand, handler);
  const { creditExposure } = options;
  const handle: InvoiceService['handle'] = async (input, context) => {
    if (creditExposure === undefined) return plain.handle(input, context);
    const decoded = decodeCommand(InvoiceCommand, input);
    if (E.isLeft(decoded)) return decoded;
    let command = decoded.right;
    if (command.kind === 'IssueInvoice' && command.creditCheck === undefined) {
      const exposure = await creditExposure(command.customerId, command.currency);
      if (exposure !== undefined) {
        command = {
          ...command,
          creditCheck: { ...exposure, policy: options.creditPolicy ?? 'warn' },
        };
      }
    }
    return E.mapLeft(entryFailure<InvoiceError>)(await handler.handle(command, context));
  };
  return {
    handle,
    send: handle,
    load: async (invoiceId) => (await handler.load(invoiceStream(invoiceId))).state,
  };
};
