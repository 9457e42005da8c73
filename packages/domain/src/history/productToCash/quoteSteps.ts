import * as E from 'fp-ts/lib/Either.js';
import { addDays } from '../../shared/dates.js';
import type { HistoryStep } from '../historyStep.js';
import type { HistoryWorld } from '../historyWorld.js';
import { GENERATED_PRICE_LISTS, GENERATED_PRODUCTS } from './catalogSetup.js';
import type { GeneratedProductToCash } from './productToCashServices.js';

/** A quote the generator follows: its rep, and where it stands. */
interface GeneratedQuote {
  readonly quoteId: string;
  readonly ownerId: string;
  status: 'pending' | 'draft' | 'sent';
  validUntil: string;
  revisions: number;
}

const managerOf = (world: HistoryWorld, repId: string): string => {
  const own = `manager-${repId.replace(/^rep-/, '').replace(/-\d+$/, '')}`;
  return world.managers.includes(own)
    ? own
    : world.random.pick(world.managers.length > 0 ? world.managers : ['admin']);
};

const requestedLines = (world: HistoryWorld, subscription: boolean) => {
  const { random } = world;
  const products = GENERATED_PRODUCTS.filter(
    (product) => (product.billing === 'subscription') === subscription,
  );
  return Array.from({ length: subscription ? 1 : random.int(1, 3) }, (_, index) => ({
    lineId: `l${String(index + 1)}`,
    productId: random.pick(products).productId,
    quantity: random.int(1, subscription ? 3 : 25),
    // Most discounts are within a rep's 10 %; some need a manager.
    discountBps: random.pick([0, 0, 500, 800, 1_000, 1_500, 2_000]),
  }));
};

/**
 * Quotes from the catalog for open deals: drafted (some as subscriptions, some with a discount
 * above the rep's limit that a manager approves or refuses), sent, then accepted, rejected,
 * revised, or left to expire.
 */
