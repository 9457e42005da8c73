import * as t from 'io-ts';
import { BasisPoints } from '../shared/basisPoints.js';
import { DateOnly } from '../shared/dates.js';
import { NonNegativeMoney } from '../shared/money.js';

/** The tax rate of each tax class where a price list sells, in basis points (2,000 = 20 %). */
export const TaxRates = t.readonly(
  t.type({ standard: BasisPoints, reduced: BasisPoints, zero: BasisPoints, exempt: BasisPoints }),
  'TaxRates',
);
/** The tax rate of each tax class. */
export type TaxRates = t.TypeOf<typeof TaxRates>;

/** One price of a product, in effect from a day on until a later price replaces it. */
export const PriceEntry = t.readonly(
  t.type({ unitPrice: NonNegativeMoney, effectiveFrom: DateOnly }),
  'PriceEntry',
);
/** One price of a product. */
export type PriceEntry = t.TypeOf<typeof PriceEntry>;
