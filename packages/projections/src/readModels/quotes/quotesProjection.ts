import type { PricedCatalogLine } from '@clientele/domain';
import { QuoteEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import type { QuoteDocument } from './quoteDocument.js';

const decode = domainEventDecoder(QuoteEvent);

const amounts = (lines: readonly PricedCatalogLine[]) => ({
  grossMinor: lines.reduce((sum, line) => sum + line.gross.amountMinor, 0),
  discountMinor: lines.reduce((sum, line) => sum + line.discount.amountMinor, 0),
  netMinor: lines.reduce((sum, line) => sum + line.net.amountMinor, 0),
});

/** `quotes`: one document per quote with its rep, status, first send and current amounts. */
export const quotesProjection: Projection<QuoteDocument> = {
  name: 'quotes',
  version: 1,
  filter: { streamNamePrefixes: ['Quote-'] },
  keysOf: (recorded) => {
    const event = decode(recorded);
    return event === undefined ? [] : [event.data.quoteId];
  },
  initial: (quoteId) => ({
    quoteId,
    ownerId: '',
    status: 'draft',
    quotedOn: '',
    firstSentOn: null,
    versions: 0,
    currency: '',
    grossMinor: 0,
    discountMinor: 0,
    netMinor: 0,
  }),
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    switch (event.type) {
      case 'QuoteDrafted':
        return {
          ...doc,
          ownerId: event.data.ownerId,
          quotedOn: event.data.quotedOn,
          currency: event.data.currency,
          versions: 1,
          ...amounts(event.data.lines),
        };
      case 'QuoteRevised':
        return {
          ...doc,
          status: 'draft',
          versions: event.data.version,
          ...amounts(event.data.lines),
        };
      case 'QuoteSent':
        return { ...doc, status: 'sent', firstSentOn: doc.firstSentOn ?? event.data.sentOn };
      case 'QuoteAccepted':
        return { ...doc, status: 'accepted' };
      case 'QuoteRejected':
        return { ...doc, status: 'rejected' };
      case 'QuoteExpired':
        return { ...doc, status: 'expired' };
      default:
        return doc;
    }
  },
};