export const quoteSteps = (services: GeneratedProductToCash): readonly HistoryStep[] => {
  const quotes = new Map<string, GeneratedQuote>();
  let drafted = 0;
  const inStatus = (status: GeneratedQuote['status']) =>
    [...quotes.values()].filter((quote) => quote.status === status);
  const outcome = (
    world: HistoryWorld,
    quote: GeneratedQuote,
    step: string,
    result: E.Either<unknown, { events: readonly { type: string }[] }>,
  ) => {
    world.record(step, result);
    if (E.isLeft(result)) return;
    const types = result.right.events.map((event) => event.type);
    if (types.includes('QuoteDiscountApprovalRequested')) quote.status = 'pending';
    else if (types.includes('QuoteSent')) quote.status = 'sent';
    else if (
      types.some((type) => ['QuoteAccepted', 'QuoteRejected', 'QuoteExpired'].includes(type))
    )
      quotes.delete(quote.quoteId);
    else quote.status = 'draft';
  };

  const draft: HistoryStep = {
    name: 'draftQuote',
    weight: (world) => (world.dealPools.open.size > 0 ? 2.5 : 0),
    run: async (world) => {
      const deal = world.dealPools.open.pick(world.random);
      if (deal.customerId === null) return;
      const quoteId = world.random.uuid();
      // Every other quote is a subscription, so every history has contracts to renew and bill.
      drafted += 1;
      const subscription = drafted % 2 === 0;
      const validUntil = addDays(world.today(), 30);
      const quote: GeneratedQuote = {
        quoteId,
        ownerId: deal.ownerId,
        status: 'draft',
        validUntil,
        revisions: 0,
      };
      quotes.set(quoteId, quote);
      const result = await services.quotes.request(
        {
          kind: 'DraftQuote',
          quoteId,
          opportunityId: deal.opportunityId,
          customerId: deal.customerId,
          ownerId: deal.ownerId,
          priceListId: world.random.pick(GENERATED_PRICE_LISTS).priceListId,
          quotedOn: world.today(),
          validUntil,
          lines: requestedLines(world, subscription),
          ...(subscription
            ? {
                subscription: {
                  startOn: addDays(world.today(), 14),
                  termMonths: world.random.pick([3, 6, 12]),
                  autoRenew: world.random.chance(0.7),
                  noticeDays: 30,
                  billing: world.random.pick(['monthly', 'quarterly'] as const),
                },
              }
            : {}),
        },
        world.context(deal.ownerId),
      );
      if (E.isLeft(result)) quotes.delete(quoteId);
      outcome(world, quote, 'draftQuote', result);
    },
  };

  const review: HistoryStep = {
    name: 'reviewDiscount',
    weight: () => (inStatus('pending').length > 0 ? 2 : 0),
    run: async (world) => {
      const quote = world.random.pick(inStatus('pending'));
      const kind = world.random.chance(0.75) ? 'ApproveQuoteDiscount' : 'RejectQuoteDiscount';
      const result = await services.quotes.handle(
        {
          kind,
          quoteId: quote.quoteId,
          approverId: '',
          approverLimitBps: 0,
          reason: 'margin too thin',
        },
        world.context(managerOf(world, quote.ownerId)),
      );
      world.record(kind === 'ApproveQuoteDiscount' ? 'approveDiscount' : 'refuseDiscount', result);
      // A refused discount is revised into a version within the rep's limit, or the quote dropped.
      if (E.isLeft(result)) return;
      if (kind === 'ApproveQuoteDiscount') quote.status = 'draft';
      else quotes.delete(quote.quoteId);
    },
  };

  const send: HistoryStep = {
    name: 'sendQuote',
    weight: () => (inStatus('draft').length > 0 ? 3 : 0),
    run: async (world) => {
      const quote = world.random.pick(inStatus('draft'));
      const result = await services.quotes.handle(
        { kind: 'SendQuote', quoteId: quote.quoteId, sentOn: world.today() },
        world.context(quote.ownerId),
      );
      if (E.isLeft(result)) quotes.delete(quote.quoteId);
      else outcome(world, quote, 'sendQuote', result);
    },
  };

  const answer: HistoryStep = {
    name: 'answerQuote',
    weight: () => (inStatus('sent').length > 0 ? 2.5 : 0),
    run: async (world) => {
      const quote = world.random.pick(inStatus('sent'));
      const context = world.context(quote.ownerId);
      const today = world.today();
      if (today > quote.validUntil) {
        outcome(
          world,
          quote,
          'expireQuote',
          await services.quotes.handle(
            { kind: 'ExpireQuote', quoteId: quote.quoteId, today },
            context,
          ),
        );
        return;
      }
      const roll = world.random.next();
      if (roll < 0.15 && quote.revisions < 2) {
        quote.revisions += 1;
        quote.validUntil = addDays(today, 30);
        const lines = requestedLines(world, false).map((line) => ({
          ...line,
          discountBps: Math.min(line.discountBps, 1_000),
        }));
        const result = await services.quotes.request(
          {
            kind: 'ReviseQuote',
            quoteId: quote.quoteId,
            revisedOn: today,
            validUntil: quote.validUntil,
            lines,
          },
          context,
        );
        if (E.isLeft(result)) quotes.delete(quote.quoteId);
        outcome(world, quote, 'reviseQuote', result);
        return;
      }
      const accept = roll < 0.8;
      const command = accept
        ? { kind: 'AcceptQuote', quoteId: quote.quoteId, acceptedOn: today }
        : {
            kind: 'RejectQuote',
            quoteId: quote.quoteId,
            rejectedOn: today,
            reason: 'went with a competitor',
          };
      outcome(
        world,
        quote,
        accept ? 'acceptQuote' : 'rejectQuote',
        await services.quotes.handle(command, context),
      );
    },
  };

  return [draft, review, send, answer];
};
