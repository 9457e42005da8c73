import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { type Ratio, ratio } from '../../definitions/ratio.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { SalesOrderDocument } from '../orders/salesOrderDocument.js';
import { QuoteDocument } from './quoteDocument.js';

/** Quote-to-order conversion and discounting of one rep. */
export interface QuoteConversionRow {
  readonly repId: string;
  /** Quotes first sent by the report date. */
  readonly quotesSent: number;
  readonly accepted: number;
  /** Sent quotes that became an order (placed by the report date). */
  readonly ordered: number;
  /** Ordered ÷ sent. */
  readonly conversion: Ratio;
  /** Σ discount ÷ Σ gross of the sent quotes' current versions, all currencies' minor units together. */
  readonly averageDiscount: Ratio;
}

/**
 * Quote-to-order conversion and average discount per rep, over quotes first sent by `asOf`, within
 * the actor's `Quote.read` scope. The discount is weighted by gross amount: a 10 % discount on a
 * large quote counts more than 30 % on a small one. Rows by rep id.
 */
export const quoteConversionReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: { readonly asOf: string },
): Promise<E.Either<AuthorizationDenial, QuoteConversionRow[]>> => {
  const scope = access.scope('Quote.read');
  if (E.isLeft(scope)) return scope;
  const ordered = new Set<string>();
  for await (const { doc } of activeDocuments(readModels, 'salesOrders', SalesOrderDocument)) {
    if (doc.quoteId !== null && doc.orderedOn <= options.asOf) ordered.add(doc.quoteId);
  }
  const reps = new Map<
    string,
    { sent: number; accepted: number; ordered: number; gross: number; discount: number }
  >();
  for await (const { doc } of activeDocuments(readModels, 'quotes', QuoteDocument)) {
    if (!inReadScope(scope.right, doc.ownerId)) continue;
    if (doc.firstSentOn === null || doc.firstSentOn > options.asOf) continue;
    const rep = reps.get(doc.ownerId) ?? {
      sent: 0,
      accepted: 0,
      ordered: 0,
      gross: 0,
      discount: 0,
    };
    reps.set(doc.ownerId, {
      sent: rep.sent + 1,
      accepted: rep.accepted + (doc.status === 'accepted' ? 1 : 0),
      ordered: rep.ordered + (ordered.has(doc.quoteId) ? 1 : 0),
      gross: rep.gross + doc.grossMinor,
      discount: rep.discount + doc.discountMinor,
    });
  }
  return E.right(
    [...reps.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([repId, rep]) => ({
        repId,
        quotesSent: rep.sent,
        accepted: rep.accepted,
        ordered: rep.ordered,
        conversion: ratio(rep.ordered, rep.sent),
        averageDiscount: ratio(rep.discount, rep.gross),
      })),
  );
};
