import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { QuoteCommand } from './commands.js';
import type { QuoteError } from './errors.js';
import type { QuoteEvent } from './events.js';
import type { QuoteProfile, QuoteState } from './state.js';
import { currentVersion, evolveQuote, initialQuoteState } from './state.js';
import { approvalNeeded, priceVersion } from './decideVersion.js';
import type { PricedSale } from './pricing.js';
import { decideApproval } from './decideApproval.js';

type Decision = E.Either<QuoteError, readonly QuoteEvent[]>;
type Command<K extends QuoteCommand['kind']> = Extract<QuoteCommand, { kind: K }>;

const draft = (command: Command<'DraftQuote'>, state: QuoteState): Decision => {
  if ('drafted' in state) return E.left({ kind: 'QuoteAlreadyDrafted', quoteId: command.quoteId });
  const { kind: _, discountLimitBps: __, lines: ___, quotedOn, ...rest } = command;
  const request = { ...command, version: 1, startsOn: quotedOn, requestedBy: command.ownerId };
  return E.map((sale: PricedSale): readonly QuoteEvent[] => [
    { type: 'QuoteDrafted', data: { ...rest, quotedOn, version: 1 as never, ...sale } },
    ...approvalNeeded(request),
  ])(priceVersion(request));
};

const revise = (command: Command<'ReviseQuote'>, quote: QuoteProfile): Decision => {
  if (quote.status !== 'draft' && quote.status !== 'sent') {
    return E.left({ kind: 'QuoteNotOpen', quoteId: quote.quoteId, status: quote.status });
  }
  const version = currentVersion(quote).version + 1;
  const request = {
    ...command,
    version,
    currency: quote.currency,
    startsOn: command.revisedOn,
    requestedBy: quote.ownerId,
  };
  const { kind: _, discountLimitBps: __, lines: ___, ...rest } = command;
  return E.map((sale: PricedSale): readonly QuoteEvent[] => [
    { type: 'QuoteRevised', data: { ...rest, version: version as never, ...sale } },
    ...approvalNeeded(request),
  ])(priceVersion(request));
};

const send = (command: Command<'SendQuote'>, quote: QuoteProfile): Decision => {
  const { quoteId } = quote;
  const { version, validUntil } = currentVersion(quote);
  if (quote.status === 'sent') return E.right([]);
  if (quote.status !== 'draft')
    return E.left({ kind: 'QuoteNotOpen', quoteId, status: quote.status });
  if (quote.approval === 'pending')
    return E.left({ kind: 'QuoteDiscountApprovalPending', quoteId });
  if (quote.approval === 'refused') return E.left({ kind: 'QuoteDiscountRefused', quoteId });
  if (command.sentOn > validUntil)
    return E.left({ kind: 'QuoteValidityPassed', quoteId, validUntil });
  return E.right([
    { type: 'QuoteSent', data: { quoteId, version: version as never, sentOn: command.sentOn } },
  ]);
};

const accept = (command: Command<'AcceptQuote'>, quote: QuoteProfile): Decision => {
  const { quoteId } = quote;
  const current = currentVersion(quote);
  if (quote.status === 'accepted') return E.right([]);
  if (quote.status !== 'sent')
    return E.left({ kind: 'QuoteNotSent', quoteId, status: quote.status });
  if (command.acceptedOn > current.validUntil) {
    return E.left({ kind: 'QuoteValidityPassed', quoteId, validUntil: current.validUntil });
  }
  const data = {
    quoteId,
    version: current.version as never,
    acceptedOn: command.acceptedOn,
    customerId: quote.customerId,
    ownerId: quote.ownerId,
    currency: quote.currency,
    lines: current.lines,
    totals: current.totals,
    ...(quote.opportunityId === null ? {} : { opportunityId: quote.opportunityId }),
    ...(current.subscription === null ? {} : { subscription: current.subscription }),
  };
  return E.right([{ type: 'QuoteAccepted', data }]);
};

const close = (command: Command<'RejectQuote' | 'ExpireQuote'>, quote: QuoteProfile): Decision => {
  const { quoteId } = quote;
  const { version, validUntil } = currentVersion(quote);
  if (command.kind === 'RejectQuote') {
    if (quote.status === 'rejected') return E.right([]);
    if (quote.status !== 'sent')
      return E.left({ kind: 'QuoteNotSent', quoteId, status: quote.status });
    const { kind: _, quoteId: __, ...rejection } = command;
    return E.right([
      { type: 'QuoteRejected', data: { quoteId, version: version as never, ...rejection } },
    ]);
  }
  if (quote.status === 'expired') return E.right([]);
  if (quote.status !== 'draft' && quote.status !== 'sent') {
    return E.left({ kind: 'QuoteNotOpen', quoteId, status: quote.status });
  }
  if (command.today <= validUntil)
    return E.left({ kind: 'QuoteNotYetExpired', quoteId, validUntil });
  return E.right([
    {
      type: 'QuoteExpired',
      data: { quoteId, version: version as never, expiredOn: command.today },
    },
  ]);
};

const decide = (command: QuoteCommand, state: QuoteState): Decision => {
  if (command.kind === 'DraftQuote') return draft(command, state);
  if (!('drafted' in state)) return E.left({ kind: 'QuoteNotFound', quoteId: command.quoteId });
  switch (command.kind) {
    case 'ReviseQuote':
      return revise(command, state);
    case 'ApproveQuoteDiscount':
    case 'RejectQuoteDiscount':
      return decideApproval(command, state);
    case 'SendQuote':
      return send(command, state);
    case 'AcceptQuote':
      return accept(command, state);
    case 'RejectQuote':
    case 'ExpireQuote':
      return close(command, state);
  }
};

/**
 * The Quote aggregate: a quote priced from the catalog, with exact lines and totals, revised into
 * new versions that keep the old ones, a discount approval workflow, and the customer's answer
 * (accepted, rejected) or its expiry.
 */
export const quoteDecider: Decider<QuoteCommand, QuoteEvent, QuoteState, QuoteError> = {
  initialState: initialQuoteState,
  decide,
  evolve: evolveQuote,
};
