import * as t from 'io-ts';

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/**
 * One quote as the conversion report needs it: its rep, where it stands, when it was first sent,
 * and the gross and discount of its current version (the average discount is Σ discount ÷ Σ gross).
 */
export const QuoteDocument = t.type(
  {
    quoteId: t.string,
    ownerId: t.string,
    status: t.string,
    quotedOn: t.string,
    firstSentOn: nullable(t.string),
    versions: t.number,
    currency: t.string,
    grossMinor: t.number,
    discountMinor: t.number,
    netMinor: t.number,
  },
  'QuoteDocument',
);
/** One quote as the conversion report needs it. */
export type QuoteDocument = t.TypeOf<typeof QuoteDocument>;
