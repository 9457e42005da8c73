import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { NonNegativeMoney } from '../shared/money.js';

/** What a sales expense was for. */
export const ExpenseCategory = t.keyof(
  { travel: null, entertainment: null, samples: null, other: null },
  'ExpenseCategory',
);
/** What a sales expense was for. */
export type ExpenseCategory = t.TypeOf<typeof ExpenseCategory>;

/** Brand of {@link Sha256Hex}. */
export interface Sha256HexBrand {
  readonly Sha256Hex: unique symbol;
}
/** A SHA-256 digest in lower-case hex: the receipt file's fingerprint, the file kept elsewhere. */
export const Sha256Hex = t.brand(
  t.string,
  (s): s is t.Branded<string, Sha256HexBrand> => /^[0-9a-f]{64}$/.test(s),
  'Sha256Hex',
);

/**
 * What the log keeps of a receipt: its file name, media type and fingerprint, and the amount it
 * shows in the currency it was paid in. The file itself lives in the document store.
 */
export const ReceiptMetadata = t.readonly(
  t.intersection([
    t.type({
      receiptId: t.string,
      fileName: NonEmptyText,
      mediaType: NonEmptyText,
      amount: NonNegativeMoney,
    }),
    t.partial({ sha256: Sha256Hex }),
  ]),
  'ReceiptMetadata',
);
/** What the log keeps of a receipt. */
export type ReceiptMetadata = t.TypeOf<typeof ReceiptMetadata>;
