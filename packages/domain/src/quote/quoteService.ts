import * as E from 'fp-ts/lib/Either.js';
import type { CommandAuthorizer, CommandContext, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, EntryResult } from '../shared/commandEntry.js';
import { decodeCommand, entryFailure } from '../shared/commandEntry.js';
import type { PriceListService } from '../priceList/priceListService.js';
import type { ProductService } from '../product/productService.js';
import type { CatalogProduct } from '../product/state.js';
import type { DateOnly } from '../shared/dates.js';
import type { BasisPoints } from '../shared/basisPoints.js';
import type { QuoteCommandInput } from './commands.js';
import { QuoteCommand } from './commands.js';
import type { CatalogLineError, RequestedLine } from './catalogLines.js';
import { catalogLines } from './catalogLines.js';
import { quoteDecider } from './decide.js';
import type { DiscountRules } from './discountRules.js';
import { discountLimitOf } from './discountRules.js';
import type { QuoteError } from './errors.js';
import { QuoteEvent } from './events.js';
import type { QuoteState } from './state.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { QUOTE_STATE_VERSION, QuoteStateCodec } from './stateCodec.js';

/** The stream of a quote. */
export const quoteStream = (quoteId: string): string => streamName('Quote', quoteId);

/** The command with the facts the service records: the actor's discount limit and id. */
const withRecordedFacts = (
  command: QuoteCommand,
  context: CommandContext,
  rules: DiscountRules,
): QuoteCommand => {
  const limit = discountLimitOf(rules, context.actor.role) as BasisPoints;
  switch (command.kind) {
    case 'DraftQuote':
    case 'ReviseQuote':
      return { ...command, discountLimitBps: limit };
    case 'ApproveQuoteDiscount':
      return { ...command, approverId: context.actor.id, approverLimitBps: limit };
    case 'RejectQuoteDiscount':
      return { ...command, approverId: context.actor.id };
    default:
      return command;
  }
};

/** Options of {@link createQuoteService}. */
export interface QuoteServiceOptions {
  /** Where catalog lines find their product and their price as of the quote's date. */
  readonly products: ProductService;
  readonly priceLists: PriceListService;
  /** The discount each role may give alone, and approve. */
  readonly discountRules: DiscountRules;
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded quote before every decision. */
  readonly authorize: CommandAuthorizer<QuoteCommand, QuoteState>;
  /** Snapshot each quote every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** A draft or revision as a rep asks for it: products and quantities, no prices. */
export type QuoteRequest =
  | (Omit<
      Extract<QuoteCommandInput, { kind: 'DraftQuote' }>,
      'lines' | 'discountLimitBps' | 'currency'
    > & {
      readonly lines: readonly RequestedLine[];
    })
  | (Omit<Extract<QuoteCommandInput, { kind: 'ReviseQuote' }>, 'lines' | 'discountLimitBps'> & {
      readonly lines: readonly RequestedLine[];
    });

/** The Quote write side: drafts priced from the catalog, and the quote's lifecycle. */
export interface QuoteService extends CommandEntry<
  QuoteEvent,
  QuoteState,
  QuoteError,
  QuoteCommandInput
> {
  /** Drafts or revises a quote from products and quantities, priced from the catalog. */
  request(
    request: QuoteRequest,
    context: CommandContext,
  ): EntryResult<QuoteEvent, QuoteState, QuoteError | CatalogLineError>;
  load(quoteId: string): Promise<QuoteState>;
}

/**
 * The typed entry point of the Quote aggregate. It records the facts a decision needs and the
 * caller may not choose: the rep's discount limit (from the rules and the actor's role), an
 * approver's id and limit, and, for `request`, each line's product, price and tax rate from the
 * catalog as of the quote's date.
 */
export const createQuoteService = (
  store: EventStore,
  options: QuoteServiceOptions,
): QuoteService => {
  const handler = createCommandHandler({
    store,
    decider: quoteDecider,
    eventCodec: QuoteEvent,
    streamName: (command) => quoteStream(command.quoteId),
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: snapshotPolicyOf(options.snapshots, QUOTE_STATE_VERSION, QuoteStateCodec),
  });
  const { discountRules } = options;

  const handle: QuoteService['handle'] = async (input, context) => {
    const decoded = decodeCommand(QuoteCommand, input);
    if (E.isLeft(decoded)) return decoded;
    const command = withRecordedFacts(decoded.right, context, discountRules);
    return E.mapLeft(entryFailure<QuoteError>)(await handler.handle(command, context));
  };

  const catalogFor = async (quoteId: string, priceListId: string | undefined) => {
    if (priceListId !== undefined) return { priceListId };
    const quote = (await handler.load(quoteStream(quoteId))).state;
    return 'drafted' in quote ? { priceListId: quote.priceListId } : undefined;
  };

  const request: QuoteService['request'] = async (input, context) => {
    const listId = await catalogFor(
      input.quoteId,
      input.kind === 'DraftQuote' ? input.priceListId : undefined,
    );
    if (listId === undefined) return E.left({ kind: 'QuoteNotFound', quoteId: input.quoteId });
    const priceList = await options.priceLists.load(listId.priceListId);
    if (!('created' in priceList))
      return E.left({ kind: 'PriceListNotFound', priceListId: listId.priceListId });
    const products = new Map<string, CatalogProduct>();
    for (const productId of new Set(input.lines.map((line) => line.productId))) {
      const product = await options.products.load(productId);
      if ('defined' in product) products.set(productId, product);
    }
    const on = (input.kind === 'DraftQuote' ? input.quotedOn : input.revisedOn) as DateOnly;
    const lines = catalogLines(input.lines, priceList, products, on);
    if (E.isLeft(lines)) return lines;
    const currency = input.kind === 'DraftQuote' ? { currency: priceList.currency } : {};
    return handle({ ...input, ...currency, lines: lines.right, discountLimitBps: 0 }, context);
  };

  return {
    handle,
    send: handle,
    request,
    load: async (quoteId) => (await handler.load(quoteStream(quoteId))).state,
  };
};
